using Investment.Domain.Common;

namespace Investment.Domain.Investors;

public static class InvestorDecider
{
    public static InvestorRegistered Register(Guid investorId, InvestorProfile profile, Recording recording) =>
        new(investorId, Normalise(profile), recording.By, recording.At);

    /// <summary>Replaces the profile. Nothing is recorded when nothing changed, so a retried request adds no noise to the history.</summary>
    public static Decision ChangeProfile(Guid investorId, InvestorProfile current, InvestorProfile requested, Recording recording)
    {
        var profile = Normalise(requested);
        var changed = ChangedFields(current, profile);
        return changed.Count == 0
            ? Decision.Nothing
            : Decision.Accept(new InvestorProfileChanged(investorId, profile, changed, recording.By, recording.At));
    }

    public static IReadOnlyList<string> ChangedFields(InvestorProfile before, InvestorProfile after)
    {
        var changed = new List<string>();
        if (before.LegalName != after.LegalName) changed.Add("legalName");
        if (before.Country != after.Country) changed.Add("country");
        if (!before.Sectors.SequenceEqual(after.Sectors)) changed.Add("sectors");
        if (before.Website != after.Website) changed.Add("website");
        if (before.Notes != after.Notes) changed.Add("notes");
        if (!before.ContactPersons.SequenceEqual(after.ContactPersons)) changed.Add("contactPersons");
        return changed;
    }

    /// <summary>Trims names, upper-cases the country and keeps each sector once, in the order given.</summary>
    public static InvestorProfile Normalise(InvestorProfile profile) => profile with
    {
        LegalName = profile.LegalName.Trim(),
        Country = profile.Country.Trim().ToUpperInvariant(),
        Sectors = profile.Sectors.Distinct().ToArray(),
        Website = Rules.Blank(profile.Website),
        Notes = Rules.Blank(profile.Notes),
        ContactPersons = profile.ContactPersons
            .Select(p => new ContactPerson(p.Name.Trim(), Rules.Blank(p.Role), Rules.Blank(p.Email), Rules.Blank(p.Phone)))
            .ToArray(),
    };

}
