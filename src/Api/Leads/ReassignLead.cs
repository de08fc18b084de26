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

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) => LeadDecider.Reassign(lead, request.Owner, request.Reason, now));
}
