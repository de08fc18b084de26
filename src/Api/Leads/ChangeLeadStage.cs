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

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) => LeadDecider.ChangeStage(lead, request.Stage, request.On, request.Reason, now));
}
