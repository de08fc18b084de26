using Investment.Domain.Common;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class ReviseLeadEstimate
{
    public sealed record Request(Money EstimatedCapital, string Reason);

    public static readonly Request Example = new(Money.Vnd(3_150_000_000_000m, 21_036m, new LocalDate(2014, 6, 30)),
        "The investor doubled the plant's capacity.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.EstimatedCapital).SetValidator(new MoneyValidator());
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
        }
    }

    public static Task<Results<Ok<Lead>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        LeadCommand.Run(command, id, (lead, now) => LeadDecider.ReviseEstimate(lead, request.EstimatedCapital, request.Reason, now));
}
