namespace SiteGen.TextRules;

/// <summary>
/// Where a string changes script: the edition marks every run of Chinese with <c>lang="zh"</c>, so
/// that browsers pick a Chinese font and screen readers a Chinese voice.
/// </summary>
internal static class Scripts
{
    /// <summary>Chinese punctuation: ideographic space, brackets and stops, full-width forms.</summary>
    private static bool IsChinesePunctuation(char c) => c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFF60');

    public static bool HasHan(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uD840' and <= '\uD87F') return true;
        return false;
    }

    /// <summary>
    /// The runs of Chinese in <paramref name="s"/>: Han characters and the Chinese punctuation between or after them,
    /// as (start, end) with end exclusive. A low surrogate belongs to the run only after a Han high surrogate.
    /// </summary>
    public static List<(int Start, int End)> ChineseRuns(ReadOnlySpan<char> s)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < s.Length)
        {
            if (!StartsHan(s, i)) { i++; continue; }
            var start = i;
            while (i < s.Length && (StartsHan(s, i) || IsChinesePunctuation(s[i])))
                i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
            runs.Add((start, i));
        }
        return runs;
    }

    private static bool StartsHan(ReadOnlySpan<char> s, int i) =>
        s[i] is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
        || s[i] is >= '\uD840' and <= '\uD87F' && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
}
