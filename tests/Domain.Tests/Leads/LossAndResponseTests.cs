using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Domain.Tests.Leads;

public sealed class LossAndResponseTests
{
    private static readonly Instant At = Instant.FromUtc(2014, 7, 5, 3, 0);
    private static readonly Guid Id = Guid.NewGuid();

    private static LeadOpened Opened(LocalDate on) => new(Id, Guid.NewGuid(), "Doosan", "KR", "dung-quat", "Phase 2", Sector.HeavyIndustry,
        Money.Usd(100m), LeadSource.TradeMission, "officer.nguyen", on, "officer.nguyen", At);

    [Theory]
    [InlineData(LossReason.AnotherCountry, "TH", null, null)]
    [InlineData(LossReason.AnotherCountry, null, null, "lostToCountry")]
    [InlineData(LossReason.AnotherCountry, "XX", null, "lostToCountry")]
    [InlineData(LossReason.AnotherCountry, "VN", null, "lostToCountry")]
    [InlineData(LossReason.AnotherCountry, "TH", "VSIP Bắc Ninh", "lostToZone")]
    [InlineData(LossReason.AnotherZone, null, "VSIP Bắc Ninh", null)]
    [InlineData(LossReason.AnotherZone, null, " ", "lostToZone")]
    [InlineData(LossReason.Financing, null, null, null)]
    [InlineData(LossReason.Financing, "TH", null, "lostToCountry")]
    [InlineData(LossReason.NoResponse, null, "Chu Lai", "lostToZone")]
    public void where_a_lead_went_is_given_exactly_when_the_reason_is_another_country_or_zone(
        LossReason reason, string? country, string? zone, string? wrongField) =>
        Assert.Equal(wrongField, LossReasons.Check(reason, country, zone).Select(e => e.Field).SingleOrDefault());

    [Fact]
    public void every_reason_has_a_label() =>
        Assert.All(Enum.GetValues<LossReason>(), r => Assert.False(string.IsNullOrWhiteSpace(LossReasons.Label(r))));

    [Fact]
    public void a_lead_lost_before_reason_codes_reads_as_other_unrecorded_and_a_reopening_clears_its_loss()
    {
        var old = new LeadLost(Id, LeadStage.Prospect, new LocalDate(2014, 6, 1), "Chose Thailand.", "officer.nguyen", At);
        var lost = Lead.From([Opened(new LocalDate(2014, 5, 1)), old]);
        Assert.Equal(new LeadLoss(LossReason.Other, false, null, null), lost.Loss);

        var coded = old with { ReasonCode = LossReason.AnotherCountry, LostToCountry = "TH" };
        Assert.Equal(new LeadLoss(LossReason.AnotherCountry, true, "TH", null), Lead.From([Opened(new LocalDate(2014, 5, 1)), coded]).Loss);
        Assert.Null(lost.Then([new LeadReopened(Id, LeadStage.Prospect, new LocalDate(2014, 6, 2), null, "officer.nguyen", At)]).Loss);
    }

    [Fact]
    public void the_first_contact_is_the_earliest_that_stands()
    {
        ContactDetails On(int day) => new(Instant.FromUtc(2014, 5, day, 3, 0), ContactChannel.Call, ["o"], [], "x", null, null);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        object[] history = [Opened(new LocalDate(2014, 5, 1)), new ContactLogged(Id, second, On(9), "o", At), new ContactLogged(Id, first, On(5), "o", At)];
        Assert.Equal(Instant.FromUtc(2014, 5, 5, 3, 0), Lead.From(history).FirstContactAt);
        // A withdrawal is folded with the contacts that stood before it (the whole history: issue 18's flat state).
        Assert.Equal(Instant.FromUtc(2014, 5, 9, 3, 0), Lead.From([.. history, new ContactWithdrawn(Id, first, "wrong lead", "o", At)]).FirstContactAt);
    }

    [Fact]
    public void the_share_within_the_standard_counts_answered_and_overdue_leads_and_leaves_pending_ones_out()
    {
        var today = new LocalDate(2014, 7, 9); // Wednesday
        ResponseLead[] leads =
        [
            new(new LocalDate(2014, 7, 4), new LocalDate(2014, 7, 8), "a"), // Fri → Tue: 2 working days, on time
            new(new LocalDate(2014, 7, 1), new LocalDate(2014, 7, 7), "a"), // Tue → Mon: 4, late
            new(new LocalDate(2014, 7, 1), null, "b"), // unanswered, standard ran out on 3 July: overdue
            new(new LocalDate(2014, 7, 8), null, "b"), // unanswered, within its standard until 10 July: pending
        ];
        var figures = ResponseFigures.Compute(leads, 2, today);
        Assert.Equal(new ResponseFigures(2, 4, 2, 1, 1, 1, 0.3333m, 3m), figures);
        var perOfficer = OfficerResponse.PerOfficer(leads, 2, today);
        Assert.Equal(["a", "b"], perOfficer.Select(o => o.Officer));
        Assert.Equal(0.5m, perOfficer[0].Figures.ShareWithinStandard);
    }

    [Fact]
    public void the_reports_count_lost_leads_by_reason_and_where_they_went_as_known_at_an_instant()
    {
        var early = Instant.FromUtc(2014, 3, 1, 0, 0);
        var late = Instant.FromUtc(2014, 8, 1, 0, 0);
        LeadFact Opened(LocalDate on) => new(LeadFactKind.Opened, on, early, Officer: "a", EstimateUsd: 100m);
        IEnumerable<LeadFact>[] leads =
        [
            [Opened(new(2014, 2, 3)), new(LeadFactKind.Lost, new(2014, 3, 3), early, Loss: new(LossReason.AnotherCountry, true, "TH", null))],
            [Opened(new(2014, 2, 3)), new(LeadFactKind.Lost, new(2014, 3, 4), early)], // lost before codes: other, unrecorded
            [Opened(new(2014, 2, 3)), new(LeadFactKind.Lost, new(2014, 3, 5), late, Loss: new(LossReason.AnotherCountry, true, "TH", null))],
        ];
        var asOfJuly = LeadFigures.Count(leads, new(2014, 1, 1), new(2014, 6, 30), Instant.FromUtc(2014, 7, 1, 0, 0));
        Assert.Equal(2, asOfJuly.Lost);
        Assert.Equal(2, asOfJuly.LostBy!.ByReason.Sum(r => r.Leads));
        Assert.Equal((1, 0), asOfJuly.LostBy.ByReason.Where(r => r.Reason == LossReason.AnotherCountry).Select(r => (r.Leads, r.WithoutReasonCode)).Single());
        Assert.Equal((1, 1), asOfJuly.LostBy.ByReason.Where(r => r.Reason == LossReason.Other).Select(r => (r.Leads, r.WithoutReasonCode)).Single());
        Assert.Equal([new LostToFigure("TH", 1, 100m)], asOfJuly.LostBy.ToCountries);
        var now = LeadFigures.Count(leads, new(2014, 1, 1), new(2014, 6, 30), Instant.MaxValue);
        Assert.Equal([new LostToFigure("TH", 2, 200m)], now.LostBy!.ToCountries);
        Assert.Equal(3, now.ResponseTime!.Leads);
        Assert.Equal(3, now.ResponseTime.Overdue); // no contact logged
    }
}
