using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Tests.Investors;

public sealed class InvestorDeciderTests
{
    private static readonly Recording ByOfficer = new("officer.nguyen", Instant.FromUtc(2014, 3, 1, 2, 0));
    private static readonly Guid Id = Guid.NewGuid();

    private static InvestorProfile Profile(string name = "JFE Steel Corporation", string country = "JP", params Sector[] sectors) =>
        new(name, country, sectors.Length == 0 ? [Sector.SteelAndMetallurgy] : sectors, "https://www.jfe-steel.co.jp", null,
            [new ContactPerson("Sato Hiroshi", "Director", "sato@example.com")]);

    [Fact]
    public void registering_trims_the_name_upper_cases_the_country_and_keeps_each_sector_once()
    {
        var registered = InvestorDecider.Register(Id, Profile("  JFE Steel  ", " jp ", Sector.Energy, Sector.SteelAndMetallurgy, Sector.Energy), ByOfficer);

        Assert.Equal("JFE Steel", registered.Profile.LegalName);
        Assert.Equal("JP", registered.Profile.Country);
        Assert.Equal([Sector.Energy, Sector.SteelAndMetallurgy], registered.Profile.Sectors);
        Assert.Equal(("officer.nguyen", ByOfficer.At), (registered.RecordedBy, registered.RecordedAt));
    }

    [Fact]
    public void blank_optional_text_is_recorded_as_absent()
    {
        var registered = InvestorDecider.Register(Id, Profile() with { Website = "  ", Notes = "" }, ByOfficer);
        Assert.Null(registered.Profile.Website);
        Assert.Null(registered.Profile.Notes);
    }

    [Fact]
    public void changing_to_the_same_profile_decides_nothing()
    {
        var current = InvestorDecider.Register(Id, Profile(), ByOfficer).Profile;

        var decision = InvestorDecider.ChangeProfile(Id, current, Profile(" JFE Steel Corporation ", "jp"), ByOfficer);

        Assert.Empty(decision.Events);
        Assert.Null(decision.Refusal);
    }

    [Fact]
    public void a_change_names_exactly_the_fields_that_moved()
    {
        var current = InvestorDecider.Register(Id, Profile(), ByOfficer).Profile;
        var requested = Profile("JFE Holdings", "JP", Sector.SteelAndMetallurgy, Sector.Energy) with { ContactPersons = [] };

        var decision = InvestorDecider.ChangeProfile(Id, current, requested, ByOfficer);

        var changed = Assert.IsType<InvestorProfileChanged>(Assert.Single(decision.Events));
        Assert.Equal(["legalName", "sectors", "contactPersons"], changed.ChangedFields);
        Assert.Equal("JFE Holdings", changed.Profile.LegalName);
        Assert.Equal(Id, changed.InvestorId);
    }
}
