using System.Globalization;
using System.Text;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering;

/// <summary>
/// The timeline's two figures, in inline SVG: the texts on a dated axis, and a heatmap of concepts
/// (rows, by first appearance) against texts in date order (columns; years when the texts are
/// too many for a column each), where a cell's shade is the number of mentions and each cell links to
/// the concept's mentions in that text. Every mark is a link with a name that gives its figures.
/// </summary>
internal static class TimelineChart
{
    /// <summary>A column: one text, or one year of texts.</summary>
    public sealed record Column(string Key, string Label, string FullLabel);

    /// <summary>A row: one concept, its mentions per column, and where each cell links.</summary>
    public sealed record Row(string Id, string Title, string Category, string Url, IReadOnlyList<int> Counts, IReadOnlyList<string> CellUrls);

    /// <summary>A text on the axis.</summary>
    public sealed record Point(DateOnly Date, string Title, string DateDisplay, string Url);

    private const int CellWidth = 56, CellHeight = 26, HeadHeight = 34, LabelChars = 46;

    /// <summary>A row's label as drawn: long titles are cut at a word with "…" (the link's name and tooltip keep them whole).</summary>
    private static string Label(string title) =>
        title.Length <= LabelChars ? title : title[..(title.LastIndexOf(' ', LabelChars - 1) is > 20 and var i ? i : LabelChars - 1)].TrimEnd(',', ' ') + "…";

    public static string Heatmap(IReadOnlyList<Column> columns, IReadOnlyList<Row> rows)
    {
        // Labels are 12px sans: about 6.7px a character, plus a margin.
        var labelWidth = Math.Clamp((int)Math.Ceiling(rows.Select(r => Label(r.Title).Length).DefaultIfEmpty(10).Max() * 6.7) + 16, 120, 340);
        var width = labelWidth + columns.Count * CellWidth;
        var height = HeadHeight + rows.Count * CellHeight;
        var max = Math.Max(1, rows.SelectMany(r => r.Counts).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"heatmap\" id=\"heatmap\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-labelledby=\"heatmap-caption\">");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = labelWidth + c * CellWidth + CellWidth / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"heat-col\" x=\"{x}\" y=\"{HeadHeight - 10}\" text-anchor=\"middle\"><title>{Html.Escape(columns[c].FullLabel)}</title>{Html.Escape(columns[c].Label)}</text>");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = HeadHeight + r * CellHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"heat-row\" data-title=\"{Html.EscapeAttribute(row.Title.ToLowerInvariant())}\" data-category=\"{Html.EscapeAttribute(row.Category)}\" transform=\"translate(0 {y})\">");
            var label = Label(row.Title);
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.EscapeAttribute(row.Url)}\" class=\"heat-label\"{(label != row.Title ? $" aria-label=\"{Html.EscapeAttribute(row.Title)}\"" : "")}><title>{Html.Escape(row.Title)}</title><text x=\"{labelWidth - 10}\" y=\"{CellHeight / 2 + 5}\" text-anchor=\"end\">{Html.Escape(label)}</text></a>");
            for (var c = 0; c < columns.Count; c++)
            {
                var n = row.Counts[c];
                var x = labelWidth + c * CellWidth;
                var cellLabel = $"{row.Title} in {columns[c].FullLabel}: {n} {(n == 1 ? "mention" : "mentions")}";
                // Four shades for one mention up to the most any cell has (heat-1 … heat-4); heat-0 is none.
                var step = n == 0 ? 0 : 1 + (int)Math.Min(3, Math.Floor(3.0 * (n - 1) / Math.Max(1, max - 1) + 0.0001));
                var cell = $"<rect x=\"{x + 2}\" y=\"2\" width=\"{CellWidth - 4}\" height=\"{CellHeight - 4}\" rx=\"3\" class=\"heat-{step}\"/>" +
                           (n > 0 ? $"<text x=\"{x + CellWidth / 2}\" y=\"{CellHeight / 2 + 5}\" text-anchor=\"middle\" class=\"heat-n heat-n-{step}\">{n}</text>" : "");
                if (n > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.EscapeAttribute(row.CellUrls[c])}\" aria-label=\"{Html.EscapeAttribute(cellLabel)}\"><title>{Html.Escape(cellLabel)}</title>{cell}</a>");
                else
                    svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\">{cell}</g>");
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A year of texts on the axis, and the page that lists them.</summary>
    public sealed record YearPoint(int Year, int Texts, string Url);

    /// <summary>The years as bars on a line (a bar's height: the year's texts), each opening the year's texts.</summary>
    public static string YearAxis(IReadOnlyList<YearPoint> years)
    {
        if (years.Count == 0) return "";
        const int width = 640, margin = 24, height = 96, line = 64, barHeight = 48;
        var slot = (width - 2 * margin) / (double)years.Count;
        var max = Math.Max(1, years.Max(y => y.Texts));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"text-axis\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-label=\"The texts by year, {years[0].Year} to {years[^1].Year}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{margin}\" y1=\"{line}\" x2=\"{width - margin}\" y2=\"{line}\" class=\"axis-line\"/>");
        for (var i = 0; i < years.Count; i++)
        {
            var y = years[i];
            var h = Math.Max(2, barHeight * y.Texts / (double)max);
            var x = margin + i * slot;
            var label = $"{y.Year}: {y.Texts} {(y.Texts == 1 ? "text" : "texts")}";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.EscapeAttribute(y.Url)}\" aria-label=\"{Html.EscapeAttribute(label)}\"><title>{Html.Escape(label)}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + slot * 0.15:0.#}\" y=\"{line - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" class=\"axis-bar\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot / 2:0.#}\" y=\"{line + 20}\" text-anchor=\"middle\" class=\"axis-year\">{y.Year}</text></a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The texts as dots on a line of years (January 1 of the first year to the end of the last).</summary>
    public static string Axis(IReadOnlyList<Point> points)
    {
        if (points.Count == 0) return "";
        var first = points.Min(p => p.Date).Year;
        var last = points.Max(p => p.Date).Year + 1;
        const int width = 640, margin = 24, height = 64, line = 28;
        double X(DateOnly d) => margin + (width - 2 * margin) * (d.DayNumber - new DateOnly(first, 1, 1).DayNumber) / (double)(new DateOnly(last, 1, 1).DayNumber - new DateOnly(first, 1, 1).DayNumber);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"text-axis\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-label=\"The texts on a line of years, {first} to {last - 1}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{margin}\" y1=\"{line}\" x2=\"{width - margin}\" y2=\"{line}\" class=\"axis-line\"/>");
        var step = Math.Max(1, (last - first) / 10);
        for (var year = first; year <= last; year += step)
        {
            var x = X(new DateOnly(year, 1, 1)).ToString("0.#", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{line - 5}\" x2=\"{x}\" y2=\"{line + 5}\" class=\"axis-tick\"/><text x=\"{x}\" y=\"{line + 22}\" text-anchor=\"middle\" class=\"axis-year\" aria-hidden=\"true\">{year}</text>");
        }
        foreach (var p in points)
        {
            var x = X(p.Date).ToString("0.#", CultureInfo.InvariantCulture);
            var label = $"{p.Title}, {p.DateDisplay}";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.EscapeAttribute(p.Url)}\" aria-label=\"{Html.EscapeAttribute(label)}\"><title>{Html.Escape(label)}</title><circle cx=\"{x}\" cy=\"{line}\" r=\"12\" class=\"axis-hit\"/><circle cx=\"{x}\" cy=\"{line}\" r=\"6\" class=\"axis-dot\"/></a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
