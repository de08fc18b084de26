using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class LoseLead
{
    /// <param name="Reason">What happened, in the officer's words.</param>
    /// <param name="ReasonCode">Why, from the fixed list the pipeline and the reports count by.</param>
    /// <param name="LostToCountry">The country the investor chose (ISO 3166-1 alpha-2): required when reasonCode is anotherCountry, refused otherwise.</param>
    /// <param name="LostToZone">The zone in Vietnam the investor chose: required when reasonCode is anotherZone, refused otherwise.</param>
    /// <param name="On">The business date of the loss; today in Vietnam when omitted.</param>
    public sealed record Request(string Reason, LossReason ReasonCode, string? LostToCountry = null, string? LostToZone = null, LocalDate? On = null);

    public static readonly Request Example = new("The investor chose a site in Thailand's Eastern Seaboard.", LossReason.AnotherCountry, "TH", null,
        new LocalDate(2014, 9, 15));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.ReasonCode).IsInEnum();
            RuleFor(x => x.LostToCountry).MaximumLength(2);
            RuleFor(x => x.LostToZone).MaximumLength(200).Must(Text.HasNoControlCharacters);
            // The domain's rule of where a lead went, each broken part named by its field.
            RuleFor(x => x).Custom((request, context) =>
            {
                foreach (var (field, message) in LossReasons.Check(request.ReasonCode, request.LostToCountry, request.LostToZone))
                    context.AddFailure(field, message);
            });
        }
    }

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) =>
            LeadDecider.Lose(lead, request.Reason, new LeadDecider.Loss(request.ReasonCode, request.LostToCountry, request.LostToZone), request.On, now));
}
