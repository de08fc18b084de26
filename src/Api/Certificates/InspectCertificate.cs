using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

public static class InspectCertificate
{
    /// <param name="Inspector">The inspecting officer.</param>
    /// <param name="DisbursedSoFar">Capital disbursed by the investor so far (cumulative, as of the inspection's date): the realised capital.</param>
    /// <param name="MilestonesMet">Names of the schedule's milestones the inspection found met.</param>
    /// <param name="VietnameseEmployees">Vietnamese employees working on the project on the inspection's date, where counted.</param>
    /// <param name="ForeignEmployees">Foreign employees working on the project on the inspection's date, where counted.</param>
    public sealed record Request(
        LocalDate On, string Inspector, Progress Progress, Money DisbursedSoFar, string Findings, IReadOnlyList<string>? MilestonesMet = null,
        int? VietnameseEmployees = null, int? ForeignEmployees = null);

    public static readonly Request Example = new(new LocalDate(2014, 6, 12), "officer.nguyen", Progress.Delayed, Money.Usd(41_500_000m),
        "Site cleared; foundation works three months late.", ["Site clearance"], 320, 12);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Inspector).NotEmpty().MaximumLength(200).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.DisbursedSoFar).SetValidator(new MoneyValidator());
            RuleFor(x => x.Findings).NotEmpty().MaximumLength(4000).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.MilestonesMet).MaxItems(MilestonesValidator.MaxMilestones);
            RuleForEach(x => x.MilestonesMet).NotNull().NotEmpty().MaximumLength(200);
            RuleFor(x => x.VietnameseEmployees).InclusiveBetween(0, 1_000_000);
            RuleFor(x => x.ForeignEmployees).InclusiveBetween(0, 1_000_000);
        }
    }

    public static Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Inspect(certificate,
            new(request.On, request.Inspector, request.Progress, request.DisbursedSoFar, request.MilestonesMet ?? [], request.Findings,
                request.VietnameseEmployees, request.ForeignEmployees), now));
}
