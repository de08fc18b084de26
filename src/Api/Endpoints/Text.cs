namespace Investment.Api.Endpoints;

public static class Text
{
    /// <summary>Names and summaries are single text; control characters (NUL, escape…) only corrupt exports and logs.</summary>
    public static bool HasNoControlCharacters(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
