using Investment.Domain.Certificates;
using Investment.Domain.Reports;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Reports;

/// <summary>
/// A certificate's capital movements (issue, amendments, revocation), inspections and planned jobs, each with its
/// business date and the instant it was recorded: what the zone's attracted and realised capital, jobs, explanation and
/// reports are computed from. A movement is attributed to the investors of the certificate on its date; its country is
/// the first of those investors', so that breakdowns add up exactly to the total. The members after Years were added
/// later: a ledger stored before them reads them as null until the projections are rebuilt.
/// </summary>
public sealed record CertificateLedger(
    Guid Id, string ZoneCode, IReadOnlyList<CapitalMovement> Movements, IReadOnlyList<int> Years,
    int IssuedYear = 0, IReadOnlyList<CertificateInvestor>? Investors = null, IReadOnlyList<InspectionFact>? Inspections = null,
    IReadOnlyList<PlannedJobsFact>? PlannedJobs = null)
{
    public CertificateLedger With(CapitalMovement movement) => this with
    {
        Movements = [.. Movements, movement],
        Years = [.. Years.Append(movement.On.Year).Distinct().Order()],
    };

    public decimal CapitalUsd => Movements.Where(m => m.Kind != MovementKind.Revocation).Sum(m => m.AmountUsd);

    public ImplementationFacts Implementation() =>
        new(Id, Movements[0].CertificateNumber, Movements[0].ProjectName, ZoneCode, Movements, Inspections ?? [], PlannedJobs ?? []);
}

public sealed partial class CertificateLedgerProjection : SingleStreamProjection<CertificateLedger, Guid>
{
    public static CertificateLedger Create(CertificateIssued e)
    {
        var movement = new CapitalMovement(e.CertificateId, e.Number, e.ProjectName, e.ZoneCode, e.Sector, e.Investors[0].Country,
            MovementKind.NewCertificate, null, e.IssuedOn, e.Capital.InUsd(), e.RecordedAt, e.Investors);
        return new CertificateLedger(e.CertificateId, e.ZoneCode, [movement], [e.IssuedOn.Year], e.IssuedOn.Year, e.Investors, [],
            e.PlannedEmployees is { } planned ? [new PlannedJobsFact(e.IssuedOn, e.RecordedAt, planned)] : []);
    }

    public static CertificateLedger Apply(CertificateAmended e, CertificateLedger ledger)
    {
        // The amendment's own movement is attributed to the investors after the change it records.
        var investors = e.Investors?.Applied(Investors(ledger)) ?? Investors(ledger);
        var change = e.CapitalChange?.InUsd() ?? 0.00m; // two decimals, like every USD amount
        var kind = change > 0 ? MovementKind.CapitalIncrease : change < 0 ? MovementKind.CapitalReduction : MovementKind.OtherAmendment;
        return ledger.With(Like(ledger, investors) with { Kind = kind, AmendmentNumber = e.Number, On = e.On, AmountUsd = change, RecordedAt = e.RecordedAt }) with
        {
            Investors = investors,
            PlannedJobs = e.PlannedEmployees is { } planned ? [.. ledger.PlannedJobs ?? [], new PlannedJobsFact(e.On, e.RecordedAt, planned)] : ledger.PlannedJobs,
        };
    }

    public static CertificateLedger Apply(CertificateInspected e, CertificateLedger ledger) => ledger with
    {
        Inspections = [.. ledger.Inspections ?? [], new InspectionFact(e.On, e.RecordedAt, e.DisbursedSoFar.InUsd(), e.VietnameseEmployees, e.ForeignEmployees)],
        Years = [.. ledger.Years.Append(e.On.Year).Distinct().Order()],
    };

    public static CertificateLedger Apply(CertificateRevoked e, CertificateLedger ledger) =>
        ledger.With(Like(ledger, Investors(ledger)) with
        {
            Kind = MovementKind.Revocation, AmendmentNumber = null, On = e.On, AmountUsd = ledger.CapitalUsd + 0.00m, RecordedAt = e.RecordedAt,
        });

    private static IReadOnlyList<CertificateInvestor> Investors(CertificateLedger ledger) => ledger.Investors ?? ledger.Movements[0].Investors ?? [];

    private static CapitalMovement Like(CertificateLedger ledger, IReadOnlyList<CertificateInvestor> investors) => ledger.Movements[0] with
    {
        Investors = investors,
        Country = investors.Count > 0 ? investors[0].Country : ledger.Movements[0].Country,
    };
}
