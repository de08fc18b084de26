using NodaTime;

namespace Investment.Domain.Investors;

/// <summary>
/// An investor as the registry knows it, folded from its events: the profile, when it was registered and by whom, and
/// when it last changed. Partners receive it without personal data (<see cref="WithoutPersonalData"/>).
/// </summary>
public sealed record Investor(
    Guid Id,
    string LegalName,
    string Country,
    IReadOnlyList<Sector> Sectors,
    string? Website,
    string? Notes,
    IReadOnlyList<ContactPerson>? ContactPersons,
    Instant RegisteredAt,
    string? RegisteredBy,
    Instant UpdatedAt)
{
    public static Investor Create(InvestorRegistered e) =>
        new(e.InvestorId, e.Profile.LegalName, e.Profile.Country, e.Profile.Sectors, e.Profile.Website, e.Profile.Notes, e.Profile.ContactPersons,
            e.RecordedAt, e.RecordedBy, e.RecordedAt);

    public Investor Apply(InvestorProfileChanged e) => this with
    {
        LegalName = e.Profile.LegalName,
        Country = e.Profile.Country,
        Sectors = e.Profile.Sectors,
        Website = e.Profile.Website,
        Notes = e.Profile.Notes,
        ContactPersons = e.Profile.ContactPersons,
        UpdatedAt = e.RecordedAt,
    };

    /// <summary>The profile as it stands: what a change of profile is compared with.</summary>
    public InvestorProfile Profile() => new(LegalName, Country, Sectors, Website, Notes, ContactPersons ?? []);

    /// <summary>
    /// Partners never receive personal data: the contact persons, the officer who registered, and the officers' free-text
    /// notes (which may name people) are left out.
    /// </summary>
    public Investor WithoutPersonalData() => this with { ContactPersons = null, RegisteredBy = null, Notes = null };
}
