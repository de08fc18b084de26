using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class ReassignLead
{
    /// <param name="Owner">The officer who owns the lead from now on (a token subject).</param>
    public sealed record Request(string Owner, string? Reason = null);

    public static readonly Request Example = new("officer.le", "Covers the Korean investors from May.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Owner).NotEmpty().MaximumLength(100).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
        }
    }

    public static Task<Results<Ok<LeadDetails>, ProblemHttpResult>> Handle(
        Guid id, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        LeadLookup.Act(id, ifMatch, session, clock, user, http,
            (lead, now) => LeadDecider.Reassign(lead, request.Owner, request.Reason, now), ct);
}
