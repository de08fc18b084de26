using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Reports;

/// <summary>The part of the net attracted capital attributed to a country: the country of the certificate's first investor on each movement's date.</summary>
/// <param name="AttractedUsd">Net: new capital plus capital added minus capital reduced; the countries add up to the total.</param>
public sealed record CountryFigure(string Country, int NewCertificates, decimal AttractedUsd);

/// <summary>The part of the net attracted capital in a sector (the certificate's).</summary>
/// <param name="AttractedUsd">Net: new capital plus capital added minus capital reduced; the sectors add up to the total.</param>
public sealed record SectorFigure(Sector Sector, int NewCertificates, decimal AttractedUsd);

/// <summary>
/// A zone's attracted capital over a period, as known at an instant, under a named counting rule, with the lines it is
/// made of (they sum exactly to <see cref="AttractedUsd"/>) and, beside it, the capital of certificates revoked.
/// </summary>
/// <param name="AttractedUsd">The net figure: newCapitalUsd + capitalAddedUsd − capitalReducedUsd.</param>
/// <param name="NewCertificates">Certificates issued in the period.</param>
/// <param name="NewCapitalUsd">Their registered capital (positive).</param>
/// <param name="Amendments">All amendments dated in the period: capitalIncreaseAmendments + capitalReductionAmendments + otherAmendments.</param>
/// <param name="CapitalIncreaseAmendments">Amendments that added capital (lượt điều chỉnh tăng vốn).</param>
/// <param name="CapitalAddedUsd">The capital they added (positive).</param>
/// <param name="CapitalReductionAmendments">Amendments that reduced capital (lượt điều chỉnh giảm vốn).</param>
/// <param name="CapitalReducedUsd">The capital they reduced, as a positive amount: it is subtracted from the figure.</param>
/// <param name="OtherAmendments">Amendments that changed no capital (land, schedule, objectives, investors): counted apart, worth nothing.</param>
/// <param name="Revocations">Certificates revoked in the period.</param>
/// <param name="RevokedCapitalUsd">Their capital (positive), reported beside the figure, never subtracted from it.</param>
public sealed record AttractedCapital(
    CountingRule Rule,
    decimal AttractedUsd,
    int NewCertificates,
    decimal NewCapitalUsd,
    int Amendments,
    int CapitalIncreaseAmendments,
    decimal CapitalAddedUsd,
    int CapitalReductionAmendments,
    decimal CapitalReducedUsd,
    int OtherAmendments,
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
        var increases = inPeriod.Where(m => m.Kind == MovementKind.CapitalIncrease).ToList();
        var reductions = inPeriod.Where(m => m.Kind == MovementKind.CapitalReduction).ToList();
        var amendments = inPeriod.Where(m => m.Kind is MovementKind.CapitalIncrease or MovementKind.CapitalReduction or MovementKind.OtherAmendment).ToList();
        static decimal Sum(IEnumerable<CapitalMovement> ms) => ms.Sum(m => m.AmountUsd) + 0.00m;
        return new AttractedCapital(
            rule,
            Sum(lines),
            issued.Count,
            Sum(issued),
            amendments.Count,
            increases.Count,
            Sum(increases),
            reductions.Count,
            -Sum(reductions) + 0.00m,
            amendments.Count - increases.Count - reductions.Count,
            revoked.Count,
            Sum(revoked),
            [.. lines.GroupBy(m => m.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountryFigure(g.Key, g.Count(m => m.Kind == MovementKind.NewCertificate), Sum(g)))],
            [.. lines.GroupBy(m => m.Sector).OrderBy(g => g.Key)
                .Select(g => new SectorFigure(g.Key, g.Count(m => m.Kind == MovementKind.NewCertificate), Sum(g)))],
            lines,
            amendments,
            revoked);
    }
}
