namespace SiteGen.TextRules;

/// <summary>A mention with some words on either side, cut at word boundaries.</summary>
internal sealed record ContextLine(string Left, string Match, string Right);

internal static class KeywordInContext
{
    public static ContextLine Of(string text, int start, int end, int width = 64)
    {
        var leftStart = Math.Max(0, start - width);
        if (leftStart > 0)
        {
            var space = text.IndexOf(' ', leftStart);
            leftStart = space >= 0 && space < start ? space + 1 : leftStart;
        }
        var rightEnd = Math.Min(text.Length, end + width);
        if (rightEnd < text.Length)
        {
            var space = text.LastIndexOf(' ', rightEnd);
            rightEnd = space > end ? space : rightEnd;
        }
        var left = (leftStart > 0 ? "…" : "") + text[leftStart..start];
        var right = text[end..rightEnd] + (rightEnd < text.Length ? "…" : "");
        return new ContextLine(left, text[start..end], right);
    }
}
