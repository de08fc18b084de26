using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Reports;

public sealed record CountryFigure(string Country, int NewCertificates, decimal AttractedUsd);

public sealed record SectorFigure(Sector Sector, int NewCertificates, decimal AttractedUsd);

/// <summary>
/// A zone's attracted capital over a period, as known at an instant, under a named counting rule, with the lines it is
/// made of (they sum exactly to <see cref="AttractedUsd"/>) and, beside it, the capital of certificates revoked.
/// </summary>
public sealed record AttractedCapital(
    CountingRule Rule,
    decimal AttractedUsd,
    int NewCertificates,
    decimal NewCapitalUsd,
    int Amendments,
    decimal IncreasesUsd,
    decimal ReductionsUsd,
    int Revocations,
    decimal RevokedCapitalUsd,
    IReadOnlyList<CountryFigure> ByCountry,
    IReadOnlyList<SectorFigure> BySector,
    IReadOnlyList<CapitalMovement> Lines,
    IReadOnlyList<CapitalMovement> AmendmentLines,
    IReadOnlyList<CapitalMovement> Revoked)
{
    /// <param name="knownAt">Only movements recorded before this instant count: the figure as it was known then.</param>
    public static AttractedCapital Compute(IEnumerable<CapitalMovement> movements, string zoneCode, LocalDate from, LocalDate to, Instant knownAt, CountingRule rule)
    {
        var inPeriod = movements
            .Where(m => m.ZoneCode == zoneCode && m.On >= from && m.On <= to && m.RecordedAt < knownAt)
            .OrderBy(m => m.On).ThenBy(m => m.CertificateNumber, StringComparer.Ordinal).ThenBy(m => m.AmendmentNumber)
            .ToList();
        var lines = inPeriod.Where(rule.Counts).ToList();
        var issued = inPeriod.Where(m => m.Kind == MovementKind.NewCertificate).ToList();
        var revoked = inPeriod.Where(m => m.Kind == MovementKind.Revocation).ToList();
        var amendments = inPeriod.Where(m => m.Kind is MovementKind.CapitalIncrease or MovementKind.CapitalReduction or MovementKind.OtherAmendment).ToList();
        return new AttractedCapital(
            rule,
            lines.Sum(m => m.AmountUsd),
            issued.Count,
            issued.Sum(m => m.AmountUsd),
            amendments.Count,
            inPeriod.Where(m => m.Kind == MovementKind.CapitalIncrease).Sum(m => m.AmountUsd),
            inPeriod.Where(m => m.Kind == MovementKind.CapitalReduction).Sum(m => m.AmountUsd),
            revoked.Count,
            revoked.Sum(m => m.AmountUsd),
            [.. lines.GroupBy(m => m.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountryFigure(g.Key, g.Count(m => m.Kind == MovementKind.NewCertificate), g.Sum(m => m.AmountUsd)))],
            [.. lines.GroupBy(m => m.Sector).OrderBy(g => g.Key)
                .Select(g => new SectorFigure(g.Key, g.Count(m => m.Kind == MovementKind.NewCertificate), g.Sum(m => m.AmountUsd)))],
            lines,
            amendments,
            revoked);
    }
}
