using System.Globalization;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The timeline (<c>timeline/</c>): the texts on a dated axis, and where each concept appears over time.</summary>
internal sealed class TimelinePage(RenderContext r) : IPageKind
{
    /// <summary>Beyond this many texts, the timeline's columns are years rather than texts.</summary>
    internal const int TextColumns = 60;

    public IEnumerable<PlannedFile> Plan()
    {
        var texts = r.Content.Texts;
        yield return new(r.Urls.FileFor(r.Urls.Timeline),
            [.. RenderContext.PageInputs, .. r.EveryConceptInputs,
             .. texts.Length > TextColumns ? [] : texts.Select(t => Inputs.Text(t.Slug))],
            Page);
    }

    private OutputFile? Page()
    {
        var texts = r.Content.Texts;
        var byYear = texts.Length > TextColumns;
        var columns = byYear
            ? texts.Select(t => t.Date.Year).Distinct().Order()
                .Select(y => new TimelineChart.Column(RenderContext.Year(y), RenderContext.Year(y), RenderContext.Year(y))).ToList()
            : texts.Select(t => new TimelineChart.Column(t.Slug, t.Date.ToString("MMM ’yy", CultureInfo.InvariantCulture), $"“{t.Title}” ({Dates.Display(t.Date)})")).ToList();
        string ColumnOf(string slug) => byYear ? RenderContext.Year(r.Site.TextOf(slug).Date.Year) : slug;
        var index = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rows = r.Content.Concepts
            .Where(c => r.Site.MentionsByConcept[c.Id].Length > 0)
            .Select(c =>
            {
                var mentions = r.Site.MentionsByConcept[c.Id];
                var counts = new int[columns.Count];
                foreach (var m in mentions) counts[index[ColumnOf(m.Slug)]]++;
                var url = r.Urls.Concept(c.Id);
                // A cell leads to the mentions it counts: those of its text, or the first of its year's texts.
                var years = byYear ? r.YearsOf(c.Id).ToDictionary(y => y.Year, y => y.Url, StringComparer.Ordinal) : null;
                var cellUrls = columns.Select(col => years is null ? r.MentionsIn(c.Id, col.Key) : years.GetValueOrDefault(col.Key, url)).ToList();
                var first = r.Site.TextOf(mentions[0].Slug).Date;
                return (First: first, Row: new TimelineChart.Row(c.Id, c.Title, Vocabulary.ConceptCategories.Word(c.Category), url, counts, cellUrls));
            })
            .OrderBy(x => x.First).ThenBy(x => x.Row.Title, StringComparer.OrdinalIgnoreCase).Select(x => x.Row).ToList();
        // Beyond the home page's list, the axis has a bar per year (its height the year's texts) that opens the year's texts.
        var axis = r.Site.Lists.ByYear
            ? TimelineChart.YearAxis(r.Templates, r.Diagnostics, [.. r.YearLinks().Select(y => new TimelineChart.YearPoint(int.Parse(y.Year, CultureInfo.InvariantCulture), y.Count, y.Url))])
            : TimelineChart.Axis(r.Templates, r.Diagnostics, [.. texts.Select(t => new TimelineChart.Point(t.Date, t.Title, Dates.Display(t.Date), r.Urls.Text(t.Slug)))]);
        var categories = r.Content.Concepts.Select(c => c.Category).Distinct().Order()
            .Select(k => new CategoryView(Vocabulary.ConceptCategories.Word(k), Vocabulary.ConceptCategories.Label(k))).ToList();
        var yearViews = texts.GroupBy(t => t.Date.Year).OrderBy(g => g.Key)
            .Select(g => new YearView(RenderContext.Year(g.Key), g.Count(), byYear ? [] : g.Select(t => r.Texts[t.Slug]).ToList(),
                r.Site.Lists.ByYear ? r.Urls.Year(g.Key, 1) : null)).ToList();
        var view = new TimelineView(axis, TimelineChart.Heatmap(r.Templates, r.Diagnostics, columns, rows), rows.Count, texts.Length, byYear, categories, yearViews);
        return r.Composer.Page("timeline.html", r.Head("Timeline", $"The {texts.Length} texts of {r.Info.Title} in date order, and where each of its {rows.Count} concepts appears over time.",
            r.Urls.Timeline, "timeline"), new TimelinePageView(view));
    }
}
