using Investment.Domain.Common;
using Investment.Domain.Investors;

namespace Investment.Api.Investors;

/// <summary>The body of registering an investor and of changing one: the whole profile.</summary>
public sealed record InvestorProfileRequest(
    string LegalName,
    string Country,
    IReadOnlyList<Sector> Sectors,
    string? Website = null,
    string? Notes = null,
    IReadOnlyList<ContactPerson>? ContactPersons = null)
{
    public InvestorProfile ToProfile() => InvestorDecider.Normalise(new(LegalName, Country, Sectors, Website, Notes, ContactPersons ?? []));

    public static readonly InvestorProfileRequest Example = new(
        "Doosan Heavy Industries Vietnam", "KR", [Sector.HeavyIndustry, Sector.PortAndLogistics],
        "https://www.doosan.com", "Phase 2 (28 ha) under discussion.",
        [new ContactPerson("Kim Min-jun", "Investment director", "minjun.kim@example.com", "+82 2 0000 0000")]);

    public sealed class Validator : AbstractValidator<InvestorProfileRequest>
    {
        public Validator()
        {
            RuleFor(x => x.LegalName).NotEmpty().MaximumLength(300).Must(Text.HasNoControlCharacters)
                .WithMessage("legalName must not contain control characters.")
                .Must(Text.HasALetter).WithMessage("legalName must contain at least one letter.");
            RuleFor(x => x.Country).MaximumLength(2).Must(c => Countries.IsAssigned(c?.Trim().ToUpperInvariant()))
                .WithMessage("country must be an ISO 3166-1 alpha-2 code, such as JP, KR, SG or VN.");
            RuleFor(x => x.Sectors).NotEmpty().WithMessage("sectors must name at least one sector.").MaxItems(20);
            RuleFor(x => x.Website).MaximumLength(300)
                .Must(w => w is null || (Uri.TryCreate(w, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                .WithMessage("website must be an absolute http(s) address.");
            RuleFor(x => x.Notes).MaximumLength(4000);
            RuleFor(x => x.ContactPersons).MaxItems(20);
            RuleForEach(x => x.ContactPersons).NotNull().WithMessage("contactPersons may not hold null.");
            RuleForEach(x => x.ContactPersons).ChildRules(person =>
            {
                person.RuleFor(p => p.Name).NotEmpty().MaximumLength(200).Must(Text.HasNoControlCharacters)
                    .Must(Text.HasALetter).WithMessage("name must contain at least one letter.");
                person.RuleFor(p => p.Role).MaximumLength(200);
                person.RuleFor(p => p.Email).MaximumLength(254).EmailAddress();
                person.RuleFor(p => p.Phone).MaximumLength(40).Matches(@"^\+?[0-9 ().\-]+$").When(p => p.Phone is not null)
                    .WithMessage("phone may hold digits, spaces, brackets, dots, dashes and a leading +.");
            });
        }
    }
}
