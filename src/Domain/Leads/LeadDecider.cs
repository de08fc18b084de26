using Investment.Domain.Common;
using NodaTime;

namespace Investment.Domain.Leads;

/// <summary>The pipeline's rules (issue 3): stage order, losing and reopening, contacts and their corrections.</summary>
public static class LeadDecider
{
    /// <summary>A contact may be logged a few minutes ahead of the server's clock (a phone's clock runs fast), no more.</summary>
    public static readonly Duration ClockSkew = Duration.FromMinutes(5);

    public sealed record OpenLead(
        Guid LeadId, Guid InvestorId, string InvestorName, string InvestorCountry, string ZoneCode, string ProjectName,
        Investors.Sector Sector, Money EstimatedCapital, LeadSource Source, string Owner, LocalDate? OpenedOn);

    public static Decision Open(OpenLead command, Recording recording)
    {
        var openedOn = command.OpenedOn ?? VietnamCalendar.Today(recording.At);
        if (Rules.NotInFuture("openedOn", openedOn, recording.At) is { } future) return future;
        return Decision.Accept(new LeadOpened(command.LeadId, command.InvestorId, command.InvestorName, command.InvestorCountry,
            command.ZoneCode, command.ProjectName.Trim(), command.Sector, command.EstimatedCapital, command.Source, command.Owner.Trim(),
            openedOn, recording.By, recording.At));
    }

    public static Decision ChangeStage(Lead lead, LeadStage to, LocalDate? on, string? reason, Recording recording)
    {
        if (Closed(lead) is { } closed) return closed;
        if (to == LeadStage.Certified)
            return Decision.Refuse("lead.certification_needs_certificate",
                "A lead becomes certified only when an investment certificate issued for it names it; issue the certificate with this lead.");
        if (to == LeadStage.Lost)
            return Decision.Refuse("lead.lose_with_reason", "To mark a lead lost, use POST /api/v1/leads/{id}/lose with the reason.");
        if (to == lead.Stage) return Decision.Nothing;
        if (to < lead.Stage && string.IsNullOrWhiteSpace(reason))
            return Decision.Refuse("lead.reason_required", $"Moving a lead back from {Name(lead.Stage)} to {Name(to)} needs a reason.");
        if (CheckDate(lead, on, recording, out var date) is { } badDate) return badDate;
        return Decision.Accept(new LeadStageChanged(lead.Id, lead.Stage, to, date, Rules.Blank(reason), recording.By, recording.At));
    }

    /// <summary>The lead reaches certified when a certificate issued on <paramref name="on"/> names it; only an open lead can.</summary>
    public static Decision Certify(Lead lead, Guid certificateId, string certificateNumber, LocalDate on, Recording recording)
    {
        if (Closed(lead) is { } closed) return closed;
        if (on < lead.StageSince())
            return Decision.Refuse("lead.date_before_stage", $"The certificate's issue date {on:yyyy-MM-dd} is before the lead entered its current stage ({lead.StageSince():yyyy-MM-dd}).");
        return Decision.Accept(new LeadCertified(lead.Id, certificateId, certificateNumber, on, recording.By, recording.At));
    }

    /// <summary>Where a lost lead went, when it went somewhere (<see cref="LossReasons.Check"/> is the rule).</summary>
    public sealed record Loss(LossReason Code, string? LostToCountry = null, string? LostToZone = null);

    /// <remarks>The request's validator applies <see cref="LossReasons.Check"/> (a 400 naming the field) before this runs.</remarks>
    public static Decision Lose(Lead lead, string reason, Loss loss, LocalDate? on, Recording recording)
    {
        if (lead.Stage == LeadStage.Lost) return Decision.Refuse("lead.already_lost", $"The lead was already lost at {Name(lead.LostAt!.Value)}.");
        if (Closed(lead) is { } closed) return closed;
        if (CheckDate(lead, on, recording, out var date) is { } badDate) return badDate;
        return Decision.Accept(new LeadLost(lead.Id, lead.Stage, date, reason.Trim(), recording.By, recording.At,
            loss.Code, Rules.Blank(loss.LostToCountry), Rules.Blank(loss.LostToZone)));
    }

    public static Decision Reopen(Lead lead, string? reason, LocalDate? on, Recording recording)
    {
        if (lead.Stage != LeadStage.Lost) return Decision.Refuse("lead.not_lost", $"Only a lost lead can be reopened; this one is at {Name(lead.Stage)}.");
        if (CheckDate(lead, on, recording, out var date) is { } badDate) return badDate;
        return Decision.Accept(new LeadReopened(lead.Id, lead.LostAt!.Value, date, Rules.Blank(reason), recording.By, recording.At));
    }

    public static Decision Reassign(Lead lead, string owner, string? reason, Recording recording) =>
        owner.Trim() == lead.Owner
            ? Decision.Nothing
            : Decision.Accept(new LeadOwnerReassigned(lead.Id, lead.Owner, owner.Trim(), Rules.Blank(reason), recording.By, recording.At));

