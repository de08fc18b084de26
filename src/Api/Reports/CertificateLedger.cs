using Investment.Domain.Certificates;
using Investment.Domain.Reports;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Reports;

/// <summary>
/// A certificate's capital movements (issue, amendments, revocation), each with its business date and the instant it
/// was recorded: what the zone's attracted capital, its explanation and the reports are computed from. The country of a
/// movement is the first registered investor's, so that breakdowns add up exactly to the total.
/// </summary>
public sealed record CertificateLedger(Guid Id, string ZoneCode, IReadOnlyList<CapitalMovement> Movements, IReadOnlyList<int> Years)
{
    public CertificateLedger With(CapitalMovement movement) => this with
    {
        Movements = [.. Movements, movement],
        Years = [.. Years.Append(movement.On.Year).Distinct().Order()],
    };

    public decimal CapitalUsd => Movements.Where(m => m.Kind != MovementKind.Revocation).Sum(m => m.AmountUsd);
}

public sealed partial class CertificateLedgerProjection : SingleStreamProjection<CertificateLedger, Guid>
{
    public static CertificateLedger Create(CertificateIssued e)
    {
        var movement = new CapitalMovement(e.CertificateId, e.Number, e.ProjectName, e.ZoneCode, e.Sector, e.Investors[0].Country,
            MovementKind.NewCertificate, null, e.IssuedOn, e.Capital.InUsd(), e.RecordedAt);
        return new CertificateLedger(e.CertificateId, e.ZoneCode, [movement], [e.IssuedOn.Year]);
    }

    public static CertificateLedger Apply(CertificateAmended e, CertificateLedger ledger)
    {
        var change = e.CapitalChange?.InUsd() ?? 0m;
        var kind = change > 0 ? MovementKind.CapitalIncrease : change < 0 ? MovementKind.CapitalReduction : MovementKind.OtherAmendment;
        return ledger.With(Like(ledger) with { Kind = kind, AmendmentNumber = e.Number, On = e.On, AmountUsd = change, RecordedAt = e.RecordedAt });
    }

    public static CertificateLedger Apply(CertificateRevoked e, CertificateLedger ledger) =>
        ledger.With(Like(ledger) with { Kind = MovementKind.Revocation, AmendmentNumber = null, On = e.On, AmountUsd = ledger.CapitalUsd, RecordedAt = e.RecordedAt });

    private static CapitalMovement Like(CertificateLedger ledger) => ledger.Movements[0];
}
