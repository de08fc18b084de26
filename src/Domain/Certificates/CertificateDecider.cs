using Investment.Domain.Common;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Domain.Certificates;

/// <summary>The rules of a certificate's life (issue 4). Dates are business dates in Vietnam's calendar.</summary>
public static class CertificateDecider
{
    public sealed record IssueCertificate(
        Guid CertificateId, string Number, string ProjectName, IReadOnlyList<CertificateInvestor> Investors, string ZoneCode, Sector Sector,
        Money Capital, decimal LandAreaHectares, LocalDate IssuedOn, int DurationYears, IReadOnlyList<Milestone> Schedule, Guid? LeadId,
        int? PlannedEmployees = null);

    public sealed record AmendCertificate(
        LocalDate On, Money? CapitalChange, decimal? LandAreaHectares, int ExtensionMonths, IReadOnlyList<Milestone>? Schedule, string? Objectives,
        string Reason, IReadOnlyList<CertificateInvestor>? InvestorsJoining = null, IReadOnlyList<Guid>? InvestorsLeaving = null,
        int? PlannedEmployees = null);

    public sealed record InspectCertificate(
        LocalDate On, string Inspector, Progress Progress, Money DisbursedSoFar, IReadOnlyList<string> MilestonesMet, string Findings,
        int? VietnameseEmployees = null, int? ForeignEmployees = null);

    public static Decision Issue(IssueCertificate c, Recording recording)
    {
        if (Rules.NotInFuture("issuedOn", c.IssuedOn, recording.At) is { } future) return future;
        if (c.Schedule.FirstOrDefault(m => m.Due < c.IssuedOn) is { } early)
            return Decision.Refuse("certificate.milestone_before_issue", $"Milestone '{early.Name}' is due on {early.Due:yyyy-MM-dd}, before the issue date {c.IssuedOn:yyyy-MM-dd}.");
        return Decision.Accept(new CertificateIssued(c.CertificateId, c.Number.Trim(), c.ProjectName.Trim(), c.Investors, c.ZoneCode, c.Sector, c.Capital,
            c.LandAreaHectares, c.IssuedOn, c.DurationYears, [.. c.Schedule.Select(m => m with { Name = m.Name.Trim() })], c.LeadId,
            recording.By, recording.At, c.PlannedEmployees));
    }

    public static Decision Amend(Certificate certificate, AmendCertificate a, Recording recording)
    {
        if (CheckDate(certificate, a.On, recording) is { } refused) return refused;
        if (certificate.Amendments.Count > 0 && a.On < certificate.Amendments[^1].On)
            return Decision.Refuse("certificate.amendment_out_of_order",
                $"Amendment {certificate.Amendments.Count} is dated {certificate.Amendments[^1].On:yyyy-MM-dd}; the next one cannot be dated earlier ({a.On:yyyy-MM-dd}).");
        if (a.CapitalChange is { } change && certificate.CapitalUsd + change.InUsd() < 0)
            return Decision.Refuse("certificate.capital_below_zero",
                $"Reducing the capital by USD {-change.InUsd()} would take it below zero (it is USD {certificate.CapitalUsd}).");
        if (certificate.ExtensionMonthsUsed + a.ExtensionMonths > Certificate.MaxExtensionMonths)
            return Decision.Refuse("certificate.extension_limit",
                $"The schedule may be extended by at most {Certificate.MaxExtensionMonths} months in total over the certificate's life "
                + $"(Law on Investment 67/2014/QH13, Article 46(4)); {certificate.ExtensionMonthsUsed} are used, {a.ExtensionMonths} more were asked.");
        if (a.Schedule?.FirstOrDefault(m => m.Due < certificate.IssuedOn) is { } early)
            return Decision.Refuse("certificate.milestone_before_issue", $"Milestone '{early.Name}' is due before the issue date {certificate.IssuedOn:yyyy-MM-dd}.");
        var (investors, refusal) = ChangeInvestors(certificate, a.InvestorsJoining ?? [], a.InvestorsLeaving ?? []);
        if (refusal is not null) return refusal;
        return Decision.Accept(new CertificateAmended(certificate.Id, certificate.Amendments.Count + 1, a.On, a.CapitalChange, a.LandAreaHectares,
            a.ExtensionMonths, a.Schedule, Rules.Blank(a.Objectives), a.Reason.Trim(), recording.By, recording.At, investors, a.PlannedEmployees));
    }