    public static Decision ReviseEstimate(Lead lead, Money estimate, string reason, Recording recording)
    {
        if (lead.Stage == LeadStage.Certified)
            return Decision.Refuse("lead.certified", "A certified lead's capital is its certificate's: amend the certificate instead.");
        return estimate == lead.EstimatedCapital
            ? Decision.Nothing
            : Decision.Accept(new LeadEstimateRevised(lead.Id, lead.EstimatedCapital, estimate, reason.Trim(), recording.By, recording.At));
    }

    public static Decision LogContact(Lead lead, Guid contactId, ContactDetails contact, Recording recording) =>
        CheckContact(contact, recording) ?? Decision.Accept(new ContactLogged(lead.Id, contactId, Normalise(contact), recording.By, recording.At));

    /// <param name="current">The contact as logged so far; null when the lead has no such contact.</param>
    public static Decision CorrectContact(Lead lead, Guid contactId, ContactState? current, ContactDetails contact, string? reason, Recording recording)
    {
        if (current is null) return ContactNotFound(contactId);
        if (current.Withdrawn) return ContactWithdrawnAlready(contactId);
        if (CheckContact(contact, recording) is { } bad) return bad;
        var corrected = Normalise(contact);
        return SameContact(current.Details, corrected)
            ? Decision.Nothing
            : Decision.Accept(new ContactCorrected(lead.Id, contactId, corrected, Rules.Blank(reason), recording.By, recording.At));
    }

    public static Decision WithdrawContact(Lead lead, Guid contactId, ContactState? current, string reason, Recording recording)
    {
        if (current is null) return ContactNotFound(contactId);
        if (current.Withdrawn) return ContactWithdrawnAlready(contactId);
        return Decision.Accept(new ContactWithdrawn(lead.Id, contactId, reason.Trim(), recording.By, recording.At));
    }

    private static Decision? CheckContact(ContactDetails contact, Recording recording)
    {
        if (contact.OccurredAt > recording.At + ClockSkew)
            return Decision.Refuse("contact.in_future", $"A contact is logged once it happened; {contact.OccurredAt} is later than now ({recording.At}).");
        var day = contact.OccurredAt.InZone(VietnamCalendar.Zone).Date;
        if (contact.FollowUpOn is { } followUp && followUp < day)
            return Decision.Refuse("contact.follow_up_before_contact", $"The follow-up date {followUp:yyyy-MM-dd} is before the contact ({day:yyyy-MM-dd}).");
        return null;
    }

    private static Decision? Closed(Lead lead) => lead.Stage switch
    {
        LeadStage.Certified => Decision.Refuse("lead.certified", "The lead is certified: its story continues on its investment certificate."),
        LeadStage.Lost => Decision.Refuse("lead.lost", $"The lead was lost at {Name(lead.LostAt!.Value)}; reopen it first."),
        _ => null,
    };

    /// <summary>A business date defaults to today in Vietnam; it may not lie in the future nor before the current stage began.</summary>
    private static Decision? CheckDate(Lead lead, LocalDate? on, Recording recording, out LocalDate date)
    {
        date = on ?? VietnamCalendar.Today(recording.At);
        if (Rules.NotInFuture("on", date, recording.At) is { } future) return future;
        if (date < lead.StageSince())
            return Decision.Refuse("lead.date_before_stage", $"{date:yyyy-MM-dd} is before the lead entered its current stage ({lead.StageSince():yyyy-MM-dd}).");
        return null;
    }


    private static Decision ContactNotFound(Guid contactId) => Decision.NotFound("contact.not_found", $"The lead has no contact {contactId}.");

    private static Decision ContactWithdrawnAlready(Guid contactId) =>
        Decision.Refuse("contact.withdrawn", $"Contact {contactId} was withdrawn; it can no longer change.");

    private static ContactDetails Normalise(ContactDetails c) => c with
    {
        Officers = [.. c.Officers.Select(o => o.Trim())],
        InvestorPeople = [.. c.InvestorPeople.Select(p => p.Trim())],
        Summary = c.Summary.Trim(),
        NextStep = Rules.Blank(c.NextStep),
    };

    private static bool SameContact(ContactDetails a, ContactDetails b) =>
        a.OccurredAt == b.OccurredAt && a.Channel == b.Channel && a.Officers.SequenceEqual(b.Officers)
        && a.InvestorPeople.SequenceEqual(b.InvestorPeople) && a.Summary == b.Summary && a.NextStep == b.NextStep && a.FollowUpOn == b.FollowUpOn;

    public static string Name(LeadStage stage) => stage switch
    {
        LeadStage.SiteVisit => "siteVisit",
        _ => stage.ToString().ToLowerInvariant(),
    };

}
