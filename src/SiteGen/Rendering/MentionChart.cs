using SiteGen.Diagnostics;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering;

/// <summary>
/// The number of mentions per text (or per year) as a small bar chart in inline SVG, drawn by
/// <c>partials/mention-chart.html</c>; here only its geometry. Accessible: a title and a description
/// that gives every figure as text, and the figures are also printed on the bars.
/// </summary>
internal static class MentionChart
{
    public sealed record Bar(string Label, string FullLabel, int Count);

    private const int BarWidth = 44, Gap = 16, Height = 92, Top = 16, Bottom = 20;

    /// <param name="per">What a bar stands for: "text" or "year".</param>
    public static string Svg(TemplateSet templates, DiagnosticBag diagnostics, string id, string conceptTitle, IReadOnlyList<Bar> bars, string per = "text")
    {
        var max = Math.Max(1, bars.Max(b => b.Count));
        var views = bars.Select((bar, i) =>
        {
            var x = i * (BarWidth + Gap);
            var h = bar.Count == 0 ? 1 : Math.Max(3, (int)Math.Round((double)bar.Count / max * Height));
            var y = Top + Height - h;
            return new ChartBarView(x, y, BarWidth, h, x + BarWidth / 2, y - 4, Top + Height + 14, bar.Count == 0, bar.Count, bar.Label, bar.FullLabel);
        }).ToList();
        var view = new MentionChartView(id, conceptTitle, per, bars.Count * (BarWidth + Gap) - Gap, Height + Top + Bottom,
            string.Join("; ", bars.Select(b => $"{b.FullLabel}: {b.Count}")), views);
        return templates.RenderFigure("partials/mention-chart.html", view, diagnostics);
    }
}
