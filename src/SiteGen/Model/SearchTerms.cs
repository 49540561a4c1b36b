using System.Globalization;
using System.Text;

namespace SiteGen.Model;

/// <summary>
/// The words of a text as search indexes and queries them: each character folded as concept
/// matching folds it (<see cref="FoldedText.Fold"/>: case, curly quotes, every dash and hyphen
/// a space), then accents dropped; a term is a run of letters, digits and combining marks, and
/// each Chinese, Japanese or Korean character is a term of its own (so that a run of them is
/// found as a phrase). The browser's search script (<c>templates/assets/search.js</c>) applies
/// the same rule to what readers type; a test holds the two to the same terms.
/// </summary>
internal static class SearchTerms
{
    /// <summary>A term and where it is in the original text (UTF-16 offsets).</summary>
    public readonly record struct Term(string Value, int Start, int End);

    public static List<Term> Of(string text)
    {
        var terms = new List<Term>();
        var word = new StringBuilder();
        var start = -1;
        void Flush(int end)
        {
            if (word.Length > 0) terms.Add(new Term(Normalise(word.ToString()), start, end));
            word.Clear();
            start = -1;
        }
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var folded = rune.IsBmp ? FoldedText.Fold((char)rune.Value) : '\uFFFF';
            if (rune.IsBmp && (folded == '\0')) { i += rune.Utf16SequenceLength; continue; }
            if (IsIdeograph(rune))
            {
                Flush(i);
                terms.Add(new Term(rune.ToString(), i, i + rune.Utf16SequenceLength));
            }
            else if (IsWordRune(rune) && !(rune.IsBmp && folded is ' ' or '\'' or '"'))
            {
                if (start < 0) start = i;
                if (rune.IsBmp) word.Append(folded); else word.Append(rune.ToString());
            }
            else Flush(i);
            i += rune.Utf16SequenceLength;
        }
        Flush(i);
        return terms;
    }

    /// <summary>Accents dropped, lower case, composed: "Éclair" → "eclair".</summary>
    private static string Normalise(string word)
    {
        if (word.All(char.IsAscii)) return word; // folded to lower case already
        var decomposed = word.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Han, kana and Hangul: scripts written without spaces between words.</summary>
    public static bool IsIdeograph(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);
}
