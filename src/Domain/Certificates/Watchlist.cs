using System.Globalization;
using Investment.Domain.Common;
using NodaTime;
using NodaTime.Text;

namespace Investment.Domain.Certificates;

public enum WatchRule
{
    /// <summary>
    /// A milestone more than 12 months behind the schedule and not a case allowed to extend (Law 67/2014/QH13, Article
    /// 48(2)(d)): never extended (behind its registered date), or with the 24 months of extension used up.
    /// </summary>
    MilestoneOverdue,
    /// <summary>No inspection in the last 6 months (the plan asks for regular review: section B.I.2 of the seed).</summary>
    NoRecentInspection,
    /// <summary>Suspended for more than 6 months without the cause being remedied.</summary>
    SuspendedTooLong,
    /// <summary>The last inspection found the project stalled.</summary>
    LastInspectionStalled,
}

/// <summary>
/// Why a certificate should be reviewed: the rule, the date it was crossed (the first day the rule holds, so the first
/// day the certificate is listed for it), and the facts behind it. A fact with no value is null (lastInspectedOn of a
/// certificate never inspected).
/// </summary>
public sealed record WatchReason(WatchRule Rule, LocalDate CrossedOn, string Explanation, IReadOnlyDictionary<string, string?> Facts);

/// <summary>Business dates on which a certificate is listed: from <see cref="From"/> up to, not including, <see cref="Until"/> (null: from then on).</summary>
public sealed record WatchPeriod(LocalDate From, LocalDate? Until)
{
    public bool Contains(LocalDate date) => From <= date && (Until is not { } until || date < until);
}

/// <summary>
/// The revocation watchlist: certificates to review as of a date, derived from their events and that date only, so the
/// list for any past date can be asked again and gives the same answer.
/// </summary>
public static class Watchlist
{
    public const int OverdueMonths = 12;
    public const int InspectionMonths = 6;
    public const int SuspensionMonths = 6;

    public static IReadOnlyList<WatchReason> Reasons(Certificate certificate, LocalDate asOf) =>
        certificate.IssuedOn > asOf ? [] : ReasonsOf(certificate.AsOf(asOf), asOf);

    /// <summary>
    /// <see cref="Reasons"/> from the certificate as it stood on the date (<paramref name="then"/> is its
    /// <see cref="Certificate.AsOf"/> of <paramref name="asOf"/>, issued by then), for a reader that also needs that state.
    /// </summary>
    public static IReadOnlyList<WatchReason> ReasonsOf(Certificate then, LocalDate asOf)
    {
        if (then.Revocation is not null) return [];

        var reasons = new List<WatchReason>();
        // Law on Investment 67/2014/QH13, Article 48(2)(d) (Decree 108/2006, Article 68, before it): more than 12 months
        // behind the registered schedule and not a case allowed to extend. A project that never asked for an extension is
        // behind from its registered dates; one that was granted the 24 months an extension may total is behind from its
        // extended dates; one granted less may still ask for the rest, so it is not listed for the delay.
        var neverExtended = then.ExtensionMonthsUsed == 0;
        if (neverExtended || then.ExtensionMonthsUsed >= Certificate.MaxExtensionMonths)
        {
            // The dates in force since: the issue, the last replacement of the schedule, or the last month of extension granted.
            var inForceSince = neverExtended ? ScheduleSetOn(then) : Later(ExtensionExhaustedOn(then), ScheduleSetOn(then));
            foreach (var milestone in then.Schedule.Where(m => m.MetOn is null))
            {
                // More than 12 months behind from the day after the 12th month.
                var crossed = Later(milestone.Due.PlusMonths(OverdueMonths).PlusDays(1), inForceSince);
                if (asOf >= crossed)
                    reasons.Add(new(WatchRule.MilestoneOverdue, crossed,
                        neverExtended
                            ? $"Milestone '{milestone.Name}' was due on {Iso(milestone.Due)}, is not met more than {OverdueMonths} months later, and no extension was asked for (Law 67/2014/QH13, Article 48(2)(d))."
                            : $"Milestone '{milestone.Name}' was due on {Iso(milestone.Due)}, is not met more than {OverdueMonths} months later, and the {Certificate.MaxExtensionMonths} months of extension are used up (Law 67/2014/QH13, Article 48(2)(d)).",
                        Facts(("milestone", milestone.Name), ("dueOn", Iso(milestone.Due)), ("registeredDueOn", Iso(milestone.RegisteredDue)),
                            ("monthsOverdue", Period.Between(milestone.Due, asOf, PeriodUnits.Months).Months.ToString(CultureInfo.InvariantCulture)),
                            ("extensionMonthsUsed", then.ExtensionMonthsUsed.ToString(CultureInfo.InvariantCulture)),
                            ("extensionMonthsLeft", (Certificate.MaxExtensionMonths - then.ExtensionMonthsUsed).ToString(CultureInfo.InvariantCulture)))));
            }
        }

        var lastInspection = then.LastInspection;
        var lastSeen = lastInspection?.On ?? then.IssuedOn;
        var notInspectedSince = lastSeen.PlusMonths(InspectionMonths).PlusDays(1); // more than 6 months
        if (asOf >= notInspectedSince)
            reasons.Add(new(WatchRule.NoRecentInspection, notInspectedSince,
                lastInspection is null
                    ? $"Never inspected since it was issued on {Iso(then.IssuedOn)}."
                    : $"Last inspected on {Iso(lastInspection.On)}, more than {InspectionMonths} months ago.",
                Facts(("lastInspectedOn", lastInspection is null ? null : Iso(lastInspection.On)), ("issuedOn", Iso(then.IssuedOn)))));

        if (then.Suspensions is [.., { To: null } suspension]
            && suspension.From.PlusMonths(SuspensionMonths).PlusDays(1) is var suspendedTooLong && asOf >= suspendedTooLong) // more than 6 months
            reasons.Add(new(WatchRule.SuspendedTooLong, suspendedTooLong,
                $"Suspended since {Iso(suspension.From)} ({suspension.Reason}), more than {SuspensionMonths} months.",
                Facts(("suspendedOn", Iso(suspension.From)), ("reason", suspension.Reason))));

        if (lastInspection is { Progress: Progress.Stalled })
            reasons.Add(new(WatchRule.LastInspectionStalled, lastInspection.On,
                $"The inspection of {Iso(lastInspection.On)} found the project stalled: {lastInspection.Findings}",
                Facts(("inspectedOn", Iso(lastInspection.On)), ("findings", lastInspection.Findings),
                    ("disbursedUsd", lastInspection.DisbursedUsd.ToString(CultureInfo.InvariantCulture)))));

        return reasons;
    }

