using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

public static class RevokeCertificate
{
    /// <param name="Ground">The legal ground (Law on Investment 67/2014/QH13, Article 48(1)).</param>
    /// <param name="DecisionNumber">The revocation decision's reference, such as 1234/QĐ-BQL.</param>
    public sealed record Request(LocalDate On, RevocationGround Ground, string DecisionNumber, string? Note = null);

    public static readonly Request Example = new(new LocalDate(2016, 3, 15), RevocationGround.BehindScheduleNoExtension, "215/QĐ-BQL",
        "More than 12 months behind schedule after the partner's withdrawal.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.DecisionNumber).NotEmpty().MaximumLength(100).Must(Text.HasNoControlCharacters);
            RuleFor(x => x.Note).MaximumLength(2000).Must(Text.HasNoControlCharacters);
        }
    }

    public static Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Revoke(certificate, request.On, request.Ground, request.DecisionNumber, request.Note, now));
}
