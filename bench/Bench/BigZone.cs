using System.Globalization;
using System.Net.Http.Json;
using Investment.Api.EventStore;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace Investment.Bench;

/// <summary>
/// Issue 18's large zone: 20,000 certificates and 50,000 leads in one zone (pho-phong, which the other scenarios do not
/// read), appended straight into the event store before the rebuild, as <see cref="Fill"/> does. Most certificates are
/// inspected every few months and meet their milestone, as a zone that manages its projects does; a few percent stop being
/// inspected, are suspended, stall, have an early milestone missed or are revoked, so the watchlist of any date in
/// 2014–2015 lists some hundreds of them, not the whole zone.
/// </summary>
public static class BigZone
{
    public const string Zone = "pho-phong";
    public const int Certificates = 20_000;
    public const int Leads = 50_000;
    // No commas in the names: --scenarios is a comma-separated list.
    public const string Watchlist = "watchlist of a large zone";
    public const string Pipeline = "pipeline of a large zone";
    public const double TargetMs = 50;
    public static readonly string[] Scenarios = [Watchlist, Pipeline];
    private static readonly Instant Recorded = Instant.FromUtc(2016, 1, 2, 0, 0);
    private static readonly LocalDate End = new(2016, 6, 30);

    /// <summary>The watchlist as of a day in 2014–2015 (a different one each request), the pipeline of every lead opened 2012–2015.</summary>
    public static string WatchlistUrl(int r) =>
        $"/api/v1/certificates/watchlist?zone={Zone}&asOf={new LocalDate(2014, 1, 1).PlusDays(r % 730).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}";

    public const string PipelineUrl = $"/api/v1/zones/{Zone}/pipeline?openedFrom=2012-01-01&openedTo=2015-12-31";

    /// <summary>What one answer holds, for the benchmark's line: the watchlist's entries on a date, the leads the pipeline counts.</summary>
    public static async Task<string> Describe(HttpClient http, string scenario)
    {
        if (scenario == Watchlist)
        {
            var list = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>(WatchlistUrl(365));
            return $"the list of 2015-01-01 holds {list!["entries"]!.AsArray().Count:N0} certificates";
        }
        var pipeline = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>(PipelineUrl);
        return $"it counts {(int)pipeline!["leads"]!:N0} leads";
    }

    /// <summary>Appends the zone's streams; answers the number of events.</summary>
    public static async Task<long> Fill(string connectionString, IReadOnlyList<Guid> investors)
    {
        using var store = DocumentStore.For(options =>
        {
            EventStoreSetup.ConfigureStorage(options, connectionString);
            options.Events.AppendMode = EventAppendMode.Quick;
        });
        var random = new Random(18);
        long events = 0;
        // Each stream started in batches of one session: certificates in 500s, leads (shorter streams) in 1,000s.
        async Task Append(int count, int perSession, Func<Guid, int, Guid, object[]> streamOf)
        {
            foreach (var chunk in Enumerable.Range(0, count).Chunk(perSession))
            {
                await using var session = store.LightweightSession();
                foreach (var n in chunk)
                {
                    var id = Guid.CreateVersion7();
                    var stream = streamOf(id, n, investors[random.Next(investors.Count)]);
                    session.Events.StartStream(id, stream);
                    events += stream.Length;
                }
                await session.SaveChangesAsync();
            }
        }
        await Append(Certificates, 500, (id, n, investor) => Certificate(id, n, investor, random));
        await Append(Leads, 1_000, (id, n, investor) => Lead(id, n, investor, random));
        return events;
    }