    /// <summary>
    /// Every date on which <see cref="Reasons"/> lists the certificate, as the fewest periods (issue 18: the register keeps
    /// them, so a date's candidates are found without loading every certificate). Between two of the certificate's own
    /// business dates its state as of a date does not change, and each reason holds from its crossing date on: within each
    /// such span the certificate is listed from the earliest crossing on, so the reasons on the span's last day say it all.
    /// </summary>
    public static IReadOnlyList<WatchPeriod> Periods(Certificate certificate)
    {
        var dates = new SortedSet<LocalDate> { certificate.IssuedOn };
        foreach (var amendment in certificate.Amendments) dates.Add(amendment.On);
        foreach (var inspection in certificate.Inspections) dates.Add(inspection.On);
        foreach (var suspension in certificate.Suspensions)
        {
            dates.Add(suspension.From);
            if (suspension.To is { } to) dates.Add(to);
        }
        if (certificate.Revocation is { } revocation) dates.Add(revocation.On);

        var starts = dates.Where(d => d >= certificate.IssuedOn).ToList();
        var periods = new List<WatchPeriod>();
        for (var i = 0; i < starts.Count; i++)
        {
            LocalDate? end = i + 1 < starts.Count ? starts[i + 1] : null;
            var reasons = Reasons(certificate, end?.PlusDays(-1) ?? LocalDate.MaxIsoValue);
            if (reasons.Count == 0) continue;
            var from = Later(starts[i], reasons.Min(r => r.CrossedOn));
            if (periods.Count > 0 && periods[^1].Until == from) periods[^1] = periods[^1] with { Until = end };
            else periods.Add(new WatchPeriod(from, end));
        }
        return periods;
    }

    /// <summary>
    /// The certificate stripped to what <see cref="Reasons"/>, <see cref="Periods"/> and its status as of a date read
    /// (issue 18: the watchlist of a large zone reads this copy, stored beside each certificate, not the whole document):
    /// its dates, schedule and extensions, each inspection's progress and milestones met (and the findings and amount
    /// a stalled one is listed with), its suspensions and the revocation's date. Investors, money and texts no rule
    /// reads are dropped, and so are the members <see cref="Certificate.AsOf"/> derives again from the lists (the schedule
    /// in force, the last inspection, the realised capital).
    /// </summary>
    public static Certificate Slim(Certificate certificate)
    {
        static Inspection Slim(Inspection i) => i.Progress == Progress.Stalled
            ? i with { Inspector = null, VietnameseEmployees = null, ForeignEmployees = null, DisbursedSoFar = Money.Usd(0m) }
            : i with { Inspector = null, VietnameseEmployees = null, ForeignEmployees = null, DisbursedSoFar = Money.Usd(0m), DisbursedUsd = 0m, Findings = "" };
        return certificate with
        {
            Investors = [],
            InvestorsAsIssued = null,
            LeadId = null,
            Amendments = [.. certificate.Amendments.Select(a => a with
            {
                CapitalChange = null, CapitalChangeUsd = 0m, LandAreaHectares = null, Objectives = null, Reason = "", Investors = null, PlannedEmployees = null,
            })],
            Inspections = [.. certificate.Inspections.Select(Slim)],
            Revocation = certificate.Revocation is { } r ? r with { DecisionNumber = "", Note = null } : null,
            CapitalAsIssued = Money.Usd(0m), CapitalAsIssuedUsd = 0m, CapitalUsd = 0m, LandAreaHectares = 0m, LandAreaAsIssuedHectares = 0m,
            Schedule = [], LastInspection = null, RealisedUsd = 0m, RealisationRate = null,
        };
    }

    /// <summary>The date of the last amendment that replaced the schedule, or the issue date.</summary>
    private static LocalDate ScheduleSetOn(Certificate certificate) =>
        certificate.Amendments.Where(a => a.Schedule is not null).Select(a => a.On).DefaultIfEmpty(certificate.IssuedOn).Max();

    /// <summary>The date of the amendment that used the last month of extension.</summary>
    private static LocalDate ExtensionExhaustedOn(Certificate certificate)
    {
        var used = 0;
        foreach (var amendment in certificate.Amendments.OrderBy(a => a.Number))
        {
            used += amendment.ExtensionMonths;
            if (used >= Certificate.MaxExtensionMonths) return amendment.On;
        }
        return certificate.IssuedOn;
    }

    private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static Dictionary<string, string?> Facts(params (string Key, string? Value)[] facts) => facts.ToDictionary(f => f.Key, f => f.Value);
}
