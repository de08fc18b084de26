using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>A lead as its response time counts it: the day it was opened, the day of its first contact that stands, its owner.</summary>
public sealed record ResponseLead(LocalDate OpenedOn, LocalDate? FirstContactOn, string? Officer = null);

/// <summary>
/// Leads counted together by their response (issue 18: PostgreSQL counts a large zone's leads): the working days from
/// opening to the first contact (null while unanswered), the day they were opened, their owner.
/// </summary>
public sealed record ResponseCount(string? Officer, int? WorkingDaysToAnswer, LocalDate OpenedOn, int Leads)
{
    public static ResponseCount Of(ResponseLead lead) =>
        new(lead.Officer, lead.FirstContactOn is { } first ? WorkingDays.Between(lead.OpenedOn, first) : null, lead.OpenedOn, 1);
}

/// <summary>
/// How fast a zone answers its leads (issue 14 §2.4): the working days from a lead's opening to its first contact
/// (<see cref="WorkingDays"/>: Vietnam's calendar). A lead is due once answered, or once its standard ran out unanswered
/// (overdue); a lead still within its standard and unanswered is pending and counted in no share.
/// </summary>
/// <param name="StandardWorkingDays">The zone's service standard: a lead answered within this many working days is on time.</param>
/// <param name="Leads">Leads opened in the period.</param>
/// <param name="Answered">Of them, those with a contact logged (not withdrawn).</param>
/// <param name="AnsweredWithinStandard">Of those, the ones answered within the standard.</param>
/// <param name="Overdue">Leads with no contact yet whose standard ran out.</param>
/// <param name="Pending">Leads with no contact yet, still within their standard.</param>
/// <param name="ShareWithinStandard">answeredWithinStandard / (answered + overdue), 0–1 to four decimals; null when no lead is due.</param>
/// <param name="MedianWorkingDays">The median response time of the answered leads, in working days; null when none was answered.</param>
public sealed record ResponseFigures(
    int StandardWorkingDays, int Leads, int Answered, int AnsweredWithinStandard, int Overdue, int Pending, decimal? ShareWithinStandard,
    decimal? MedianWorkingDays)
{
    public const int DefaultStandardWorkingDays = 2;

    /// <param name="today">The day the figures are read for: an unanswered lead is overdue once its standard ended before it.</param>
    public static ResponseFigures Compute(IReadOnlyCollection<ResponseLead> leads, int standard, LocalDate today) =>
        Count([.. leads.Select(ResponseCount.Of)], standard, today);

    public static ResponseFigures Count(IReadOnlyCollection<ResponseCount> leads, int standard, LocalDate today)
    {
        var answered = leads.Where(l => l.WorkingDaysToAnswer is not null).Select(l => (Days: l.WorkingDaysToAnswer!.Value, l.Leads)).ToList();
        var within = answered.Where(a => a.Days <= standard).Sum(a => a.Leads);
        var unanswered = leads.Where(l => l.WorkingDaysToAnswer is null).ToList();
        var overdue = unanswered.Where(l => WorkingDays.Add(l.OpenedOn, standard) < today).Sum(l => l.Leads);
        var answeredLeads = answered.Sum(a => a.Leads);
        var due = answeredLeads + overdue;
        return new ResponseFigures(standard, leads.Sum(l => l.Leads), answeredLeads, within, overdue, unanswered.Sum(l => l.Leads) - overdue,
            due == 0 ? null : Math.Round((decimal)within / due, 4), Pipeline.Median(answered));
    }
}

/// <summary>One officer's response figures, over the leads they own.</summary>
public sealed record OfficerResponse(string Officer, ResponseFigures Figures)
{
    public static IReadOnlyList<OfficerResponse> PerOfficer(IReadOnlyCollection<ResponseLead> leads, int standard, LocalDate today) =>
        PerOfficer([.. leads.Select(ResponseCount.Of)], standard, today);

    public static IReadOnlyList<OfficerResponse> PerOfficer(IReadOnlyCollection<ResponseCount> leads, int standard, LocalDate today) =>
        [.. leads.GroupBy(l => l.Officer ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OfficerResponse(g.Key, ResponseFigures.Count([.. g], standard, today)))];
}
