using Investment.Api.Investors;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;

namespace Investment.Api.Certificates;

/// <summary>
/// Demo data: certificates of the plan's flagship projects with the figures of the public record (domain.md). Where the
/// record gives no date (an extension, the revocation), the date is plausible, not historical.
/// </summary>
public static class CertificateSeed
{
    public static IEnumerable<Seed> Demo =>
    [
        new(StableId.From("certificate", "GuangLian"), GuangLian),
        new(StableId.From("certificate", "DoosanVina"), DoosanVina),
        new(StableId.From("certificate", "BinhSonAuxiliary"), BinhSonAuxiliary),
    ];

    /// <summary>
    /// Five amendments in nine years, as the record has it: JFE joins with the raise to USD 3 bn (2008) and withdraws
    /// (September 2014), an investor change each. Employees planned and counted are illustrative.
    /// </summary>
    private static object[] GuangLian(Recording recording)
    {
        var story = new Story(CertificateDecider.Issue(new CertificateDecider.IssueCertificate(StableId.From("certificate", "GuangLian"), "341043000019",
            "Guang Lian steel mill", [Investor("Guang Lian Steel (Dung Quat) Corporation")], "dung-quat",
            Sector.SteelAndMetallurgy, Money.Usd(556_000_000m), 200m, new LocalDate(2006, 11, 22), 50,
            [new Milestone("Blast furnace 1", new LocalDate(2009, 12, 31)), new Milestone("Full operation", new LocalDate(2011, 12, 31))], null,
            PlannedEmployees: 4000), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2008, 5, 14), Money.Usd(2_444_000_000m), 289.6m, 0, null, null,
            "Second blast furnace: registered capital raised to USD 3 bn; JFE Steel joins the joint venture.", [Investor("JFE Steel Corporation")],
            PlannedEmployees: 8000), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2009, 9, 1), null, null, 12, null, null, "Financing delayed by the crisis."), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2010, 6, 15), "officer.demo", Progress.Delayed, Money.Usd(180_000_000m), [],
            "Site levelled and piled; blast furnace foundations started.", 650, 45), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2012, 3, 20), Money.Usd(1_500_000_000m), null, 0, null, "Hot rolling mill added.",
            "Registered capital raised to USD 4.5 bn."), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2013, 4, 2), null, null, 12, null, null, "Last extension the law allows."), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2014, 9, 15), null, null, 0, null, null, "JFE Steel withdrew from the joint venture.",
            InvestorsLeaving: [Investor("JFE Steel Corporation").InvestorId]), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2014, 9, 30), "officer.demo", Progress.Stalled, Money.Usd(250_000_000m), [],
            "JFE withdrew from the project in September 2014; no works on site.", 40, 2), recording));
        story.Then(c => CertificateDecider.Revoke(c, new LocalDate(2016, 3, 15), RevocationGround.BehindScheduleNoExtension, "215/QĐ-BQL",
            "Abandoned after the partner's withdrawal.", recording));
        return story.Events;
    }

    private static object[] DoosanVina(Recording recording)
    {
        var story = new Story(CertificateDecider.Issue(new CertificateDecider.IssueCertificate(StableId.From("certificate", "DoosanVina"), "341043000005",
            "Doosan Vina heavy industries plant", [Investor("Doosan Heavy Industries & Construction")], "dung-quat", Sector.HeavyIndustry,
            Money.Usd(300_000_000m), 111m, new LocalDate(2006, 6, 1), 50,
            [new Milestone("Port and assembly halls", new LocalDate(2008, 6, 30)), new Milestone("Plant operation", new LocalDate(2009, 6, 30))], null,
            PlannedEmployees: 3000), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2009, 5, 20), "officer.demo", Progress.OnSchedule, Money.Usd(300_000_000m),
            ["Port and assembly halls", "Plant operation"], "Plant in operation; exports from its own port.", 1850, 160), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2014, 3, 18), "officer.demo", Progress.OnSchedule, Money.Usd(300_000_000m),
            [], "Operating; phase 2 (28 ha) under discussion.", 2650, 120), recording));
        story.Then(c => CertificateDecider.Amend(c, new(new LocalDate(2014, 4, 15), Money.Usd(20_000_000m), null, 0, null, null,
            "Port extension (illustrative figure).", PlannedEmployees: 3200), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2014, 11, 5), "officer.demo", Progress.OnSchedule, Money.Usd(308_500_000m),
            [], "Port extension under way.", 2720, 125), recording));
        return story.Events;
    }

    /// <summary>A 2014 certificate (illustrative figures), so that the 2014 progress of Dung Quat has something to count.</summary>
    private static object[] BinhSonAuxiliary(Recording recording)
    {
        var story = new Story(CertificateDecider.Issue(new CertificateDecider.IssueCertificate(StableId.From("certificate", "BinhSonAuxiliary"), "341043000121",
            "Refinery auxiliary works", [Investor("Công ty TNHH MTV Lọc hóa dầu Bình Sơn")], "dung-quat", Sector.PetrochemicalsAndRefining,
            Money.Vnd(1_010_400_000_000m, 21_050m, new LocalDate(2014, 3, 25)), 12.5m, new LocalDate(2014, 3, 25), 30,
            [new Milestone("Commissioning", new LocalDate(2015, 12, 31))], null, PlannedEmployees: 180), recording));
        story.Then(c => CertificateDecider.Inspect(c, new(new LocalDate(2014, 12, 10), "officer.demo", Progress.OnSchedule,
            Money.Vnd(213_000_000_000m, 21_246m, new LocalDate(2014, 12, 10)), [], "Civil works on schedule.", 210, 6), recording));
        return story.Events;
    }

    private static CertificateInvestor Investor(string legalName)
    {
        var profile = InvestorSeed.Named(legalName);
        return new CertificateInvestor(InvestorSeed.IdOf(profile.LegalName, profile.Country), profile.LegalName, profile.Country);
    }

    /// <summary>A certificate's story told through the decider, so demo data obeys the same rules as officers.</summary>
    private sealed class Story
    {
        private readonly List<object> events = [];
        private Certificate certificate;

        public Story(Decision issued)
        {
            events.AddRange(Accepted(issued));
            certificate = Certificate.Create((CertificateIssued)events[0]);
        }

        public object[] Events => [.. events];

        public void Then(Func<Certificate, Decision> decide)
        {
            foreach (var e in Accepted(decide(certificate)))
            {
                events.Add(e);
                certificate = e switch
                {
                    CertificateAmended a => certificate.Apply(a),
                    CertificateInspected i => certificate.Apply(i),
                    CertificateSuspended s => certificate.Apply(s),
                    CertificateResumed r => certificate.Apply(r),
                    CertificateRevoked r => certificate.Apply(r),
                    _ => certificate,
                };
            }
        }

        private static IReadOnlyList<object> Accepted(Decision decision) => decision.Refusal is { } refusal
            ? throw new InvalidOperationException($"Demo certificate refused: {refusal.Code}: {refusal.Detail}")
            : decision.Events;
    }
}
