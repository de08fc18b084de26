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

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) => LeadDecider.Lose(lead, request.Reason, request.On, now));
}
