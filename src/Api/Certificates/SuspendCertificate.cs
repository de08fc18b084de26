using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

public static class SuspendCertificate
{
    public sealed record Request(LocalDate On, string Reason);

    public static readonly Request Example = new(new LocalDate(2014, 10, 1), "Land occupied without use; the investor is asked to remedy within 6 months.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Suspend(certificate, request.On, request.Reason, now));
}
