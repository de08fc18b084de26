namespace Investment.Domain.Reports;

/// <summary>
/// How "attracted capital" is counted. Vietnam's rule changed over time (domain.md): in 2014, newly registered capital
/// plus additional capital of amended projects; from 2016, capital contributions and share purchases too. Every answer
/// names its rule, so a later rule can be added without changing an old answer.
/// </summary>
/// <param name="Rounding">How amounts converted to USD are rounded: once, where converted, to the cent, half away from zero.</param>
public sealed record CountingRule(string Code, string Description, string Rounding, [property: System.Text.Json.Serialization.JsonIgnore] Func<CapitalMovement, bool> Counts)
{
    public static readonly CountingRule NewPlusAdditional2014 = new("vn-2014-new-plus-additional",
        "Registered capital of certificates issued in the period, plus capital added by amendments dated in the period, minus capital "
        + "reduced by amendments dated in the period (business dates in Vietnam). Capital of certificates revoked in the period is "
        + "reported beside the figure, not subtracted. Capital contributions and share purchases are not counted. Amounts in VND "
        + "are converted to USD at each one's stated rate and rounded " + Common.Money.Rounding + ", once, where converted; "
        + "totals are sums of the rounded amounts.",
        Common.Money.Rounding,
        m => m.Kind is MovementKind.NewCertificate or MovementKind.CapitalIncrease or MovementKind.CapitalReduction);

    /// <summary>The rule that applied to a year: the only one modelled so far is the 2014 rule.</summary>
    public static CountingRule For(int year) => NewPlusAdditional2014;
}