    /// <summary>
    /// Investors join or leave a joint venture, or the project is transferred (all leave, others join): only investors of
    /// the certificate can leave, only others can join, at least one must remain, and the known shares add up to at most 100 %.
    /// </summary>
    private static (InvestorChange? Change, Decision? Refusal) ChangeInvestors(
        Certificate certificate, IReadOnlyList<CertificateInvestor> joining, IReadOnlyList<Guid> leaving)
    {
        if (joining.Count == 0 && leaving.Count == 0) return (null, null);
        if (leaving.FirstOrDefault(id => certificate.Investors.All(i => i.InvestorId != id)) is var stranger && stranger != Guid.Empty)
            return (null, Decision.Refuse("certificate.investor_not_party", $"Investor {stranger} is not an investor of certificate {certificate.Number}, so cannot leave it."));
        if (joining.FirstOrDefault(j => certificate.Investors.Any(i => i.InvestorId == j.InvestorId) && !leaving.Contains(j.InvestorId)) is { } already)
            return (null, Decision.Refuse("certificate.investor_already_party", $"{already.Name} is already an investor of certificate {certificate.Number}."));
        var change = new InvestorChange(joining, [.. certificate.Investors.Where(i => leaving.Contains(i.InvestorId))]);
        var after = change.Applied(certificate.Investors);
        if (after.Count == 0)
            return (null, Decision.Refuse("certificate.no_investor_left", "A certificate keeps at least one investor: name who joins when all leave (a transfer)."));
        if (after.Sum(i => i.SharePercent ?? 0m) > 100m)
            return (null, Decision.Refuse("certificate.shares_above_100", $"The investors' known shares would add up to {after.Sum(i => i.SharePercent ?? 0m)} %, more than 100 %."));
        return (change, null);
    }

    public static Decision Inspect(Certificate certificate, InspectCertificate i, Recording recording)
    {
        if (CheckDate(certificate, i.On, recording) is { } refused) return refused;
        var names = certificate.AsOf(i.On).Schedule.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        if (i.MilestonesMet.FirstOrDefault(m => !names.Contains(m.Trim())) is { } unknown)
            return Decision.Refuse("certificate.unknown_milestone",
                $"'{unknown}' is not a milestone of the schedule on {i.On:yyyy-MM-dd}: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        return Decision.Accept(new CertificateInspected(certificate.Id, i.On, i.Inspector.Trim(), i.Progress, i.DisbursedSoFar,
            [.. i.MilestonesMet.Select(m => m.Trim()).Distinct()], i.Findings.Trim(), recording.By, recording.At, i.VietnameseEmployees, i.ForeignEmployees));
    }

    public static Decision Suspend(Certificate certificate, LocalDate on, string reason, Recording recording)
    {
        if (CheckDate(certificate, on, recording) is { } refused) return refused;
        if (certificate.Status == CertificateStatus.Suspended)
            return Decision.Refuse("certificate.already_suspended", $"The certificate is suspended since {certificate.Suspensions[^1].From:yyyy-MM-dd}.");
        if (on < certificate.LastStatusChange) return OutOfOrder(certificate, on);
        return Decision.Accept(new CertificateSuspended(certificate.Id, on, reason.Trim(), recording.By, recording.At));
    }

    public static Decision Resume(Certificate certificate, LocalDate on, string? note, Recording recording)
    {
        if (CheckDate(certificate, on, recording) is { } refused) return refused;
        if (certificate.Status != CertificateStatus.Suspended) return Decision.Refuse("certificate.not_suspended", "The certificate is not suspended.");
        if (on < certificate.LastStatusChange) return OutOfOrder(certificate, on);
        return Decision.Accept(new CertificateResumed(certificate.Id, on, Rules.Blank(note), recording.By, recording.At));
    }

    public static Decision Revoke(Certificate certificate, LocalDate on, RevocationGround ground, string decisionNumber, string? note, Recording recording)
    {
        if (CheckDate(certificate, on, recording) is { } refused) return refused;
        if (on < certificate.LastStatusChange) return OutOfOrder(certificate, on);
        // Revoked is final: nothing recorded may be dated after it, or the figures would count changes to a dead certificate.
        var lastChange = certificate.Amendments.Select(a => a.On).Concat(certificate.Inspections.Select(i => i.On)).DefaultIfEmpty(certificate.IssuedOn).Max();
        if (on < lastChange)
            return Decision.Refuse("certificate.date_out_of_order", $"{on:yyyy-MM-dd} is before the certificate's last amendment or inspection ({lastChange:yyyy-MM-dd}).");
        return Decision.Accept(new CertificateRevoked(certificate.Id, on, ground, decisionNumber.Trim(), Rules.Blank(note), recording.By, recording.At));
    }

    /// <summary>Revoked is final; nothing is dated before the issue or after today in Vietnam.</summary>
    private static Decision? CheckDate(Certificate certificate, LocalDate on, Recording recording)
    {
        if (certificate.Revocation is { } revocation)
            return Decision.Refuse("certificate.revoked",
                $"Certificate {certificate.Number} was revoked on {revocation.On:yyyy-MM-dd} (decision {revocation.DecisionNumber}); a revoked certificate cannot change.");
        if (on < certificate.IssuedOn)
            return Decision.Refuse("certificate.date_before_issue", $"{on:yyyy-MM-dd} is before the certificate was issued ({certificate.IssuedOn:yyyy-MM-dd}).");
        return Rules.NotInFuture("on", on, recording.At);
    }

    private static Decision OutOfOrder(Certificate certificate, LocalDate on) => Decision.Refuse("certificate.date_out_of_order",
        $"{on:yyyy-MM-dd} is before the certificate's last change of status ({certificate.LastStatusChange:yyyy-MM-dd}).");
}
