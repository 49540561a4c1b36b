using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering;

/// <summary>
/// The timeline's two figures, in inline SVG drawn by <c>partials/heatmap.html</c>, <c>partials/text-axis.html</c>
/// and <c>partials/year-axis.html</c>; here only their geometry: the texts on a dated axis, and a heatmap of concepts
/// (rows, by first appearance) against texts in date order (columns; years when the texts are too many for a column
/// each), where a cell's shade is the number of mentions and each cell links to the concept's mentions in that text.
/// Every mark is a link with a name that gives its figures.
/// </summary>
internal static class TimelineChart
{
    /// <summary>A column: one text, or one year of texts.</summary>
    public sealed record Column(string Key, string Label, string FullLabel);

    /// <summary>A row: one concept, its mentions per column, and where each cell links.</summary>
    public sealed record Row(string Id, string Title, string Category, string Url, IReadOnlyList<int> Counts, IReadOnlyList<string> CellUrls);

    /// <summary>A text on the axis.</summary>
    public sealed record Point(DateOnly Date, string Title, string DateDisplay, string Url);

    /// <summary>A year of texts on the axis, and the page that lists them.</summary>
    public sealed record YearPoint(int Year, int Texts, string Url);

    private const int CellWidth = 56, CellHeight = 26, HeadHeight = 34, LabelChars = 46;
    private const int AxisWidth = 640, AxisMargin = 24;

    /// <summary>A row's label as drawn: long titles are cut at a word with "…" (the link's name and tooltip keep them whole).</summary>
    private static string Label(string title) =>
        title.Length <= LabelChars ? title : title[..(title.LastIndexOf(' ', LabelChars - 1) is > 20 and var i ? i : LabelChars - 1)].TrimEnd(',', ' ') + "…";

    private static string Decimal(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Heatmap(TemplateSet templates, DiagnosticBag diagnostics, IReadOnlyList<Column> columns, IReadOnlyList<Row> rows)
    {
        // Labels are 12px sans: about 6.7px a character, plus a margin.
        var labelWidth = Math.Clamp((int)Math.Ceiling(rows.Select(r => Label(r.Title).Length).DefaultIfEmpty(10).Max() * 6.7) + 16, 120, 340);
        var max = Math.Max(1, rows.SelectMany(r => r.Counts).DefaultIfEmpty(0).Max());
        var heads = columns.Select((c, i) => new HeatColumnView(labelWidth + i * CellWidth + CellWidth / 2, c.Label, c.FullLabel)).ToList();
        var rowViews = rows.Select((row, r) =>
        {
            var cells = columns.Select((column, c) =>
            {
                var n = row.Counts[c];
                var x = labelWidth + c * CellWidth;
                // Four shades for one mention up to the most any cell has (heat-1 … heat-4); heat-0 is none.
                var step = n == 0 ? 0 : 1 + (int)Math.Min(3, Math.Floor(3.0 * (n - 1) / Math.Max(1, max - 1) + 0.0001));
                return new HeatCellView(x + 2, x + CellWidth / 2, n, step, row.CellUrls[c], $"{row.Title} in {column.FullLabel}: {n} {(n == 1 ? "mention" : "mentions")}");
            }).ToList();
            var label = Label(row.Title);
            return new HeatRowView(HeadHeight + r * CellHeight, row.Title, row.Title.ToLowerInvariant(), row.Category, row.Url, label, label != row.Title, cells);
        }).ToList();
        var view = new HeatmapView(labelWidth + columns.Count * CellWidth, HeadHeight + rows.Count * CellHeight, HeadHeight - 10, labelWidth - 10,
            CellWidth - 4, CellHeight - 4, CellHeight / 2 + 5, heads, rowViews);
        return templates.RenderFigure("partials/heatmap.html", view, diagnostics);
    }

    /// <summary>The years as bars on a line (a bar's height: the year's texts), each opening the year's texts.</summary>
    public static string YearAxis(TemplateSet templates, DiagnosticBag diagnostics, IReadOnlyList<YearPoint> years)
    {
        if (years.Count == 0) return "";
        const int line = 64, barHeight = 48;
        var slot = (AxisWidth - 2 * AxisMargin) / (double)years.Count;
        var max = Math.Max(1, years.Max(y => y.Texts));
        var bars = years.Select((y, i) =>
        {
            var h = Math.Max(2, barHeight * y.Texts / (double)max);
            var x = AxisMargin + i * slot;
            return new AxisYearView(Decimal(x + slot * 0.15), Decimal(line - h), Decimal(slot * 0.7), Decimal(h), Decimal(x + slot / 2), y.Year,
                $"{y.Year}: {y.Texts} {(y.Texts == 1 ? "text" : "texts")}", y.Url);
        }).ToList();
        var view = new YearAxisView(AxisWidth, 96, AxisMargin, AxisWidth - AxisMargin, line, line + 20, years[0].Year, years[^1].Year, bars);
        return templates.RenderFigure("partials/year-axis.html", view, diagnostics);
    }

    /// <summary>The texts as dots on a line of years (January 1 of the first year to the end of the last).</summary>
    public static string Axis(TemplateSet templates, DiagnosticBag diagnostics, IReadOnlyList<Point> points)
    {
        if (points.Count == 0) return "";
        var first = points.Min(p => p.Date).Year;
        var last = points.Max(p => p.Date).Year + 1;
        const int line = 28;
        double X(DateOnly d) => AxisMargin + (AxisWidth - 2 * AxisMargin) * (d.DayNumber - new DateOnly(first, 1, 1).DayNumber) / (double)(new DateOnly(last, 1, 1).DayNumber - new DateOnly(first, 1, 1).DayNumber);
        var step = Math.Max(1, (last - first) / 10);
        var ticks = new List<AxisTickView>();
        for (var year = first; year <= last; year += step) ticks.Add(new AxisTickView(Decimal(X(new DateOnly(year, 1, 1))), year));
        var dots = points.Select(p => new AxisPointView(Decimal(X(p.Date)), $"{p.Title}, {p.DateDisplay}", p.Url)).ToList();
        var view = new TextAxisView(AxisWidth, 64, AxisMargin, AxisWidth - AxisMargin, line, line - 5, line + 5, line + 22, first, last - 1, ticks, dots);
        return templates.RenderFigure("partials/text-axis.html", view, diagnostics);
    }
}
