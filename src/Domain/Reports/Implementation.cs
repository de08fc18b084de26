using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Reports;

/// <summary>What an inspection found about implementation, with both its times.</summary>
/// <param name="DisbursedUsd">Capital disbursed so far (cumulative) as of the inspection's date.</param>
/// <param name="VietnameseEmployees">Vietnamese employees working on that date, where counted.</param>
/// <param name="ForeignEmployees">Foreign employees working on that date, where counted.</param>
public sealed record InspectionFact(LocalDate On, Instant RecordedAt, decimal DisbursedUsd, int? VietnameseEmployees, int? ForeignEmployees);

/// <summary>The employees planned from a date on: by the certificate as issued or by an amendment.</summary>
public sealed record PlannedJobsFact(LocalDate On, Instant RecordedAt, int PlannedEmployees);

/// <summary>One certificate's facts for realised capital and jobs: its capital movements, inspections and planned jobs.</summary>
public sealed record ImplementationFacts(
    Guid CertificateId, string CertificateNumber, string ProjectName, string ZoneCode,
    IReadOnlyList<CapitalMovement> Movements, IReadOnlyList<InspectionFact> Inspections, IReadOnlyList<PlannedJobsFact> PlannedJobs);

/// <summary>One certificate's part of the realised capital and jobs of a period.</summary>
/// <param name="InForce">Issued by the period's end and not revoked by then: counted in the cumulative figures.</param>
/// <param name="RegisteredUsd">Its registered capital at the period's end.</param>
/// <param name="RealisedUsd">Its capital disbursed so far at the period's end (the latest inspection on or before it).</param>
/// <param name="RealisedInPeriodUsd">What its disbursed-so-far grew by over the period (signed: an inspection may correct an earlier one down).</param>
/// <param name="LastInspectedOn">The inspection its realised capital comes from; absent when never inspected by then.</param>
public sealed record RealisedLine(
    Guid CertificateId, string CertificateNumber, string ProjectName, bool InForce, decimal RegisteredUsd, decimal RealisedUsd, decimal RealisedInPeriodUsd,
    LocalDate? LastInspectedOn, int? PlannedEmployees, int? VietnameseEmployees, int? ForeignEmployees);

/// <summary>
/// Realised capital (vốn thực hiện) of a zone, beside its registered capital: cumulative at the period's end over the
/// certificates in force then (issued, not revoked), and disbursed during the period over every certificate.
/// </summary>
/// <param name="RegisteredUsd">Registered capital of the certificates in force at the period's end.</param>
/// <param name="RealisedUsd">Their capital disbursed so far at the period's end, from each one's latest inspection.</param>
/// <param name="RealisationRate">realisedUsd / registeredUsd, to 4 decimals (0.2500 is 25 %); absent when nothing is registered.</param>
/// <param name="RealisedInPeriodUsd">Capital disbursed during the period: the growth of each certificate's disbursed-so-far between the day before the period and its last day, summed over the zone's certificates (revoked ones included, up to their revocation).</param>
public sealed record RealisedCapital(decimal RegisteredUsd, decimal RealisedUsd, decimal? RealisationRate, decimal RealisedInPeriodUsd);

/// <summary>Jobs (lao động) of a zone: planned by certificates and amendments, and actually working from inspections.</summary>
/// <param name="PlannedEmployees">Employees planned by the certificates in force at the period's end (those that state it).</param>
/// <param name="PlannedInPeriod">Employees planned by certificates issued in the period, plus or minus the changes of amendments dated in it.</param>
/// <param name="VietnameseEmployees">Vietnamese employees working at the period's end, from each certificate in force's latest inspection that counted them.</param>
/// <param name="ForeignEmployees">Foreign employees working at the period's end, likewise.</param>
/// <param name="Employees">vietnameseEmployees + foreignEmployees.</param>
public sealed record JobFigures(int PlannedEmployees, int PlannedInPeriod, int VietnameseEmployees, int ForeignEmployees, int Employees);

public sealed record ImplementationFigures(RealisedCapital Realised, JobFigures Jobs, IReadOnlyList<RealisedLine> Lines)
{
    /// <summary>The zone's realised capital and jobs for a period, as known at an instant (facts recorded before it).</summary>
    public static ImplementationFigures Compute(IEnumerable<ImplementationFacts> certificates, string zoneCode, LocalDate from, LocalDate to, Instant knownAt)
    {
        var lines = new List<RealisedLine>();
        var plannedInPeriod = 0;
        foreach (var c in certificates.Where(c => c.ZoneCode == zoneCode))
        {
            var movements = c.Movements.Where(m => m.RecordedAt < knownAt).ToList();
            if (movements.FirstOrDefault(m => m.Kind == MovementKind.NewCertificate) is not { } issued || issued.On > to) continue;
            var inspections = c.Inspections.Where(i => i.RecordedAt < knownAt).OrderBy(i => i.On).ToList();
            var planned = c.PlannedJobs.Where(p => p.RecordedAt < knownAt).OrderBy(p => p.On).ToList();
            InspectionFact? Latest(LocalDate on) => inspections.LastOrDefault(i => i.On <= on);
            int? PlannedOn(LocalDate on) => planned.LastOrDefault(p => p.On <= on)?.PlannedEmployees;

            var inForce = !movements.Any(m => m.Kind == MovementKind.Revocation && m.On <= to);
            var atEnd = Latest(to);
            var before = Latest(from.PlusDays(-1));
            var counted = inspections.LastOrDefault(i => i.On <= to && (i.VietnameseEmployees is not null || i.ForeignEmployees is not null));
            var plannedAtEnd = PlannedOn(to);
            plannedInPeriod += (plannedAtEnd ?? 0) - (issued.On < from ? PlannedOn(from.PlusDays(-1)) ?? 0 : 0);
            lines.Add(new RealisedLine(c.CertificateId, c.CertificateNumber, c.ProjectName, inForce,
                Money.Cents(movements.Where(m => m.Kind != MovementKind.Revocation && m.On <= to).Sum(m => m.AmountUsd)),
                Money.Cents(atEnd?.DisbursedUsd ?? 0m), Money.Cents((atEnd?.DisbursedUsd ?? 0m) - (before?.DisbursedUsd ?? 0m)),
                atEnd?.On, plannedAtEnd, counted?.VietnameseEmployees, counted?.ForeignEmployees));
        }
        lines = [.. lines.OrderBy(l => l.CertificateNumber, StringComparer.Ordinal)];
        var inForceLines = lines.Where(l => l.InForce).ToList();
        var registered = Money.Cents(inForceLines.Sum(l => l.RegisteredUsd));
        var realised = Money.Cents(inForceLines.Sum(l => l.RealisedUsd));
        var vietnamese = inForceLines.Sum(l => l.VietnameseEmployees ?? 0);
        var foreign = inForceLines.Sum(l => l.ForeignEmployees ?? 0);
        return new ImplementationFigures(
            new RealisedCapital(registered, realised, registered > 0 ? Math.Round(realised / registered, 4, MidpointRounding.AwayFromZero) : null,
                Money.Cents(lines.Sum(l => l.RealisedInPeriodUsd))),
            new JobFigures(inForceLines.Sum(l => l.PlannedEmployees ?? 0), plannedInPeriod, vietnamese, foreign, vietnamese + foreign),
            lines);
    }
}
