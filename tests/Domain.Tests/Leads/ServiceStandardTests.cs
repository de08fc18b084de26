using Investment.Domain.Common;
using Investment.Domain.Forecasts;
using Investment.Domain.Leads;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Domain.Tests.Leads;

/// <summary>Issue 14 §2.4: the zone's own service standard, versioned, read as known at an instant.</summary>
public sealed class ServiceStandardTests
{
    private static readonly Recording Admin = new("admin.tran", Instant.FromUtc(2014, 3, 1, 3, 0));

    [Fact]
    public void a_zone_without_its_own_standard_answers_within_two_working_days()
    {
        var defaults = ZoneServiceStandard.Defaults("dung-quat");
        Assert.Equal((2, true), (defaults.WorkingDays, defaults.IsDefault));
        Assert.Equal(2, defaults.KnownAt(Instant.MaxValue));
    }

    [Fact]
    public void the_standard_is_versioned_and_read_as_known_at_an_instant()
    {
        var defaults = ZoneServiceStandard.Defaults("dung-quat");
        var set = (ServiceStandardSet)ServiceStandardDecider.Set(defaults, 1, " charter ", Admin).Events.Single();
        var standard = defaults.Apply(set);
        Assert.Equal(("charter", 1, false), (set.Reason, standard.WorkingDays, standard.IsDefault));
        Assert.Equal(2, standard.KnownAt(Admin.At)); // recorded at that instant: not known before it
        Assert.Equal(1, standard.KnownAt(Admin.At + Duration.FromSeconds(1)));
        Assert.Empty(ServiceStandardDecider.Set(standard, 1, null, Admin).Events); // the same again records nothing
        var later = new Recording("admin.le", Admin.At + Duration.FromDays(30));
        var revised = standard.Apply((ServiceStandardSet)ServiceStandardDecider.Set(standard, 3, null, later).Events.Single());
        Assert.Equal([1, 2], revised.Versions.Select(v => v.Number));
        Assert.Equal(1, revised.KnownAt(later.At)); // the first version until the second was recorded
        Assert.Equal(3, revised.KnownAt(Instant.MaxValue));
        Assert.All(revised.WithoutPersonalData().Versions, v => Assert.Null(v.RecordedBy));
        // Setting the default itself on a zone that has none yet records a version: the admin's decision is kept.
        Assert.Single(ServiceStandardDecider.Set(defaults, 2, null, Admin).Events);
    }

    [Fact]
    public void the_standard_lives_in_the_zones_one_settings_stream() =>
        Assert.Equal(ProbabilityDecider.IdOf("pho-phong"), ServiceStandardDecider.IdOf("pho-phong"));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(-2, false)]
    public void a_standard_is_one_to_thirty_working_days(int days, bool valid) => Assert.Equal(valid, ServiceStandardDecider.IsInRange(days));

    [Fact]
    public void a_standard_of_one_day_makes_an_answer_in_two_working_days_late_and_an_unanswered_lead_overdue_sooner()
    {
        var today = new LocalDate(2014, 7, 8); // Tuesday
        ResponseLead[] leads =
        [
            new(new LocalDate(2014, 7, 2), new LocalDate(2014, 7, 4), "a"), // Wed → Fri: 2 working days
            new(new LocalDate(2014, 7, 4), null, "b"), // Fri, unanswered: one working day ran out on Monday 7 July
        ];
        Assert.Equal(new ResponseFigures(2, 2, 1, 1, 0, 1, 1m, 2m), ResponseFigures.Compute(leads, 2, today));
        Assert.Equal(new ResponseFigures(1, 2, 1, 0, 1, 0, 0m, 2m), ResponseFigures.Compute(leads, 1, today));
    }

    [Fact]
    public void the_reports_count_against_the_standard_they_are_given_and_say_which()
    {
        var at = Instant.FromUtc(2014, 2, 1, 0, 0);
        IEnumerable<LeadFact>[] leads =
        [
            [new(LeadFactKind.Opened, new(2014, 7, 2), at, Officer: "a"), new(LeadFactKind.ContactLogged, new(2014, 7, 4), at, ContactId: Guid.NewGuid())],
        ];
        var (from, to) = (new LocalDate(2014, 1, 1), new LocalDate(2014, 12, 31));
        var lenient = LeadFigures.Count(leads, from, to, Instant.MaxValue, 2, to).ResponseTime!;
        var strict = LeadFigures.Count(leads, from, to, Instant.MaxValue, 1, to).ResponseTime!;
        Assert.Equal((2, 1), (lenient.StandardWorkingDays, lenient.AnsweredWithinStandard));
        Assert.Equal((1, 0), (strict.StandardWorkingDays, strict.AnsweredWithinStandard));
    }
}
