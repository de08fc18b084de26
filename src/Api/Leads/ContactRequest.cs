using Investment.Domain.Common;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

/// <summary>
/// A contact as an officer logs or corrects it. When it happened is either an instant (occurredAt,
/// 2014-03-10T02:30:00Z) or a local date and time in Vietnam (occurredAtLocal, 2014-03-10T09:30:00): exactly one of them.
/// </summary>
/// <param name="Officers">The authority's people who took part.</param>
/// <param name="InvestorPeople">The investor's people who took part.</param>
/// <param name="FollowUpOn">When to follow up; the lead's next follow-up is the one its latest contact asks for.</param>
/// <param name="Reason">For a correction: why it is corrected.</param>
public sealed record ContactRequest(
    ContactChannel Channel,
    string Summary,
    Instant? OccurredAt = null,
    LocalDateTime? OccurredAtLocal = null,
    IReadOnlyList<string>? Officers = null,
    IReadOnlyList<string>? InvestorPeople = null,
    string? NextStep = null,
    LocalDate? FollowUpOn = null,
    string? Reason = null)
{
    public const int MaxPeople = 50;

    public static readonly ContactRequest Example = new(ContactChannel.SiteVisit,
        "Toured the deep-water port and the 28 ha plot; the investor asked about the power connection schedule.",
        OccurredAtLocal: new LocalDateTime(2014, 3, 10, 9, 30), Officers: ["officer.nguyen"], InvestorPeople: ["Plant director"],
        NextStep: "Send the grid connection plan.", FollowUpOn: new LocalDate(2014, 3, 24));

    /// <summary>A local time that falls in a gap or overlap is resolved leniently; Vietnam has had no clock change since 1975.</summary>
    public ContactDetails ToDetails() => new(
        OccurredAt ?? OccurredAtLocal!.Value.InZoneLeniently(VietnamCalendar.Zone).ToInstant(),
        Channel, Officers ?? [], InvestorPeople ?? [], Summary, NextStep, FollowUpOn);

    public sealed class Validator : AbstractValidator<ContactRequest>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => (x.OccurredAt is null) != (x.OccurredAtLocal is null))
                .WithName("occurredAt").WithMessage("Give exactly one of occurredAt (an instant) and occurredAtLocal (a local time in Vietnam).");
            // Instants are bounded like dates (1900-2100): the year -9998 would overflow when converted from Vietnam's time.
            RuleFor(x => x.OccurredAt).Must(at => at is null || at.Value.InUtc().Year is >= BoundedLocalDateConverter.MinYear and <= BoundedLocalDateConverter.MaxYear)
                .WithMessage($"occurredAt must lie between {BoundedLocalDateConverter.MinYear} and {BoundedLocalDateConverter.MaxYear}.");
            RuleFor(x => x.OccurredAtLocal).Must(at => at is null || at.Value.Year is >= BoundedLocalDateConverter.MinYear and <= BoundedLocalDateConverter.MaxYear)
                .WithMessage($"occurredAtLocal must lie between {BoundedLocalDateConverter.MinYear} and {BoundedLocalDateConverter.MaxYear}.");
            RuleFor(x => x.Summary).NotEmpty().MaximumLength(4000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.NextStep).MaximumLength(1000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x).Must(x => (x.Officers?.Count ?? 0) + (x.InvestorPeople?.Count ?? 0) > 0)
                .WithName("officers").WithMessage("Name at least one person who took part (officers or investorPeople).");
            RuleFor(x => x.Officers).MaxItems(MaxPeople);
            RuleFor(x => x.InvestorPeople).MaxItems(MaxPeople);
            RuleForEach(x => x.Officers).NotNull().NotEmpty().MaximumLength(200).Must(Text.HasNoControlCharacters)
                .Must(Text.HasALetter).WithMessage("officers must each contain at least one letter.");
            RuleForEach(x => x.InvestorPeople).NotNull().NotEmpty().MaximumLength(200).Must(Text.HasNoControlCharacters)
                .Must(Text.HasALetter).WithMessage("investorPeople must each contain at least one letter.");
        }
    }
}
