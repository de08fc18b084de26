using System.Globalization;
using System.Text;

namespace Investment.Domain.Common;

/// <summary>
/// Folds text for searching and for comparing names: lower case, Latin diacritics removed ("Quảng Ngãi" → "quang ngai",
/// "Đ" → "d"), punctuation dropped and white space collapsed. Marks on non-Latin letters (Japanese dakuten, for instance)
/// are kept, because removing them would make different names equal. Compatibility forms fold first (NFKC: fullwidth
/// "ＤＯＯＳＡＮ" is "doosan", halfwidth katakana is katakana), and invisible format characters (zero-width spaces,
/// bidi controls) are dropped, so that a name cannot be registered twice by spelling it so.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var previousWasLatin = false;
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format || c is '\u3164' or '\u115F' or '\u1160' or '\uFFA0') continue;
            if (category == UnicodeCategory.NonSpacingMark)
            {
                if (!previousWasLatin) folded.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = folded.Length > 0;
                previousWasLatin = false;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            var lower = c switch
            {
                'Đ' or 'đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            folded.Append(lower);
            previousWasLatin = lower < '\u0250';
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
