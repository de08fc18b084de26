using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class ReopenLead
{
    public sealed record Request(string? Reason = null, LocalDate? On = null);

    public static readonly Request Example = new("The investor came back after the new incentives.", new LocalDate(2014, 11, 3));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) => LeadDecider.Reopen(lead, request.Reason, request.On, now));
}
