using Investment.Api.Investors;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// Demo data: the flagship projects of the 2014 plan (domain.md, B.I.2.3) as leads at plausible stages, each with a few
/// contacts. People are named by role only: demo data carries no one's personal data.
/// </summary>
public static class LeadSeed
{
    private const string Owner = "officer.demo";

    private sealed record Step(LocalDate On, LeadStage? Stage, ContactChannel Channel, string Summary, string? NextStep = null, LocalDate? FollowUpOn = null,
        LeadDecider.Loss? Loss = null);

    private sealed record Project(string Investor, string Zone, string Name, Sector Sector, Money Estimate, LeadSource Source, LocalDate OpenedOn, Step[] Steps);

    private static readonly Project[] Flagship =
    [
        new("Sembcorp Utilities Pte. Ltd.", "dung-quat", "1,200 MW thermal power plant (BOT)", Sector.Energy, Money.Usd(2_000_000_000m),
            LeadSource.EmbassyOrTradeOffice, new LocalDate(2014, 1, 15),
            [
                new(new LocalDate(2014, 1, 15), null, ContactChannel.Meeting, "Introductory meeting at the board; BOT terms and the port's coal berth discussed."),
                new(new LocalDate(2014, 2, 20), LeadStage.Engaged, ContactChannel.VideoCall, "Reviewed the site options and the grid connection.",
                    "Send the land clearance schedule.", new LocalDate(2014, 3, 10)),
                new(new LocalDate(2014, 4, 8), LeadStage.SiteVisit, ContactChannel.SiteVisit, "Site visit with the investor's engineers.",
                    "Prepare the MoU draft.", new LocalDate(2014, 7, 15)),
            ]),
        new("ExxonMobil Exploration and Production Vietnam", "dung-quat", "Gas–power complex (site selection)", Sector.Energy,
            Money.Usd(1_000_000_000m), LeadSource.Referral, new LocalDate(2014, 2, 10),
            [
                new(new LocalDate(2014, 2, 10), null, ContactChannel.Meeting, "Meeting with PVN and ExxonMobil on site selection in the zone."),
                new(new LocalDate(2014, 5, 6), LeadStage.SiteVisit, ContactChannel.SiteVisit, "Visited the candidate sites near the refinery.",
                    "Send the geological surveys.", new LocalDate(2014, 7, 1)),
            ]),
        new("Tập đoàn Dầu khí Việt Nam", "dung-quat", "Dung Quat oil refinery expansion", Sector.PetrochemicalsAndRefining,
            Money.Usd(1_840_000_000m), LeadSource.Other, new LocalDate(2014, 1, 8),
            [
                new(new LocalDate(2014, 1, 20), LeadStage.Engaged, ContactChannel.Meeting, "Working session on the expansion's investment procedure."),
                new(new LocalDate(2014, 3, 18), LeadStage.Commitment, ContactChannel.Meeting, "Memorandum on the expansion signed."),
                new(new LocalDate(2014, 6, 9), LeadStage.Applied, ContactChannel.Email, "Investment dossier received; under appraisal.",
                    "Appraisal meeting with the departments.", new LocalDate(2014, 7, 8)),
            ]),
        new("Doosan Heavy Industries & Construction", "dung-quat", "Doosan plant, phase 2 (28 ha)", Sector.HeavyIndustry,
            Money.Vnd(3_150_000_000_000m, 21_036m, new LocalDate(2014, 3, 3)), LeadSource.TradeMission, new LocalDate(2014, 3, 3),
            [
                new(new LocalDate(2014, 3, 3), null, ContactChannel.Event, "Met during the trade mission to Korea."),
                new(new LocalDate(2014, 4, 22), LeadStage.Engaged, ContactChannel.Call, "Call on the 28 ha plot next to phase 1.",
                    "Send the plot survey.", new LocalDate(2014, 7, 4)),
            ]),
        new("VSIP Quang Ngai Company Limited", "vsip-quang-ngai", "Investment into VSIP Quang Ngai: light industry tenants", Sector.LightIndustryAndTextiles,
            Money.Usd(60_000_000m), LeadSource.VsipNetwork, new LocalDate(2014, 5, 5),
            [
                new(new LocalDate(2014, 5, 5), null, ContactChannel.Meeting, "Joint promotion plan with VSIP for companies already in VSIP parks.",
                    "Shortlist the Singapore tenants to approach.", new LocalDate(2014, 6, 30)),
            ]),
        new("Guang Lian Steel (Dung Quat) Corporation", "dung-quat", "Guang Lian steel mill, with JFE", Sector.SteelAndMetallurgy,
            Money.Usd(4_500_000_000m), LeadSource.Other, new LocalDate(2014, 1, 10),
            [
                new(new LocalDate(2014, 1, 10), LeadStage.Commitment, ContactChannel.Meeting, "Progress review of the mill with Guang Lian and JFE."),
                new(new LocalDate(2014, 9, 19), LeadStage.Lost, ContactChannel.Email, "JFE announced its withdrawal from the project.",
                    Loss: new(LossReason.StrategyChanged)),
            ]),
        // Made up for the demo (issue 14 §2.3, §2.4): a tenant of the VSIP network that chose a VSIP park in the north, and
        // whose first contact came 4 working days after the lead was opened (over the weekend and Hung Kings' day).
        new("VSIP Quang Ngai Company Limited", "vsip-quang-ngai", "Singapore electronics tenant (demo)", Sector.LightIndustryAndTextiles,
            Money.Usd(25_000_000m), LeadSource.VsipNetwork, new LocalDate(2014, 4, 3),
            [
                new(new LocalDate(2014, 4, 10), null, ContactChannel.Call, "First call with the tenant's regional office."),
                new(new LocalDate(2014, 6, 12), LeadStage.Lost, ContactChannel.Email, "The tenant chose VSIP Bac Ninh, closer to its suppliers.",
                    Loss: new(LossReason.AnotherZone, LostToZone: "VSIP Bắc Ninh")),
            ]),
    ];

