using Investment.Domain.Common;
using Investment.Domain.Investors;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Investors;

/// <summary>
/// An investor as the registry shows it. searchName is the legal name folded for search and uniqueness
/// ("quang ngai" finds "Quảng Ngãi"); position orders the list (the registration's place in the event log);
/// version is the ETag. Partners receive no contactPersons.
/// </summary>
public sealed record InvestorDetails(
    Guid Id,
    string LegalName,
    string Country,
    IReadOnlyList<Sector> Sectors,
    string? Website,
    string? Notes,
    IReadOnlyList<ContactPerson>? ContactPersons,
    string SearchName,
    long Position,
    Instant RegisteredAt,
    string? RegisteredBy,
    Instant UpdatedAt,
    long Version)
{
    /// <summary>
    /// Partners never receive personal data: the contact persons, the officer who registered, and the officers' free-text
    /// notes (which may name people) are left out.
    /// </summary>
    public InvestorDetails WithoutPersonalData() => this with { ContactPersons = null, RegisteredBy = null, Notes = null };

    public InvestorProfile ToProfile() => new(LegalName, Country, Sectors, Website, Notes, ContactPersons ?? []);
}

public sealed partial class InvestorDetailsProjection : SingleStreamProjection<InvestorDetails, Guid>
{
    public static InvestorDetails Create(IEvent<InvestorRegistered> e)
    {
        var p = e.Data.Profile;
        return new InvestorDetails(e.Data.InvestorId, p.LegalName, p.Country, p.Sectors, p.Website, p.Notes, p.ContactPersons,
            SearchText.Fold(p.LegalName), e.Sequence, e.Data.RecordedAt, e.Data.RecordedBy, e.Data.RecordedAt, e.Version);
    }

    public static InvestorDetails Apply(IEvent<InvestorProfileChanged> e, InvestorDetails current)
    {
        var p = e.Data.Profile;
        return current with
        {
            LegalName = p.LegalName,
            Country = p.Country,
            Sectors = p.Sectors,
            Website = p.Website,
            Notes = p.Notes,
            ContactPersons = p.ContactPersons,
            SearchName = SearchText.Fold(p.LegalName),
            UpdatedAt = e.Data.RecordedAt,
            Version = e.Version,
        };
    }
}
