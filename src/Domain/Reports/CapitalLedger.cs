using NodaTime;

namespace Investment.Domain.Reports;

public enum MovementKind
{
    /// <summary>A certificate issued: its registered capital.</summary>
    NewCertificate,
    /// <summary>An amendment that added capital.</summary>
    CapitalIncrease,
    /// <summary>An amendment that reduced capital (a negative amount).</summary>
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
/// <param name="AmountUsd">Signed, in USD; for a revocation, the certificate's capital as known when the revocation was recorded.</param>
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
    Instant RecordedAt);
