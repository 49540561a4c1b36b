using System.Text;

namespace SiteGen.Rendering;

/// <summary>HTML escaping that leaves typographic characters as they are (no numeric entities for ’ or é).</summary>
internal static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        Escape(builder, text);
        return builder.ToString();
    }

    /// <summary>Escapes for text and for an attribute value in double or single quotes: &amp; &lt; &gt; " and '.</summary>
    public static string EscapeAttribute(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        return Escape(text).Replace("'", "&#39;", StringComparison.Ordinal);
    }

    public static void Escape(StringBuilder builder, ReadOnlySpan<char> text)
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

    /// <summary>Escapes <paramref name="text"/>, wrapping each run of Chinese in <c>&lt;span lang="zh"&gt;</c>.</summary>
    public static void EscapeMarkingChinese(StringBuilder builder, ReadOnlySpan<char> text)
    {
        if (!Model.Scripts.HasHan(text)) { Escape(builder, text); return; }
        var at = 0;
        foreach (var (start, end) in Model.Scripts.ChineseRuns(text))
        {
            Escape(builder, text[at..start]);
            builder.Append(ChineseOpen);
            Escape(builder, text[start..end]);
            builder.Append("</span>");
            at = end;
        }
        Escape(builder, text[at..]);
    }

    private const string ChineseOpen = "<span lang=\"zh\">";

    /// <summary>
    /// Wraps each run of Chinese in the text of well-formed, sanitized HTML in <c>&lt;span lang="zh"&gt;</c>,
    /// leaving tags and attribute values alone (and any run already inside an element with a lang attribute's span as it is).
    /// </summary>
    public static string MarkChinese(string html)
    {
        if (!Model.Scripts.HasHan(html)) return html;
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
            var text = html[i..next];
            var at = 0;
            foreach (var (start, end) in Model.Scripts.ChineseRuns(text))
            {
                result.Append(text, at, start - at).Append(ChineseOpen).Append(text, start, end - start).Append("</span>");
                at = end;
            }
            result.Append(text, at, text.Length - at);
            i = next;
        }
        return result.ToString();
    }
}
