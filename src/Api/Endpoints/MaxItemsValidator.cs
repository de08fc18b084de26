using FluentValidation.Validators;

namespace Investment.Api.Endpoints;

/// <summary>A list holds at most <see cref="Max"/> items (null passes): a rule the OpenAPI document can read back as maxItems.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

public sealed class MaxItemsValidator<T, TItem>(int max) : PropertyValidator<T, IReadOnlyList<TItem>?>, IMaxItemsValidator
{
    public int Max { get; } = max;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem>? value) => value is null || value.Count <= Max;

    protected override string GetDefaultMessageTemplate(string errorCode) => $"'{{PropertyName}}' may list at most {Max} items.";
}

public static class MaxItemsExtensions
{
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> MaxItems<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.SetValidator(new MaxItemsValidator<T, TItem>(max));
}
