using Investment.Domain.Common;

namespace Investment.Domain.Leads;

/// <summary>
/// Why a lead was lost (issue 14 §2.3): the fixed list investment-promotion agencies report on (the UK's Data Hub keeps
/// the same kind of list). Codes stay English camelCase in the API; their human-readable names are in
/// <see cref="LossReasons.Label"/>, the one place to translate them.
/// </summary>
public enum LossReason
{
    /// <summary>The investor chose another country: <c>lostToCountry</c> names it.</summary>
    AnotherCountry,
    /// <summary>The investor chose another zone in Vietnam: <c>lostToZone</c> names it.</summary>
    AnotherZone,
    LandOrSite,
    Incentives,
    Infrastructure,
    Financing,
    StrategyChanged,
    NoResponse,
    Other,
}

/// <summary>
/// How a lead was lost, as its state and the figures read it. <paramref name="ReasonRecorded"/> is false for a lead lost
/// before reason codes existed: its LeadLost event carries only the reason's text, and it is read as <c>other</c>.
/// </summary>
public sealed record LeadLoss(LossReason Reason, bool ReasonRecorded, string? LostToCountry, string? LostToZone)
{
    public static LeadLoss Of(LeadLost e) => new(e.ReasonCode ?? LossReason.Other, e.ReasonCode is not null, e.LostToCountry, e.LostToZone);
}

public static class LossReasons
{
    /// <summary>
    /// The English names of the reasons: the one place they are written (issue 16 translates them). Every reason has one
    /// (a test checks it).
    /// </summary>
    public static string Label(LossReason reason) => reason switch
    {
        LossReason.AnotherCountry => "Chose another country",
        LossReason.AnotherZone => "Chose another zone in Vietnam",
        LossReason.LandOrSite => "Land or site",
        LossReason.Incentives => "Incentives",
        LossReason.Infrastructure => "Infrastructure",
        LossReason.Financing => "Financing",
        LossReason.StrategyChanged => "Investor's strategy changed",
        LossReason.NoResponse => "No response",
        LossReason.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// The rule of where a lead was lost to: a country (ISO 3166-1 alpha-2, not Vietnam) exactly when the reason is
    /// another country, a zone (its name) exactly when it is another zone in Vietnam, neither otherwise. Each broken part
    /// is named by its field, for a 400 with field errors.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(LossReason reason, string? lostToCountry, string? lostToZone)
    {
        var errors = new List<(string, string)>();
        var country = Rules.Blank(lostToCountry);
        var zone = Rules.Blank(lostToZone);
        if (reason == LossReason.AnotherCountry)
        {
            if (country is null) errors.Add(("lostToCountry", "lostToCountry is required when reasonCode is anotherCountry."));
            else if (!Countries.IsAssigned(country)) errors.Add(("lostToCountry", "lostToCountry must be an ISO 3166-1 alpha-2 code in upper case, such as TH."));
            else if (country == "VN") errors.Add(("lostToCountry", "A lead lost to another zone in Vietnam has reasonCode anotherZone and lostToZone."));
        }
        else if (country is not null) errors.Add(("lostToCountry", "lostToCountry is only given when reasonCode is anotherCountry."));
        if (reason == LossReason.AnotherZone)
        {
            if (zone is null) errors.Add(("lostToZone", "lostToZone is required when reasonCode is anotherZone."));
        }
        else if (zone is not null) errors.Add(("lostToZone", "lostToZone is only given when reasonCode is anotherZone."));
        return errors;
    }
}
