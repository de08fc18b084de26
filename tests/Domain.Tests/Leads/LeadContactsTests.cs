using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Domain.Tests.Leads;

/// <summary>
/// The lead counts its contacts rather than embedding them (issue 18): the last contact and the next follow-up must be
/// those of the latest standing contact whatever the order of logging, correcting and withdrawing.
/// </summary>
public sealed class LeadContactsTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Instant Recorded = Instant.FromUtc(2014, 7, 5, 3, 0);

    private static LeadOpened Opened() => new(Id, Guid.NewGuid(), "Doosan", "KR", "dung-quat", "Phase 2", Sector.HeavyIndustry,
        Money.Usd(100m), LeadSource.TradeMission, "officer.nguyen", new LocalDate(2014, 5, 1), "officer.nguyen", Recorded);

    private static ContactDetails On(int day, int followUpDay) =>
        new(Instant.FromUtc(2014, 6, day, 2, 30), ContactChannel.Meeting, ["officer.nguyen"], [], "Met.", null, new LocalDate(2014, 7, followUpDay));

    private static ContactLogged Logged(Guid contact, ContactDetails details) => new(Id, contact, details, "officer.nguyen", Recorded);

    [Fact]
    public void an_earlier_contact_logged_later_does_not_move_the_follow_up_and_on_a_tie_the_one_logged_last_wins()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var lead = Lead.From([Opened(), Logged(a, On(10, 20)), Logged(b, On(5, 25)), Logged(c, On(10, 30))]);

        Assert.Equal(3, lead.ContactCount);
        Assert.Equal(new LocalDate(2014, 7, 30), lead.NextFollowUpOn);
        Assert.Equal(Instant.FromUtc(2014, 6, 10, 2, 30), lead.LastContactAt);
    }

    [Fact]
    public void withdrawing_or_correcting_the_latest_hands_the_follow_up_to_the_next_standing_contact()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var history = new object[]
        {
            Opened(), Logged(a, On(10, 20)), Logged(b, On(12, 25)), Logged(c, On(15, 30)),
            new ContactWithdrawn(Id, c, "Wrong lead.", "officer.nguyen", Recorded),
        };
        var withdrawn = Lead.From(history);
        var corrected = Lead.From([.. history, new ContactCorrected(Id, b, On(8, 22), "Wrong day.", "officer.nguyen", Recorded)]);

        Assert.Equal((2, new LocalDate(2014, 7, 25)), (withdrawn.ContactCount, withdrawn.NextFollowUpOn));
        Assert.Equal((2, new LocalDate(2014, 7, 20)), (corrected.ContactCount, corrected.NextFollowUpOn));
        Assert.Equal([a, b], Lead.StandingContacts(history.Skip(1)).Select(m => m.ContactId));
    }

    [Fact]
    public void a_correction_cannot_be_applied_without_the_standing_contacts()
    {
        var lead = Lead.From([Opened()]);
        Assert.Throws<ArgumentException>(() => lead.Then([new ContactWithdrawn(Id, Guid.NewGuid(), "x", "officer.nguyen", Recorded)]));
    }
}
