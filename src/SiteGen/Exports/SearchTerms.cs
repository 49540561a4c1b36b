using System.Globalization;
using System.Text;
using SiteGen.TextRules;

namespace SiteGen.Exports;

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

    /// <summary>Receives each term, in order: its folded value and where it is in the original.</summary>
    public delegate void TermAction(ReadOnlySpan<char> term, int start, int end);

    public static List<Term> Of(string text)
    {
        var terms = new List<Term>(text.Length / 6 + 1);
        Visit(text, (term, start, end) => terms.Add(new Term(term.ToString(), start, end)));
        return terms;
    }

    /// <summary>Each term of <paramref name="text"/>, without allocating for words of plain ASCII (the index's hot path).</summary>
    // Called for every paragraph of the corpus: compiled optimised at once rather than tiered up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Visit(string text, TermAction action)
    {
        Span<char> lower = stackalloc char[64];
        StringBuilder? word = null; // only for words with characters beyond ASCII
        var start = -1;
        void Flush(int end, Span<char> buffer)
        {
            if (start < 0) return;
            if (word is null)
            {
                var length = end - start;
                var target = length <= buffer.Length ? buffer[..length] : new char[length];
                for (var k = 0; k < length; k++) target[k] = char.ToLowerInvariant(text[start + k]);
                action(target, start, end);
            }
            else if (word.Length > 0) action(Normalise(word.ToString()), start, end);
            word = null;
            start = -1;
        }
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                // The common case, without runes or tables: ASCII letters and digits make words.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (start < 0) start = i;
                    word?.Append(char.ToLowerInvariant(c));
                }
                else Flush(i, lower);
                i++;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var runeLength);
            var folded = rune.IsBmp ? FoldedText.Fold((char)rune.Value) : '\uFFFF';
            if (rune.IsBmp && folded == '\0')
            {
                // Dropped (a soft hyphen, a zero-width space): inside a word, the word is built without it.
                if (start >= 0 && word is null)
                {
                    word = new StringBuilder();
                    for (var k = start; k < i; k++) word.Append(char.ToLowerInvariant(text[k]));
                }
                i += runeLength;
                continue;
            }
            if (IsIdeograph(rune))
            {
                Flush(i, lower);
                action(text.AsSpan(i, runeLength), i, i + runeLength);
            }
            else if (IsWordRune(rune) && !(rune.IsBmp && folded is ' ' or '\'' or '"'))
            {
                if (word is null)
                {
                    word = new StringBuilder();
                    for (var k = start < 0 ? i : start; k < i; k++) word.Append(char.ToLowerInvariant(text[k]));
                }
                if (start < 0) start = i;
                if (rune.IsBmp) word.Append(folded); else word.Append(text, i, runeLength);
            }
            else Flush(i, lower);
            i += runeLength;
        }
        Flush(i, lower);
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
