using Investment.Domain.Certificates;
using Investment.Domain.Reports;

namespace Investment.Api.Reports;

/// <summary>
/// A certificate's capital movements (issue, amendments, revocation), inspections and planned jobs, each with its
/// business date and the instant it was recorded: what the zone's attracted and realised capital, jobs, explanation and
/// reports are computed from (folded from the certificate's events: <see cref="CertificateLedgers"/>). A movement is attributed to the investors of the certificate on its date; its country is
/// the first of those investors', so that breakdowns add up exactly to the total. The members after Years were added
/// when the ledger was still a stored document, whose older copies read them as null; folded, they are always set.
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

/// <summary>
/// A certificate's ledger folded from its events by <see cref="ZoneFacts"/> (issue 18), not stored: as a document of the
/// async daemon it cost each certificate written an insert and each amendment or inspection a rewrite, on the cores the
/// writes share. The events are the source either way, so a rebuild has nothing to rebuild here.
/// </summary>
public static class CertificateLedgers
{
    /// <summary>The certificate events a ledger is folded from (the others move no capital, inspection or planned jobs).</summary>
    public static readonly Type[] EventTypes = [typeof(CertificateIssued), typeof(CertificateAmended), typeof(CertificateInspected), typeof(CertificateRevoked)];

    /// <summary>The ledger after the certificate's next events, in their order (null: none yet; null answer: never issued).</summary>
    public static CertificateLedger? Fold(CertificateLedger? ledger, IEnumerable<object> events)
    {
        foreach (var e in events)
            ledger = e switch
            {
                CertificateIssued x => Create(x),
                CertificateAmended x when ledger is not null => Apply(x, ledger),
                CertificateInspected x when ledger is not null => Apply(x, ledger),
                CertificateRevoked x when ledger is not null => Apply(x, ledger),
                _ => ledger, // an event of a certificate never issued: nothing to apply it to
            };
        return ledger;
    }

    private static CertificateLedger Create(CertificateIssued e)
    {
        var movement = new CapitalMovement(e.CertificateId, e.Number, e.ProjectName, e.ZoneCode, e.Sector, e.Investors[0].Country,
            MovementKind.NewCertificate, null, e.IssuedOn, e.Capital.InUsd(), e.RecordedAt, e.Investors);
        return new CertificateLedger(e.CertificateId, e.ZoneCode, [movement], [e.IssuedOn.Year], e.IssuedOn.Year, e.Investors, [],
            e.PlannedEmployees is { } planned ? [new PlannedJobsFact(e.IssuedOn, e.RecordedAt, planned)] : []);
    }

    private static CertificateLedger Apply(CertificateAmended e, CertificateLedger ledger)
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

    private static CertificateLedger Apply(CertificateInspected e, CertificateLedger ledger) => ledger with
    {
        Inspections = [.. ledger.Inspections ?? [], new InspectionFact(e.On, e.RecordedAt, e.DisbursedSoFar.InUsd(), e.VietnameseEmployees, e.ForeignEmployees)],
        Years = [.. ledger.Years.Append(e.On.Year).Distinct().Order()],
    };

    private static CertificateLedger Apply(CertificateRevoked e, CertificateLedger ledger) =>
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