    private static object[] Certificate(Guid id, int n, Guid investor, Random random)
    {
        var issued = new LocalDate(2012, 1, 1).PlusDays(random.Next(0, 3 * 365));
        // Per thousand: 10 stop being inspected, 5 miss an early milestone, 5 stall once, 5 are suspended, 5 revoked, 10
        // extended; the rest are inspected every 3 to 6 months and meet their milestone. The watchlist of a date in
        // 2014–2015 lists about 2 % of the zone (the benchmark prints how many).
        var kind = random.Next(1_000);
        // An early milestone, never met: listed 12 months after it was due.
        var schedule = kind is >= 10 and < 15 ? new Milestone("Construction", issued.PlusMonths(6)) : new Milestone("Operation", issued.PlusMonths(24));
        var events = new List<object>
        {
            new CertificateIssued(id, $"P{n:D9}", $"Pho Phong project {n}", [new CertificateInvestor(investor, $"Investor of {n}", "KR")],
                Zone, (Sector)(n % 11), Money.Usd(random.Next(1, 200_000) * 1_000m), random.Next(1, 50), issued, 50, [schedule], null, "bench", Recorded),
        };
        // Inspections stop early for some: listed 6 months after the last one.
        var stopsOn = kind < 10 ? issued.PlusDays(random.Next(30, 3 * 365)) : End;
        var on = issued;
        var met = false;
        var stalledOnce = kind is >= 15 and < 20;
        while (true)
        {
            on = on.PlusDays(random.Next(90, 170));
            if (on > stopsOn) break;
            var meets = !met && schedule.Name == "Operation" && on >= issued.PlusMonths(18);
            met |= meets;
            var progress = stalledOnce && on >= issued.PlusMonths(12) ? Progress.Stalled : Progress.OnSchedule;
            if (progress == Progress.Stalled) stalledOnce = false;
            events.Add(new CertificateInspected(id, on, "officer.bench", progress, Money.Usd(random.Next(1, 1_000) * 1_000m), meets ? ["Operation"] : [],
                "Bench inspection", "bench", Recorded));
            if (kind is >= 20 and < 25 && on >= issued.PlusMonths(20))
            {
                events.Add(new CertificateSuspended(id, on.PlusDays(1), "Bench suspension", "bench", Recorded));
                break;
            }
            if (kind is >= 25 and < 30 && on >= issued.PlusMonths(30))
            {
                events.Add(new CertificateRevoked(id, on.PlusDays(10), RevocationGround.InvestorDecision, $"QD-{n}", null, "bench", Recorded));
                break;
            }
            if (kind is >= 30 and < 40 && events.Count == 3)
                events.Add(new CertificateAmended(id, 1, on.PlusDays(1), null, null, 12, null, null, "Bench extension", "bench", Recorded));
        }
        return [.. events];
    }

    private static object[] Lead(Guid id, int n, Guid investor, Random random)
    {
        var opened = new LocalDate(2012, 1, 1).PlusDays(random.Next(0, 4 * 365));
        var events = new List<object>
        {
            new LeadOpened(id, investor, $"Investor of lead {n}", "JP", Zone, "Bench lead", (Sector)(n % 11), Money.Usd(random.Next(1, 100_000) * 1_000m),
                (LeadSource)random.Next(7), $"officer.{n % 20:D2}", opened, "bench", Recorded),
        };
        var on = opened;
        if (random.Next(10) > 0) // most are answered, within a few days
        {
            on = on.PlusDays(random.Next(0, 6));
            var at = on.AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant().Plus(Duration.FromHours(3));
            events.Add(new ContactLogged(id, Guid.CreateVersion7(), new ContactDetails(at, ContactChannel.Call, ["officer.bench"], ["Guest"],
                "First call.", "Follow up.", null), "bench", Recorded));
        }
        var stage = LeadStage.Prospect;
        while (stage < LeadStage.Applied && random.Next(3) > 0)
        {
            on = on.PlusDays(random.Next(5, 120));
            events.Add(new LeadStageChanged(id, stage, stage + 1, on, null, "bench", Recorded));
            stage++;
        }
        if (random.Next(5) == 0)
        {
            var reason = (LossReason)random.Next(Enum.GetValues<LossReason>().Length);
            events.Add(new LeadLost(id, stage, on.PlusDays(random.Next(5, 60)), "Bench loss", "bench", Recorded, reason,
                reason == LossReason.AnotherCountry ? "TH" : null, reason == LossReason.AnotherZone ? "vsip-quang-ngai" : null));
        }
        return [.. events];
    }
}
