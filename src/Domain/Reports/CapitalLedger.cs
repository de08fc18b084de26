using NodaTime;

namespace Investment.Domain.Reports;

public enum MovementKind
{
    /// <summary>A certificate issued: its registered capital.</summary>
    NewCertificate,
    /// <summary>An amendment that added capital.</summary>
    CapitalIncrease,
    /// <summary>An amendment that reduced capital (its movement's amount is negative; reports state the sum as a positive capitalReducedUsd).</summary>
    CapitalReduction,
    /// <summary>An amendment that changed no capital (land, schedule, objectives): counted as an amendment, worth nothing.</summary>
    OtherAmendment,
    /// <summary>A certificate revoked: reported beside the figure, never subtracted from it.</summary>
    Revocation,
}

/// <summary>
/// One fact that moves a zone's registered capital, with both its times: the business date it happened on (Vietnam's
/// calendar) and the instant it was recorded, so a figure can be recomputed "as known on" any date.
/// </summary>
/// <param name="AmountUsd">
/// In USD, two decimals, signed as it moves the figure: positive for a new certificate or an increase, negative for a
/// reduction, 0 for an amendment that changed no capital; the lines of a figure sum exactly to it. For a revocation
/// (never part of the figure), the certificate's capital as known when the revocation was recorded, positive.
/// </param>
/// <param name="Country">The country the movement is attributed to in the by-country breakdown: that of the first of <paramref name="Investors"/>.</param>
/// <param name="Investors">The investors the movement is attributed to: the certificate's on the movement's date (after a change of investors dated that day).</param>
public sealed record CapitalMovement(
    Guid CertificateId,
    string CertificateNumber,
    string ProjectName,
    string ZoneCode,
    Investors.Sector Sector,
    string Country,
    MovementKind Kind,
    int? AmendmentNumber,
    LocalDate On,
    decimal AmountUsd,
    Instant RecordedAt,
    IReadOnlyList<Certificates.CertificateInvestor>? Investors = null);
