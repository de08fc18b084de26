using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Investment.Bench.Peer;

/// <summary>
/// The peer's tables, created from its EF Core model, filled with the same business data as the event store: every row
/// is copied from the benchmark's events (investors, leads at their current stage, contacts, certificates with their
/// investors and milestones, amendments, targets), so both sides answer over the same volume in the same cluster.
/// </summary>
public static class Setup
{
    public static readonly HashSet<string> Zones = ["dung-quat", "vsip-quang-ngai", "tinh-phong", "quang-phu", "pho-phong"];

    public static async Task Run(string connection)
    {
        var options = new DbContextOptionsBuilder<PeerDb>().UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
        await using var db = new PeerDb(options);
        await db.Database.ExecuteSqlRawAsync($"drop schema if exists {PeerDb.Schema} cascade; create schema {PeerDb.Schema}");
        await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync(Copy);
        await db.Database.ExecuteSqlRawAsync($"vacuum analyze");
    }

    // Enum names as EF stores them (PascalCase, HasConversion<string>) for channels and sectors; stages in camelCase as the API writes them.
    private const string Copy = """
        create temporary table e as select stream_id, version, type, data from investment.mt_events
        where type in ('investor_registered', 'lead_opened', 'lead_stage_changed', 'lead_lost', 'lead_reopened', 'lead_certified',
                       'contact_logged', 'contact_withdrawn', 'certificate_issued', 'certificate_amended', 'target_set', 'target_revised');
        create index on e (type);

        insert into peer.investors (id, legal_name, country)
        select (data ->> 'investorId')::uuid, data -> 'profile' ->> 'legalName', data -> 'profile' ->> 'country' from e where type = 'investor_registered';

        insert into peer.leads (id, investor_id, investor_name, investor_country, zone_code, project_name, sector, estimated_amount,
            estimated_currency, estimated_usd, source, owner, stage, opened_on, version)
        select o.stream_id, (data ->> 'investorId')::uuid, data ->> 'investorName', data ->> 'investorCountry', data ->> 'zoneCode',
            data ->> 'projectName', data ->> 'sector', (data -> 'estimatedCapital' ->> 'amount')::numeric, data -> 'estimatedCapital' ->> 'currency',
            round(case when data -> 'estimatedCapital' ->> 'currency' = 'USD' then (data -> 'estimatedCapital' ->> 'amount')::numeric
                  else (data -> 'estimatedCapital' ->> 'amount')::numeric / (data -> 'estimatedCapital' ->> 'exchangeRate')::numeric end, 2),
            data ->> 'source', data ->> 'owner', 'prospect', (data ->> 'openedOn')::date, 1
        from e o where type = 'lead_opened';

        update peer.leads l set stage = s.stage, version = s.version from (
            select distinct on (stream_id) stream_id, version,
                case type when 'lead_lost' then 'lost' when 'lead_certified' then 'certified'
                    else lower(left(coalesce(data ->> 'to', data ->> 'at'), 1)) || substr(coalesce(data ->> 'to', data ->> 'at'), 2) end as stage
            from e where type in ('lead_stage_changed', 'lead_lost', 'lead_reopened', 'lead_certified') order by stream_id, version desc) s
        where l.id = s.stream_id;

        insert into peer.contacts (id, lead_id, occurred_at, channel, officers, investor_people, summary, next_step, follow_up_on, logged_by, logged_at)
        select (data ->> 'contactId')::uuid, stream_id, (data -> 'contact' ->> 'occurredAt')::timestamptz,
            upper(left(data -> 'contact' ->> 'channel', 1)) || substr(data -> 'contact' ->> 'channel', 2),
            array(select jsonb_array_elements_text(data -> 'contact' -> 'officers')),
            array(select jsonb_array_elements_text(data -> 'contact' -> 'investorPeople')),
            data -> 'contact' ->> 'summary', data -> 'contact' ->> 'nextStep', (data -> 'contact' ->> 'followUpOn')::date,
            data ->> 'recordedBy', (data ->> 'recordedAt')::timestamptz
        from e where type = 'contact_logged'
          and not exists (select 1 from e w where w.type = 'contact_withdrawn' and w.data ->> 'contactId' = e.data ->> 'contactId');

        update peer.leads l set last_contact_at = c.occurred_at, next_follow_up_on = c.follow_up_on, version = greatest(l.version, v.version)
        from (select distinct on (lead_id) lead_id, occurred_at, follow_up_on from peer.contacts order by lead_id, occurred_at desc) c,
             (select stream_id, max(version) as version from e group by stream_id) v
        where l.id = c.lead_id and v.stream_id = l.id;

        insert into peer.certificates (id, number, project_name, zone_code, sector, capital_amount, capital_currency, capital_usd,
            land_area_hectares, issued_on, duration_years, status, lead_id, planned_employees, version)
        select stream_id, data ->> 'number', data ->> 'projectName', data ->> 'zoneCode',
            upper(left(data ->> 'sector', 1)) || substr(data ->> 'sector', 2),
            (data -> 'capital' ->> 'amount')::numeric, data -> 'capital' ->> 'currency',
            round(case when data -> 'capital' ->> 'currency' = 'USD' then (data -> 'capital' ->> 'amount')::numeric
                  else (data -> 'capital' ->> 'amount')::numeric / (data -> 'capital' ->> 'exchangeRate')::numeric end, 2),
            (data ->> 'landAreaHectares')::numeric, (data ->> 'issuedOn')::date, (data ->> 'durationYears')::int, 'active',
            (data ->> 'leadId')::uuid, (data ->> 'plannedEmployees')::int, 1
        from e where type = 'certificate_issued';

        insert into peer.certificate_investor (certificate_id, investor_id, name, country)
        select stream_id, (i ->> 'investorId')::uuid, i ->> 'name', i ->> 'country'
        from e, jsonb_array_elements(data -> 'investors') i where type = 'certificate_issued';

        insert into peer.milestone (certificate_id, name, due)
        select stream_id, m ->> 'name', (m ->> 'due')::date from e, jsonb_array_elements(data -> 'schedule') m where type = 'certificate_issued';

        insert into peer.amendments (certificate_id, number, "on", capital_change_usd, reason)
        select stream_id, (data ->> 'number')::int, (data ->> 'on')::date,
            case when data -> 'capitalChange' ->> 'amount' is null then null
                 when data -> 'capitalChange' ->> 'currency' = 'USD' then (data -> 'capitalChange' ->> 'amount')::numeric
                 else round((data -> 'capitalChange' ->> 'amount')::numeric / (data -> 'capitalChange' ->> 'exchangeRate')::numeric, 2) end,
            data ->> 'reason'
        from e where type = 'certificate_amended';

        insert into peer.targets (zone_code, year, minimum_usd, maximum_usd)
        select distinct on (data ->> 'zoneCode', (data ->> 'year')::int) data ->> 'zoneCode', (data ->> 'year')::int,
            (data -> 'range' ->> 'minimumUsd')::numeric, (data -> 'range' ->> 'maximumUsd')::numeric
        from e where type in ('target_set', 'target_revised') order by data ->> 'zoneCode', (data ->> 'year')::int, version desc;

        drop table e;
        """;
}
