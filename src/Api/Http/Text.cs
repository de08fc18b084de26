using System.Globalization;
using System.Text;

namespace Investment.Api.Http;

public static class Text
{
    /// <summary>
    /// Names and summaries are single text; control characters (NUL, escape…) only corrupt exports and logs, and
    /// invisible ones (<see cref="IsInvisible"/>) make two names that read the same compare different.
    /// </summary>
    public static bool HasNoControlCharacters(string? text) =>
        text is null || !text.EnumerateRunes().Any(r => (Rune.IsControl(r) && r.Value is not ('\n' or '\r' or '\t')) || IsInvisible(r));

    /// <summary>
    /// Format characters (Unicode category Cf: zero-width spaces and joiners, bidi overrides such as U+202E, the BOM)
    /// and the Hangul fillers, which render as nothing: "Doo\u200Bsan" would register beside "Doosan", and a
    /// right-to-left override would show partners a website that is not the one stored.
    /// </summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || rune.Value is 0x3164 or 0x115F or 0x1160 or 0xFFA0;

    /// <summary>A name shows at least one letter (of any script): not only marks, digits or punctuation.</summary>
    public static bool HasALetter(string? text) =>
        text is null || text.EnumerateRunes().Any(r => Rune.IsLetter(r) && !IsInvisible(r));
}
