using Investment.Domain.Certificates;
using Investment.Api.Investors;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

public static class AmendCertificate
{
    /// <param name="CapitalChange">Capital added (positive) or removed (negative), in USD or VND with its rate.</param>
    /// <param name="LandAreaHectares">The land area from now on.</param>
    /// <param name="ExtensionMonths">Months added to every milestone not yet met; at most 24 over the certificate's life.</param>
    /// <param name="Schedule">A new schedule replacing the milestones.</param>
    /// <param name="InvestorsJoining">Registered investors joining the project, with their share of the capital where known.</param>
    /// <param name="InvestorsLeaving">Investors of the certificate leaving it. Leaving and joining together replace investors; all leaving and others joining is a transfer of the project (chuyển nhượng dự án).</param>
    /// <param name="PlannedEmployees">The number of employees the project plans from now on.</param>
    public sealed record Request(
        LocalDate On, string Reason, Money? CapitalChange = null, decimal? LandAreaHectares = null, int ExtensionMonths = 0,
        IReadOnlyList<Milestone>? Schedule = null, string? Objectives = null, IReadOnlyList<JoiningInvestor>? InvestorsJoining = null,
        IReadOnlyList<Guid>? InvestorsLeaving = null, int? PlannedEmployees = null);

    /// <param name="SharePercent">The investor's share of the capital in percent (0–100), where known.</param>
    public sealed record JoiningInvestor(Guid InvestorId, decimal? SharePercent = null);

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
            RuleFor(x => x.InvestorsJoining).MaxItems(20)
                .Must(j => j is null || j.Select(x => x?.InvestorId).Distinct().Count() == j.Count).WithMessage("investorsJoining must list different investors.");
            RuleForEach(x => x.InvestorsJoining).NotNull().ChildRules(j => j.RuleFor(x => x.SharePercent).GreaterThan(0m).LessThanOrEqualTo(100m)
                .PrecisionScale(7, 4, ignoreTrailingZeros: true));
            RuleFor(x => x.InvestorsLeaving).MaxItems(20)
                .Must(l => l is null || l.Distinct().Count() == l.Count).WithMessage("investorsLeaving must list different investors.");
            RuleFor(x => x.PlannedEmployees).InclusiveBetween(0, 1_000_000);
            RuleFor(x => x).Must(x => x.CapitalChange is not null || x.LandAreaHectares is not null || x.ExtensionMonths > 0
                    || x.Schedule is not null || x.Objectives is not null || x.InvestorsJoining is { Count: > 0 } || x.InvestorsLeaving is { Count: > 0 }
                    || x.PlannedEmployees is not null)
                .WithName("amendment").WithMessage("An amendment changes something: capitalChange, landAreaHectares, extensionMonths, schedule, objectives, "
                    + "investorsJoining, investorsLeaving or plannedEmployees.");
        }
    }

    public static async Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command)
    {
        var joining = request.InvestorsJoining ?? [];
        var known = joining.Count == 0 ? [] : await command.Session.LoadManyAsync<InvestorDetails>(command.Cancelled, joining.Select(j => j.InvestorId));
        if (joining.Select(j => j.InvestorId).Except(known.Select(i => i.Id)).ToList() is [_, ..] missing)
            return Problems.Unprocessable("certificate.investor_unknown", $"investorsJoining name no registered investor: {string.Join(", ", missing)}.");
        IReadOnlyList<CertificateInvestor> joiners = [.. joining
            .Select(j => (Joining: j, Investor: known.Single(i => i.Id == j.InvestorId).Investor))
            .Select(x => new CertificateInvestor(x.Investor.Id, x.Investor.LegalName, x.Investor.Country, x.Joining.SharePercent))];
        return await CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Amend(certificate,
            new(request.On, request.CapitalChange, request.LandAreaHectares, request.ExtensionMonths, request.Schedule, request.Objectives, request.Reason,
                joiners, request.InvestorsLeaving, request.PlannedEmployees),
            now));
    }
}
