using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Investors;

/// <summary>The sectors the plan targets (domain.md, section B.I.2), as a fixed list.</summary>
public enum Sector
{
    HeavyIndustry,
    SteelAndMetallurgy,
    PetrochemicalsAndRefining,
    Energy,
    PortAndLogistics,
    SupportingIndustries,
    LightIndustryAndTextiles,
    AgroAndFoodProcessing,
    IndustrialAndUrbanInfrastructure,
    TourismAndServices,
    Other,
}

/// <summary>A person at the investor the authority deals with. Personal data: never shown to partners.</summary>
public sealed record ContactPerson(string Name, string? Role = null, string? Email = null, string? Phone = null);

/// <summary>What the registry knows of an investor. Country is ISO 3166-1 alpha-2.</summary>
public sealed record InvestorProfile(
    string LegalName,
    string Country,
    IReadOnlyList<Sector> Sectors,
    string? Website,
    string? Notes,
    IReadOnlyList<ContactPerson> ContactPersons);

public sealed record InvestorRegistered(Guid InvestorId, InvestorProfile Profile, string RecordedBy, Instant RecordedAt) : IRecordedEvent;

/// <summary>The profile as it is now, and the names of the fields that changed: the audit trail says what moved.</summary>
public sealed record InvestorProfileChanged(
    Guid InvestorId,
    InvestorProfile Profile,
    IReadOnlyList<string> ChangedFields,
    string RecordedBy,
    Instant RecordedAt) : IRecordedEvent;
