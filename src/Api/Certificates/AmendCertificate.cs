using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

public static class AmendCertificate
{
    /// <param name="CapitalChange">Capital added (positive) or removed (negative), in USD or VND with its rate.</param>
    /// <param name="LandAreaHectares">The land area from now on.</param>
    /// <param name="ExtensionMonths">Months added to every milestone not yet met; at most 24 over the certificate's life.</param>
    /// <param name="Schedule">A new schedule replacing the milestones.</param>
    public sealed record Request(
        LocalDate On, string Reason, Money? CapitalChange = null, decimal? LandAreaHectares = null, int ExtensionMonths = 0,
        IReadOnlyList<Milestone>? Schedule = null, string? Objectives = null);

    public static readonly Request Example = new(new LocalDate(2008, 5, 14), "Second blast furnace added to the project.",
        Money.Usd(2_444_000_000m));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.CapitalChange!).SetValidator(new MoneyValidator(allowNegative: true)).When(x => x.CapitalChange is not null);
            RuleFor(x => x.CapitalChange!.Amount).NotEqual(0m).When(x => x.CapitalChange is not null).WithName("capitalChange")
                .WithMessage("capitalChange must add or remove capital; leave it out when the capital does not change.");
            RuleFor(x => x.LandAreaHectares).InclusiveBetween(0m, 100_000m).PrecisionScale(12, 4, ignoreTrailingZeros: true);
            RuleFor(x => x.ExtensionMonths).InclusiveBetween(0, Certificate.MaxExtensionMonths);
            RuleFor(x => x.Schedule).MaxItems(MilestonesValidator.MaxMilestones).SetValidator(new MilestonesValidator()!).When(x => x.Schedule is not null);
            RuleFor(x => x.Objectives).MaximumLength(2000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x).Must(x => x.CapitalChange is not null || x.LandAreaHectares is not null || x.ExtensionMonths > 0
                    || x.Schedule is not null || x.Objectives is not null)
                .WithName("amendment").WithMessage("An amendment changes something: capitalChange, landAreaHectares, extensionMonths, schedule or objectives.");
        }
    }

    public static Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Amend(certificate,
            new(request.On, request.CapitalChange, request.LandAreaHectares, request.ExtensionMonths, request.Schedule, request.Objectives, request.Reason),
            now));
}
