using Investment.Api.Http;
using Investment.Api.Reports;
using Investment.Domain.Forecasts;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Reports;

/// <summary>
/// The copy's index of a year's lead logs (<see cref="ZoneFacts.LeadYear"/>: each log's facts known at an instant found by
/// binary search, logs with nothing known left out) must give the domain's folds the same answer as the whole logs do,
/// on random histories: facts of every kind recorded in order, at equal instants, and out of order (an import writing
/// into the past), counted for random periods and instants.
/// </summary>
public sealed class ZoneFactsIndexTests
{
    private static readonly Instant Start = Instant.FromUtc(2013, 1, 1, 0, 0);
    private static readonly string[] Officers = ["officer.an", "officer.binh", "officer.chi"];

    [Fact]
    public void the_known_facts_of_a_years_lead_logs_give_the_folds_the_same_answer_as_the_whole_logs()
    {
        var random = new Random(20141231); // fixed: a failure can be replayed
        for (var history = 0; history < 60; history++)
        {
            var logs = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Log(random)).ToList();
            foreach (var year in new[] { 2013, 2014, 2015 })
            {
                var index = ZoneFacts.LeadYear.Of(logs, year);
                var whole = logs.Where(x => x.Years.Contains(year) || x.Years.Contains(year - 1)).Select(x => x.Facts).ToList();
                for (var ask = 0; ask < 25; ask++)
                {
                    var knownAt = ask == 0 ? Instant.MaxValue : Start.Plus(Duration.FromHours(random.Next(0, 3 * 365 * 24)));
                    var known = index.KnownAt(knownAt);
                    var (from, to) = random.Next(2) == 0 ? (new LocalDate(year, 1, 1), new LocalDate(year, 6, 30)) : (new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
                    var today = new LocalDate(year, 1, 1).PlusDays(random.Next(0, 500));
                    var standard = random.Next(1, 5);
                    Assert.Equal(Serialized(LeadFigures.Count(whole, from, to, knownAt, standard, today)), Serialized(LeadFigures.Count(known, from, to, knownAt, standard, today)));
                    Assert.Equal(LeadFact.ActiveIn(whole, year, knownAt), LeadFact.ActiveIn(known, year, knownAt));
                    Assert.All(known, facts => Assert.Contains(facts, f => f.RecordedAt < knownAt));
                }
            }
        }
    }

    private static string Serialized(LeadFigures figures) => System.Text.Json.JsonSerializer.Serialize(figures, Json.Options);

    /// <summary>A lead's log as the projection writes it: opened first, then facts each dated on or after the last, recorded mostly in order.</summary>
    private static LeadActivityLog Log(Random random)
    {
        var on = new LocalDate(2013, 1, 1).PlusDays(random.Next(0, 900));
        var recorded = on.AtStartOfDayInZone(Domain.Common.VietnamCalendar.Zone).ToInstant().Plus(Duration.FromHours(random.Next(0, 72)));
        var outOfOrder = random.Next(4) == 0;
        var log = new LeadActivityLog(Guid.NewGuid(), "dung-quat",
            [new LeadFact(LeadFactKind.Opened, on, recorded, Officer: Officers[random.Next(Officers.Length)], EstimateUsd: random.Next(1, 90) * 1_000_000m, Stage: LeadStage.Prospect)],
            [on.Year]);
        var contacts = new List<(Guid Id, LocalDate On)>();
        for (var i = random.Next(0, 25); i > 0; i--)
        {
            on = on.PlusDays(random.Next(0, 40));
            recorded = outOfOrder && random.Next(3) == 0 ? recorded.Minus(Duration.FromDays(random.Next(1, 200)))
                : recorded.Plus(Duration.FromHours(random.Next(0, 3) == 0 ? 0 : random.Next(1, 24 * 30)));
            LeadFact fact = random.Next(10) switch
            {
                0 or 1 or 2 => Contact(LeadFactKind.ContactLogged, Guid.NewGuid()),
                3 when contacts.Count > 0 => Contact(LeadFactKind.ContactCorrected, contacts[random.Next(contacts.Count)].Id),
                4 when contacts.Count > 0 => Withdrawn(contacts[random.Next(contacts.Count)]),
                5 => new LeadFact(LeadFactKind.Lost, on, recorded, Loss: new LeadLoss((LossReason)random.Next(0, 9), random.Next(2) == 0, "SG", null), Stage: LeadStage.Lost),
                6 => new LeadFact(LeadFactKind.StageChanged, on, recorded, Stage: (LeadStage)random.Next(0, 5)),
                7 => new LeadFact(LeadFactKind.EstimateRevised, log.Facts[^1].On, recorded, EstimateUsd: random.Next(1, 90) * 1_000_000m),
                8 => new LeadFact(LeadFactKind.OwnerReassigned, log.Facts[^1].On, recorded, Officer: Officers[random.Next(Officers.Length)]),
                _ => new LeadFact(random.Next(2) == 0 ? LeadFactKind.Certified : LeadFactKind.Reopened, on, recorded,
                    Stage: random.Next(2) == 0 ? LeadStage.Certified : LeadStage.Engaged),
            };
            log = log.With(fact);
        }
        return log;

        LeadFact Withdrawn((Guid Id, LocalDate On) contact) => new(LeadFactKind.ContactWithdrawn, contact.On, recorded, contact.Id);

        LeadFact Contact(LeadFactKind kind, Guid id)
        {
            contacts.Add((id, on));
            return new LeadFact(kind, on, recorded, id);
        }
    }
}
