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
}

/// <summary>A dated fact of a lead for the reports: no names, no people, only what is counted.</summary>
public sealed record LeadFact(LeadFactKind Kind, LocalDate On, Instant RecordedAt, Guid? ContactId = null);

public sealed record LeadFigures(int Opened, int Certified, int Lost, int ContactsLogged)
{
    /// <summary>
    /// Leads opened, certified and lost, and contacts that happened, in a period, as known at an instant, from each lead's
    /// facts. A lead counts once per kind: lost, reopened and lost again in the same period is one lead lost. A contact
    /// counts on its date as last corrected, and not at all once withdrawn.
    /// </summary>
    public static LeadFigures Count(IEnumerable<IEnumerable<LeadFact>> leads, LocalDate from, LocalDate to, Instant knownAt)
    {
        var known = leads.Select(facts => facts.Where(f => f.RecordedAt < knownAt).ToList()).ToList();
        bool InPeriod(LocalDate on) => on >= from && on <= to;
        int Leads(LeadFactKind kind) => known.Count(facts => facts.Any(f => f.Kind == kind && InPeriod(f.On)));
        var contacts = known.SelectMany(facts => facts).Where(f => f.ContactId is not null).GroupBy(f => f.ContactId)
            .Count(g => g.All(f => f.Kind != LeadFactKind.ContactWithdrawn)
                && InPeriod(g.Where(f => f.Kind is LeadFactKind.ContactLogged or LeadFactKind.ContactCorrected).OrderBy(f => f.RecordedAt).Last().On));
        return new LeadFigures(Leads(LeadFactKind.Opened), Leads(LeadFactKind.Certified), Leads(LeadFactKind.Lost), contacts);
    }
}
