using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Domain.Tests.Leads;

public sealed class LeadDeciderTests
{
    /// <summary>2014-07-05 10:00 in Vietnam.</summary>
    private static readonly Recording Now = new("officer.nguyen", Instant.FromUtc(2014, 7, 5, 3, 0));
    private static readonly LocalDate Today = new(2014, 7, 5);
    private static readonly Guid Id = Guid.NewGuid();

    private static LeadOpened Opened(LocalDate on) => new(Id, Guid.NewGuid(), "Doosan", "KR", "dung-quat", "Phase 2", Sector.HeavyIndustry,
        Money.Usd(100m), LeadSource.TradeMission, "officer.nguyen", on, "officer.nguyen", Now.At);

    private static LeadStageChanged Moved(LeadStage from, LeadStage to, LocalDate on) => new(Id, from, to, on, null, "officer.nguyen", Now.At);

    /// <summary>The lead after its opening on 1 May 2014 and these events.</summary>
    private static Lead Given(params object[] events) => Lead.From([Opened(new LocalDate(2014, 5, 1)), .. events]);

    /// <summary>A lead in a stage since a date (1 June 2014 unless said), built from the events that put it there.</summary>
    private static Lead At(LeadStage stage, LeadStage? lostAt = null, LocalDate? since = null)
    {
        var on = since ?? new LocalDate(2014, 6, 1);
        var before = new LocalDate(2014, 5, 15);
        return stage switch
        {
            LeadStage.Prospect => Lead.From([Opened(on)]),
            LeadStage.Lost => Given(Moved(LeadStage.Prospect, lostAt!.Value, before), new LeadLost(Id, lostAt.Value, on, "x", "officer.nguyen", Now.At)),
            LeadStage.Certified => Given(Moved(LeadStage.Prospect, LeadStage.Applied, before),
                new LeadCertified(Id, Guid.NewGuid(), "GCN-1", on, "officer.nguyen", Now.At)),
            _ => Given(Moved(LeadStage.Prospect, stage, on)),
        };
    }

    private static ContactDetails Contact(Instant? at = null, LocalDate? followUp = null) =>
        new(at ?? Instant.FromUtc(2014, 7, 1, 2, 30), ContactChannel.Meeting, [" officer.nguyen "], ["Kim"], " Met. ", " ", followUp);

    [Fact]
    public void opening_defaults_to_today_in_vietnam_and_refuses_a_future_date()
    {
        var open = new LeadDecider.OpenLead(Id, Guid.NewGuid(), "Doosan", "KR", "dung-quat", " Phase 2 ", Sector.HeavyIndustry, Money.Usd(1m),
            LeadSource.TradeMission, "officer.le", null);

        var opened = Assert.IsType<LeadOpened>(Assert.Single(LeadDecider.Open(open, Now).Events));
        var refused = LeadDecider.Open(open with { OpenedOn = Today.PlusDays(1) }, Now);

        Assert.Equal(Today, opened.OpenedOn);
        Assert.Equal("Phase 2", opened.ProjectName);
        Assert.Equal("date.in_future", refused.Refusal?.Code);
    }

    [Theory]
    [InlineData(LeadStage.Prospect, LeadStage.Commitment, null, null)]
    [InlineData(LeadStage.Commitment, LeadStage.Engaged, null, "lead.reason_required")]
    [InlineData(LeadStage.Commitment, LeadStage.Engaged, "MoU withdrawn", null)]
    [InlineData(LeadStage.Applied, LeadStage.Certified, null, "lead.certification_needs_certificate")]
    [InlineData(LeadStage.Engaged, LeadStage.Lost, null, "lead.lose_with_reason")]
    [InlineData(LeadStage.Lost, LeadStage.Engaged, "x", "lead.lost")]
    [InlineData(LeadStage.Certified, LeadStage.Applied, "x", "lead.certified")]
    public void stage_rules(LeadStage from, LeadStage to, string? reason, string? refusal)
    {
        var decision = LeadDecider.ChangeStage(At(from, from == LeadStage.Lost ? LeadStage.Engaged : null), to, null, reason, Now);

        Assert.Equal(refusal, decision.Refusal?.Code);
        if (refusal is null)
            Assert.Equal((from, to, Today), Assert.IsType<LeadStageChanged>(Assert.Single(decision.Events)) is var e ? (e.From, e.To, e.On) : default);
    }

    [Fact]
    public void moving_to_the_current_stage_records_nothing() =>
        Assert.Empty(LeadDecider.ChangeStage(At(LeadStage.Engaged), LeadStage.Engaged, null, null, Now).Events);

    [Fact]
    public void a_move_may_not_predate_the_current_stay() =>
        Assert.Equal("lead.date_before_stage",
            LeadDecider.ChangeStage(At(LeadStage.Engaged), LeadStage.SiteVisit, new LocalDate(2014, 5, 31), null, Now).Refusal?.Code);

