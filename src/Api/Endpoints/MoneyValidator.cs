using Investment.Domain.Common;

namespace Investment.Api.Endpoints;

/// <summary>Money as the domain accepts it (<see cref="Money.Problem"/>): the rule lives in one place.</summary>
public sealed class MoneyValidator : AbstractValidator<Money>
{
    public MoneyValidator(bool allowNegative = false) =>
        RuleFor(m => m).Custom((money, context) =>
        {
            if (money.Problem(allowNegative) is { } problem) context.AddFailure(problem);
        });
}