    public static IEnumerable<Seed> Demo => Flagship.Select(project =>
    {
        var id = StableId.From("lead", project.Name);
        return new Seed(id, recording => Events(id, project, recording));
    });

    /// <summary>The project's story through the deciders, as officers would have recorded it.</summary>
    private static object[] Events(Guid id, Project project, Recording recording)
    {
        var investor = InvestorSeed.Named(project.Investor);
        var events = new List<object>();
        var opened = LeadDecider.Open(new LeadDecider.OpenLead(id, InvestorSeed.IdOf(investor.LegalName, investor.Country), investor.LegalName,
            investor.Country, project.Zone, project.Name, project.Sector, project.Estimate, project.Source, Owner, project.OpenedOn), recording);
        events.AddRange(Accepted(opened));
        var lead = Lead.From(events);
        foreach (var (step, i) in project.Steps.Select((s, i) => (s, i)))
        {
            var contact = new ContactDetails(step.On.At(new LocalTime(9, 30)).InZoneLeniently(VietnamCalendar.Zone).ToInstant(), step.Channel,
                [Owner], ["Investor representative"], step.Summary, step.NextStep, step.FollowUpOn);
            var logged = Accepted(LeadDecider.LogContact(lead, StableId.From("contact", $"{project.Name}:{i}"), contact, recording));
            events.AddRange(logged);
            lead = lead.Then(logged);
            if (step.Stage is not { } stage) continue;
            var moved = stage == LeadStage.Lost
                ? LeadDecider.Lose(lead, step.Summary, step.Loss ?? new(LossReason.Other), step.On, recording)
                : LeadDecider.ChangeStage(lead, stage, step.On, null, recording);
            events.AddRange(Accepted(moved));
            lead = lead.Then(moved.Events);
        }
        return [.. events];
    }

    /// <summary>Demo data the rules refuse is a bug in the demo data: say so at start-up rather than seed half a story.</summary>
    private static IReadOnlyList<object> Accepted(Decision decision) => decision.Refusal is { } refusal
        ? throw new InvalidOperationException($"Demo lead refused: {refusal.Code}: {refusal.Detail}")
        : decision.Events;
}
