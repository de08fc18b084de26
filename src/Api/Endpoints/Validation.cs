namespace Investment.Api.Endpoints;

public static class Validation
{
    /// <summary>Messages name fields as clients send them ('legalName'), not as C# spells them ('Legal Name').</summary>
    public static void UseJsonNames() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : Json.Name(member.Name);
}
