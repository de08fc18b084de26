using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Domain.Reports;

public enum LeadFactKind
{
    Opened,
    Certified,
    Lost,
    ContactLogged,
    ContactCorrected,
    ContactWithdrawn,
    Reopened,
    OwnerReassigned,
    EstimateRevised,
    StageChanged,
}

/// <summary>
/// A dated fact of a lead for the reports: only what is counted. Loss is a lost lead's reason; Officer the owner a lead
/// was opened with or given to (the only name here: per-officer figures are answered to officers and admins only);
/// EstimateUsd the estimate it was opened with or revised to; Stage the stage a fact put the lead in. Facts recorded
/// before these were added have them null (a log stored before them reads so until the projections are rebuilt).
/// </summary>
public sealed record LeadFact(
    LeadFactKind Kind, LocalDate On, Instant RecordedAt, Guid? ContactId = null, LeadLoss? Loss = null, string? Officer = null, decimal? EstimateUsd = null,
    LeadStage? Stage = null)
{
    /// <summary>
    /// A lead's stage and estimate as known at an instant, for the pipeline forecast: the stage of the last fact recorded
    /// before it that set one (its opening makes it a prospect), the estimate last stated; null when nothing was known yet.
    /// </summary>
    public static Forecasts.ForecastLead? ForecastAt(IEnumerable<LeadFact> facts, Instant knownAt)
    {
        var known = facts.Where(f => f.RecordedAt < knownAt).ToList();
        if (known.Count == 0) return null;
        var stage = known.Where(f => f.Stage is not null || f.Kind == LeadFactKind.Opened).Select(f => f.Stage ?? LeadStage.Prospect).LastOrDefault(LeadStage.Prospect);
        var estimate = known.Where(f => f.EstimateUsd is not null).Select(f => f.EstimateUsd!.Value).LastOrDefault(0m);
        return new Forecasts.ForecastLead(stage, estimate);
    }

    /// <summary>
    /// The leads the pipeline forecast of a year counts, as known at an instant: those with a known fact dated in the year
    /// or the year before (a lead silent for longer is dormant and expected to land nowhere), at their known stage.
    /// </summary>
    public static IReadOnlyList<Forecasts.ForecastLead> ActiveIn(IEnumerable<IEnumerable<LeadFact>> logs, int year, Instant knownAt) =>
        [.. logs.Select(facts => facts.Where(f => f.RecordedAt < knownAt).ToList())
            .Where(facts => facts.Any(f => f.On.Year == year || f.On.Year == year - 1))
            .Select(facts => ForecastAt(facts, knownAt)).OfType<Forecasts.ForecastLead>()];
}

/// <param name="LostBy">The leads lost in the period by reason (as last lost in it) and by the country or zone they were lost to.</param>
/// <param name="ResponseTime">The leads opened in the period: working days from opening to first contact, against the zone's service standard as known at the figures' instant (standardWorkingDays).</param>
/// <param name="ResponseByOfficer">The same per lead owner: officers and admins only, null for partners.</param>
public sealed record LeadFigures(
    int Opened, int Certified, int Lost, int ContactsLogged, LostFigures? LostBy = null, ResponseFigures? ResponseTime = null,
    IReadOnlyList<OfficerResponse>? ResponseByOfficer = null)
{
    /// <summary>
    /// Leads opened, certified and lost, and contacts that happened, in a period, as known at an instant, from each lead's
    /// facts. A lead counts once per kind: lost, reopened and lost again in the same period is one lead lost. A contact
    /// counts on its date as last corrected, and not at all once withdrawn.
    /// </summary>
    /// <param name="standard">The service standard in working days, for the response time.</param>
    /// <param name="today">The day an unanswered lead is overdue on, when its standard ran out before it.</param>
    public static LeadFigures Count(IEnumerable<IEnumerable<LeadFact>> leads, LocalDate from, LocalDate to, Instant knownAt,
        int standard = ResponseFigures.DefaultStandardWorkingDays, LocalDate? today = null)
    {
        var known = leads.Select(facts => facts.Where(f => f.RecordedAt < knownAt).ToList()).Where(facts => facts.Count > 0).ToList();
        bool InPeriod(LocalDate on) => on >= from && on <= to;
        int Leads(LeadFactKind kind) => known.Count(facts => facts.Any(f => f.Kind == kind && InPeriod(f.On)));
        var contacts = known.SelectMany(facts => facts).Where(f => f.ContactId is not null).GroupBy(f => f.ContactId)
            .Count(g => g.All(f => f.Kind != LeadFactKind.ContactWithdrawn)
                && InPeriod(g.Where(f => f.Kind is LeadFactKind.ContactLogged or LeadFactKind.ContactCorrected).OrderBy(f => f.RecordedAt).Last().On));
        var lost = known.Select(facts => (Facts: facts, Lost: facts.Where(f => f.Kind == LeadFactKind.Lost && InPeriod(f.On)).OrderBy(f => f.RecordedAt).LastOrDefault()))
            .Where(l => l.Lost is not null)
            .Select(l => (l.Lost!.Loss ?? new LeadLoss(LossReason.Other, false, null, null), EstimateAt(l.Facts, l.Lost.RecordedAt)))
            .ToList();
        var opened = known.Where(facts => facts.Any(f => f.Kind == LeadFactKind.Opened && InPeriod(f.On))).Select(Response).ToList();
        return new LeadFigures(Leads(LeadFactKind.Opened), Leads(LeadFactKind.Certified), Leads(LeadFactKind.Lost), contacts,
            LostFigures.Count(lost), ResponseFigures.Compute(opened, standard, today ?? to), OfficerResponse.PerOfficer(opened, standard, today ?? to));
    }

    /// <summary>The lead's estimate in USD as last stated before an instant (0 for facts recorded before estimates were kept).</summary>
    private static decimal EstimateAt(IEnumerable<LeadFact> facts, Instant at) =>
        facts.Where(f => f.EstimateUsd is not null && f.RecordedAt <= at).OrderBy(f => f.RecordedAt).LastOrDefault()?.EstimateUsd ?? 0m;

    /// <summary>A lead's response as known: its opening, the earliest day among its contacts that stand (each as last corrected), its owner.</summary>
    private static ResponseLead Response(IReadOnlyList<LeadFact> facts)
    {
        var firstContact = facts.Where(f => f.ContactId is not null).GroupBy(f => f.ContactId)
            .Where(g => g.All(f => f.Kind != LeadFactKind.ContactWithdrawn))
            .Select(g => g.OrderBy(f => f.RecordedAt).Last().On)
            .Select(d => (LocalDate?)d).DefaultIfEmpty(null).Min();
        var owner = facts.Where(f => f.Officer is not null).OrderBy(f => f.RecordedAt).LastOrDefault()?.Officer;
        return new ResponseLead(facts.First(f => f.Kind == LeadFactKind.Opened).On, firstContact, owner);
    }
}
