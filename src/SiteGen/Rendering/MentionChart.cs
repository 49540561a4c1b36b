using System.Globalization;
using System.Text;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering;

/// <summary>
/// The number of mentions per text as a small bar chart in inline SVG, texts in date order.
/// Accessible: a title and a description that gives every figure as text, and the figures are
/// also printed on the bars.
/// </summary>
internal static class MentionChart
{
    public sealed record Bar(string Label, string FullLabel, int Count);

    /// <param name="per">What a bar stands for: "text" or "year".</param>
    public static string Svg(string id, string conceptTitle, IReadOnlyList<Bar> bars, string per = "text")
    {
        const int barWidth = 44, gap = 16, height = 92, top = 16, bottom = 20;
        var width = bars.Count * (barWidth + gap) - gap;
        var max = Math.Max(1, bars.Max(b => b.Count));
        var svg = new StringBuilder();
        var described = string.Join("; ", bars.Select(b => $"{b.FullLabel}: {b.Count}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"mention-chart\" viewBox=\"0 0 {width} {height + top + bottom}\" width=\"{width}\" height=\"{height + top + bottom}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Mentions of {Html.Escape(conceptTitle)} per {per}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Html.Escape(described)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = i * (barWidth + gap);
            var h = bar.Count == 0 ? 1 : Math.Max(3, (int)Math.Round((double)bar.Count / max * height));
            var y = top + height - h;
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{Html.Escape(bar.FullLabel)}: {bar.Count}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{barWidth}\" height=\"{h}\" class=\"{(bar.Count == 0 ? "bar bar-zero" : "bar")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{y - 4}\" text-anchor=\"middle\" class=\"bar-value\">{bar.Count}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height + 14}\" text-anchor=\"middle\" class=\"bar-label\">{Html.Escape(bar.Label)}</text></g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
