using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class LoseLead
{
    public sealed record Request(string Reason, LocalDate? On = null);

    public static readonly Request Example = new("The investor chose a site in Binh Duong.", new LocalDate(2014, 9, 15));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static Task<Results<Ok<LeadDetails>, ProblemHttpResult>> Handle(
        Guid id, Request request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        LeadLookup.Act(id, ifMatch, session, clock, user, http,
            (lead, now) => LeadDecider.Lose(lead, request.Reason, request.On, now), ct);
}