    [Fact]
    public void a_lost_lead_reopens_at_the_stage_it_was_lost_at()
    {
        var lost = Assert.IsType<LeadLost>(Assert.Single(LeadDecider.Lose(At(LeadStage.SiteVisit), " Chose Thailand ", new LeadDecider.Loss(LossReason.AnotherCountry, "TH"), null, Now).Events));
        var reopened = Assert.IsType<LeadReopened>(Assert.Single(LeadDecider.Reopen(At(LeadStage.Lost, lost.LostAt), null, null, Now).Events));

        Assert.Equal("Chose Thailand", lost.Reason);
        Assert.Equal(LeadStage.SiteVisit, reopened.At);
        Assert.Equal("lead.not_lost", LeadDecider.Reopen(At(LeadStage.Engaged), null, null, Now).Refusal?.Code);
        Assert.Equal("lead.already_lost", LeadDecider.Lose(At(LeadStage.Lost, LeadStage.Engaged), "again", new LeadDecider.Loss(LossReason.Other), null, Now).Refusal?.Code);
    }

    [Fact]
    public void reassigning_to_the_same_owner_and_revising_to_the_same_estimate_record_nothing()
    {
        Assert.Empty(LeadDecider.Reassign(At(LeadStage.Engaged), " officer.nguyen ", null, Now).Events);
        Assert.Empty(LeadDecider.ReviseEstimate(At(LeadStage.Engaged), Money.Usd(100m), "same", Now).Events);
        var revised = Assert.IsType<LeadEstimateRevised>(Assert.Single(LeadDecider.ReviseEstimate(At(LeadStage.Engaged), Money.Usd(250m), "bigger", Now).Events));
        Assert.Equal((Money.Usd(100m), Money.Usd(250m)), (revised.Previous, revised.Estimate));
    }

    [Fact]
    public void a_contact_is_trimmed_and_refused_when_in_the_future_or_followed_up_before_it_happened()
    {
        var logged = Assert.IsType<ContactLogged>(Assert.Single(LeadDecider.LogContact(At(LeadStage.Engaged), Guid.NewGuid(), Contact(), Now).Events));
        Assert.Equal(("officer.nguyen", "Met.", null), (logged.Contact.Officers[0], logged.Contact.Summary, logged.Contact.NextStep));

        Assert.Null(LeadDecider.LogContact(At(LeadStage.Engaged), Guid.NewGuid(), Contact(Now.At + Duration.FromMinutes(4)), Now).Refusal);
        Assert.Equal("contact.in_future", LeadDecider.LogContact(At(LeadStage.Engaged), Guid.NewGuid(), Contact(Now.At + Duration.FromMinutes(6)), Now).Refusal?.Code);
        // 2014-06-30 23:30 UTC is already 1 July in Vietnam: a follow-up on 30 June is before it.
        Assert.Equal("contact.follow_up_before_contact", LeadDecider.LogContact(At(LeadStage.Engaged), Guid.NewGuid(),
            Contact(Instant.FromUtc(2014, 6, 30, 23, 30), new LocalDate(2014, 6, 30)), Now).Refusal?.Code);
    }

    [Fact]
    public void corrections_and_withdrawals_need_a_standing_contact()
    {
        var id = Guid.NewGuid();
        var standing = new ContactState(Contact() with { Officers = ["officer.nguyen"], Summary = "Met.", NextStep = null }, false);
        var withdrawn = standing with { Withdrawn = true };
        var lead = At(LeadStage.Engaged);

        Assert.Equal("contact.not_found", LeadDecider.CorrectContact(lead, id, null, Contact(), null, Now).Refusal?.Code);
        Assert.Equal(RefusalKind.NotFound, LeadDecider.CorrectContact(lead, id, null, Contact(), null, Now).Refusal?.Kind);
        Assert.Equal("contact.withdrawn", LeadDecider.CorrectContact(lead, id, withdrawn, Contact(), null, Now).Refusal?.Code);
        Assert.Equal(RefusalKind.BrokenRule, LeadDecider.CorrectContact(lead, id, withdrawn, Contact(), null, Now).Refusal?.Kind);
        Assert.Empty(LeadDecider.CorrectContact(lead, id, standing, Contact(), null, Now).Events);
        Assert.Single(LeadDecider.CorrectContact(lead, id, standing, Contact() with { Summary = "Met twice." }, "typo", Now).Events);
        Assert.Equal("contact.withdrawn", LeadDecider.WithdrawContact(lead, id, withdrawn, "again", Now).Refusal?.Code);
        Assert.IsType<ContactWithdrawn>(Assert.Single(LeadDecider.WithdrawContact(lead, id, standing, "wrong lead", Now).Events));
    }

    [Fact]
    public void days_in_stages_count_the_current_stay_up_to_today()
    {
        var lead = Given(Moved(LeadStage.Prospect, LeadStage.Engaged, new LocalDate(2014, 5, 11)),
            Moved(LeadStage.Engaged, LeadStage.Prospect, new LocalDate(2014, 5, 21)) with { Reason = "MoU withdrawn" });

        var days = Lead.DaysInStages(lead.Stays, new LocalDate(2014, 6, 1));

        Assert.Equal(new Dictionary<LeadStage, int> { [LeadStage.Prospect] = 21, [LeadStage.Engaged] = 10 }, days);
    }
}
