using System.Diagnostics;
using Investment.Api.EventStore;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace Investment.Bench;

/// <summary>What the fill wrote: ids the scenarios pick from.</summary>
public sealed record Filled(IReadOnlyList<Guid> Investors, IReadOnlyList<Guid> Leads, IReadOnlyList<Guid> Certificates, long Events, TimeSpan Took);

/// <summary>
/// Fills the store with a realistic volume, straight into the event store (no HTTP, no projections: the rebuild builds
/// every read model from these events afterwards, and is measured). Investors, leads with their stages and contacts,
/// certificates with amendments and inspections, across the zones and 2012–2015.
/// </summary>
public static class Fill
{
    private static readonly string[] Zones = ["dung-quat", "vsip-quang-ngai", "tinh-phong", "quang-phu", "pho-phong"];
    private static readonly string[] Countries = ["JP", "KR", "SG", "TW", "US", "VN", "CN", "TH"];
    private static readonly Instant Recorded = Instant.FromUtc(2016, 1, 1, 0, 0);

    public static async Task<Filled> Run(string connectionString, long targetEvents)
    {
        var clock = Stopwatch.StartNew();
        using var store = DocumentStore.For(options =>
        {
            EventStoreSetup.ConfigureStorage(options, connectionString);
            options.Events.AppendMode = EventAppendMode.Quick; // no inline projection to feed: the fastest durable append
        });
        var random = new Random(2014);
        // The full volume: 2,000 investors and 20,000 certificates (~5 events each), then leads up to the target. A small
        // target (--events 1000) scales them down, so that reads can be compared with and without a million events.
        var investorCount = (int)Math.Clamp(targetEvents / 500, 10, 2_000);
        var certificateCount = (int)Math.Clamp(targetEvents / 50, 20, 20_000);
        var minimumLeads = (int)Math.Clamp(targetEvents / 100, 10, 1_000);
        var investors = new List<(Guid Id, InvestorProfile Profile)>();
        for (var i = 0; i < investorCount; i++)
            investors.Add((Guid.CreateVersion7(), new InvestorProfile($"Bench investor {i:D5}", Countries[i % Countries.Length],
                [(Sector)(i % 11)], null, null, [new ContactPerson($"Person {i}", "Director", $"p{i}@example.com")])));
        await Append(store, investors.Select(x => (x.Id, new object[] { new InvestorRegistered(x.Id, x.Profile, "bench", Recorded) })));
        long events = investors.Count;

        var certificates = new List<Guid>();
        var certificateStreams = new List<(Guid, object[])>();
        for (var i = 0; i < certificateCount; i++)
        {
            var id = Guid.CreateVersion7();
            certificates.Add(id);
            certificateStreams.Add((id, Certificate(id, i, investors[random.Next(investors.Count)], random)));
        }
        events += certificateStreams.Sum(s => s.Item2.Length);
        await Append(store, certificateStreams);

        var leads = new List<Guid>();
        while (events < targetEvents || leads.Count < minimumLeads)
        {
            var batch = new List<(Guid, object[])>();
            for (var i = 0; i < Math.Min(200, minimumLeads); i++)
            {
                var id = Guid.CreateVersion7();
                leads.Add(id);
                var lead = Lead(id, investors[random.Next(investors.Count)], random);
                batch.Add((id, lead));
                events += lead.Length;
            }
            await Append(store, batch);
        }
        return new Filled([.. investors.Select(i => i.Id)], leads, certificates, events, clock.Elapsed);
    }

    private static async Task Append(DocumentStore store, IEnumerable<(Guid Id, object[] Events)> streams)
    {
        foreach (var chunk in streams.Chunk(250))
        {
            await using var session = store.LightweightSession();
            foreach (var (id, events) in chunk) session.Events.StartStream(id, events);
            await session.SaveChangesAsync();
        }
    }

    private static object[] Certificate(Guid id, int n, (Guid Id, InvestorProfile Profile) investor, Random random)
    {
        var issued = new LocalDate(2010, 1, 1).PlusDays(random.Next(0, 6 * 365));
        var events = new List<object>
        {
            new CertificateIssued(id, $"B{n:D9}", $"Bench project {n}", [new CertificateInvestor(investor.Id, investor.Profile.LegalName, investor.Profile.Country)],
                Zones[n % Zones.Length], investor.Profile.Sectors[0], Money.Usd(random.Next(1, 500_000) * 1_000m), random.Next(1, 200), issued, 50,
                [new Milestone("Operation", issued.PlusMonths(24))], null, "bench", Recorded),
        };
        var on = issued;
        for (var a = 1; a <= random.Next(0, 4); a++)
        {
            on = on.PlusDays(random.Next(10, 120));
            events.Add(new CertificateAmended(id, a, on, Money.Usd(random.Next(1, 50_000) * 100m), null, 0, null, null, "Bench amendment", "bench", Recorded));
        }
        if (random.Next(2) == 0)
            events.Add(new CertificateInspected(id, on.PlusDays(30), "officer.bench", (Progress)random.Next(3), Money.Usd(1_000m), [], "Bench inspection", "bench", Recorded));
        return [.. events];
    }

    private static object[] Lead(Guid id, (Guid Id, InvestorProfile Profile) investor, Random random)
    {
        var opened = new LocalDate(2012, 1, 1).PlusDays(random.Next(0, 4 * 365));
        var events = new List<object>
        {
            new LeadOpened(id, investor.Id, investor.Profile.LegalName, investor.Profile.Country, Zones[random.Next(Zones.Length)], "Bench lead",
                investor.Profile.Sectors[0], Money.Usd(random.Next(1, 100_000) * 1_000m), (LeadSource)random.Next(7), "officer.bench", opened, "bench", Recorded),
        };
        var stage = LeadStage.Prospect;
        var on = opened;
        for (var c = 0; c < random.Next(10, 30); c++)
        {
            on = on.PlusDays(random.Next(1, 10));
            var at = on.AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant().Plus(Duration.FromHours(3));
            events.Add(new ContactLogged(id, Guid.CreateVersion7(), new ContactDetails(at, (ContactChannel)random.Next(7), ["officer.bench"], ["Guest"],
                "Bench contact about the project's next steps.", "Follow up.", on.PlusDays(14)), "bench", Recorded));
            if (stage < LeadStage.Applied && random.Next(8) == 0)
            {
                events.Add(new LeadStageChanged(id, stage, stage + 1, on, null, "bench", Recorded));
                stage++;
            }
        }
        return [.. events];
    }
}
