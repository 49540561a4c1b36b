using System.Text;
using SiteGen.TextRules;

namespace SiteGen.Rendering.Body;

/// <summary>
/// The one escaping of values that reach a page. It leaves typographic characters as they are (no numeric
/// entities for ’ or é), and isolates a value that holds bidirectional controls (U+202E …, which content may
/// hold with a warning) between U+2068 and U+2069, so that they cannot reorder the words around the value.
/// </summary>
internal static class Html
{
    private const char FirstStrongIsolate = '\u2068', PopIsolate = '\u2069';

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var bidi = TextCharacters.HasBidiControl(text);
        if (!bidi && text.AsSpan().IndexOfAny("&<>\"") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        if (bidi) builder.Append(FirstStrongIsolate);
        Escape(builder, text);
        if (bidi) builder.Append(PopIsolate);
        return builder.ToString();
    }

    /// <summary>Escapes for text and for an attribute value in double or single quotes: &amp; &lt; &gt; " and '.</summary>
    public static string EscapeAttribute(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") < 0) return text;
        return Escape(text).Replace("'", "&#39;", StringComparison.Ordinal);
    }

    private static void Escape(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>
    /// Escapes a run of a text's words, wrapping each run of Chinese in <c>&lt;span lang="zh"&gt;</c>; a run with
    /// bidirectional controls goes inside <c>&lt;bdi&gt;</c>, which isolates it without adding to the page's text.
    /// </summary>
    public static void EscapeMarkingChinese(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var bidi = TextCharacters.HasBidiControl(text);
        if (bidi) builder.Append("<bdi>");
        if (!Scripts.HasHan(text)) Escape(builder, text);
        else
        {
            var at = 0;
            foreach (var (start, end) in Scripts.ChineseRuns(text))
            {
                Escape(builder, text[at..start]);
                builder.Append(ChineseOpen);
                Escape(builder, text[start..end]);
                builder.Append("</span>");
                at = end;
            }
            Escape(builder, text[at..]);
        }
        if (bidi) builder.Append("</bdi>");
    }

    private const string ChineseOpen = "<span lang=\"zh\">";

    /// <summary>
    /// Wraps each run of Chinese in the text of well-formed, sanitized HTML in <c>&lt;span lang="zh"&gt;</c>, and
    /// each text between tags that holds bidirectional controls in <c>&lt;bdi&gt;</c>, leaving tags and attribute
    /// values alone.
    /// </summary>
    public static string MarkChinese(string html)
    {
        if (!Scripts.HasHan(html) && !TextCharacters.HasBidiControl(html)) return html;
        var result = new StringBuilder(html.Length + 64);
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0) close = html.Length - 1;
                result.Append(html, i, close - i + 1);
                i = close + 1;
                continue;
            }
            var next = html.IndexOf('<', i);
            if (next < 0) next = html.Length;
            var text = html.AsSpan(i, next - i);
            var bidi = TextCharacters.HasBidiControl(text);
            if (bidi) result.Append("<bdi>");
            var at = 0;
            foreach (var (start, end) in Scripts.ChineseRuns(text))
            {
                result.Append(text[at..start]).Append(ChineseOpen).Append(text[start..end]).Append("</span>");
                at = end;
            }
            result.Append(text[at..]);
            if (bidi) result.Append("</bdi>");
            i = next;
        }
        return result.ToString();
    }
}
