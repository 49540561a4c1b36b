using System.Text;

namespace SiteGen.TextRules;

/// <summary>
/// A text reduced to what matching cares about: lower case, curly quotes made straight, every
/// hyphen and dash variant and every run of white space made one space. <see cref="Start"/> and
/// <see cref="End"/> map a range of the folded text back to the original, so that a match can be
/// shown, linked or highlighted where the reader sees it. Concept mentions and annotation quotes
/// are both found in folded text, so "self‐reliance", "Self Reliance" and "self-reliance" are one.
/// </summary>
internal sealed class FoldedText
{
    /// <summary>The folded characters.</summary>
    public string Value { get; }

    // _origin[i] is the index in the original of folded character i; _origin[Value.Length] is the original's length.
    private readonly int[] _origin;

    private FoldedText(string value, int[] origin)
    {
        Value = value;
        _origin = origin;
    }

    /// <summary>Where folded character <paramref name="index"/> comes from in the original.</summary>
    public int Start(int index) => _origin[index];

    /// <summary>The end in the original of a folded range ending (exclusive) at <paramref name="index"/>.</summary>
    public int End(int index) => index == 0 ? 0 : _origin[index - 1] + 1;

    public static FoldedText Of(string text)
    {
        Span<char> folded = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var origin = new int[text.Length + 1];
        var length = 0;
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (c == ' ')
            {
                if (pendingSpace < 0) pendingSpace = i;
                continue;
            }
            if (c == '\0') continue;
            if (pendingSpace >= 0)
            {
                // Leading white space is dropped; inner runs become one space.
                if (length > 0) { folded[length] = ' '; origin[length++] = pendingSpace; }
                pendingSpace = -1;
            }
            folded[length] = c;
            origin[length++] = i;
        }
        origin[length] = text.Length;
        // The common case, text already folded, keeps the same string.
        var value = length == text.Length && folded.SequenceEqual(text) ? text : new string(folded[..length]);
        return new FoldedText(value, origin);
    }

    /// <summary>Folds a phrase written by a contributor (an alias, a quote) the same way.</summary>
    public static string Phrase(string text) => Of(text).Value;

    /// <summary>One character folded: '\0' drops it, ' ' is white space.</summary>
    public static char Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or ',' => c,
        >= 'A' and <= 'Z' => (char)(c + 32),
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => ' ',
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' => '\0',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>Whether a match may start or end here: not in the middle of a word.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
