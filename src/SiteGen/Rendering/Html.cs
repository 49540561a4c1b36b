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
}
