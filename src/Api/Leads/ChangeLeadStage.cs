using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class ChangeLeadStage
{
    /// <param name="On">The business date of the move; today in Vietnam when omitted.</param>
    /// <param name="Reason">Why: required when moving backwards.</param>
    public sealed record Request(LeadStage Stage, LocalDate? On = null, string? Reason = null);

    public static readonly Request Example = new(LeadStage.SiteVisit, new LocalDate(2014, 4, 2), "Visited the deep-water port with the board.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static Task<Results<Ok<LeadDetails>, ProblemHttpResult>> Handle(
        Guid id, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        LeadLookup.Act(id, ifMatch, session, clock, user, http,
            (lead, now) => LeadDecider.ChangeStage(lead, request.Stage, request.On, request.Reason, now), ct);
}
