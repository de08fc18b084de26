using Investment.Domain.Certificates;

namespace Investment.Api.Certificates;

public static class ResumeCertificate
{
    public sealed record Request(LocalDate On, string? Note = null);

    public static readonly Request Example = new(new LocalDate(2015, 2, 2), "The investor resumed construction.");

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Note).MaximumLength(1000).Must(Text.HasNoControlCharacters);
    }

    public static Task<Results<Ok<Certificate>, ProblemHttpResult>> Handle(Guid id, Request request, [AsParameters] StreamCommandContext command) =>
        CertificateCommand.Run(command, id, (certificate, now) => CertificateDecider.Resume(certificate, request.On, request.Note, now));
}
