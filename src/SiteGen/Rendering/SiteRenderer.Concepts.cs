using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Concept pages, at any size of corpus. A concept with few mentions has them all in context on its page, text
/// by text. One with more is summarised there (its figures by year, the first mention in each of its first
/// texts) and its mentions, every one in context, go to numbered pages of whole texts
/// (<c>concepts/&lt;id&gt;/mentions/&lt;n&gt;/</c>), so that no page grows with the corpus.
/// </summary>
internal sealed partial class SiteRenderer
{
    /// <summary>A concept with at most this many mentions lists them all on its own page.</summary>
    internal const int MentionsOnConceptPage = 400;

    /// <summary>About this many mentions in context per page of a concept's mentions (a text is not cut unless it has more).</summary>
    internal const int MentionsPerPage = 300;

    /// <summary>When summarised, a concept page shows the first mention of each of its first this many texts.</summary>
    internal const int FirstMentionsShown = 40;

    /// <summary>Up to this many texts in the corpus, a concept's chart has a bar per text; beyond, a bar per year.</summary>
    internal const int ChartBarsPerText = 60;

    /// <summary>A run of a concept's mentions in one text, on one page (<see cref="Page"/> 0: the concept page).</summary>
    private sealed record MentionRun(string Slug, int From, int Count, int Page, bool First);

    /// <summary>
    /// How a concept's mentions are laid out: their runs in reading order, how many pages of their own (0: none),
    /// the page where each text's mentions start, and how many each text has.
    /// </summary>
    private sealed record MentionLayout(IReadOnlyList<MentionRun> Runs, int Pages, IReadOnlyDictionary<string, int> PageOfText, IReadOnlyDictionary<string, int> PerText)
    {
        /// <summary>The runs on page <paramref name="n"/> (1-based).</summary>
        public IEnumerable<MentionRun> On(int n) => Runs.SkipWhile(r => r.Page < n).TakeWhile(r => r.Page == n);
    }

    private static MentionLayout LayOut(ImmutableArray<Mention> mentions)
    {
        var byText = new List<(string Slug, int From, int Count)>();
        for (var i = 0; i < mentions.Length;)
        {
            var j = i;
            while (j < mentions.Length && mentions[j].Slug == mentions[i].Slug) j++;
            byText.Add((mentions[i].Slug, i, j - i));
            i = j;
        }
        var perText = byText.ToDictionary(t => t.Slug, t => t.Count, StringComparer.Ordinal);
        if (mentions.Length <= MentionsOnConceptPage)
            return new MentionLayout([.. byText.Select(t => new MentionRun(t.Slug, t.From, t.Count, 0, true))], 0,
                byText.ToDictionary(t => t.Slug, _ => 0, StringComparer.Ordinal), perText);
        var runs = new List<MentionRun>();
        var pageOfText = new Dictionary<string, int>(StringComparer.Ordinal);
        int page = 1, onPage = 0;
        foreach (var (slug, from, count) in byText)
        {
            // A text goes whole onto the page if it fits, else onto the next; a text longer than a page is cut.
            if (onPage > 0 && onPage + count > MentionsPerPage) { page++; onPage = 0; }
            pageOfText[slug] = page;
            for (var taken = 0; taken < count;)
            {
                if (onPage == MentionsPerPage) { page++; onPage = 0; }
                var n = Math.Min(count - taken, MentionsPerPage - onPage);
                runs.Add(new MentionRun(slug, from + taken, n, page, taken == 0));
                taken += n;
                onPage += n;
            }
        }
        return new MentionLayout(runs, page, pageOfText, perText);
    }

    /// <summary>Where a concept's mentions in one text are listed: on its page, or on the page of its mentions that has them.</summary>
    private string MentionsIn(string conceptId, string slug)
    {
        var layout = _mentionLayouts[conceptId];
        var page = layout.PageOfText.GetValueOrDefault(slug);
        return (page == 0 ? _urls.Concept(conceptId) : _urls.ConceptMentions(conceptId, page)) + "#in-" + slug;
    }

    /// <summary>A text's mentions of a concept in context: a group of lines under the text's title.</summary>
    private void MentionGroup(StringBuilder html, ImmutableArray<Mention> mentions, MentionRun run, int total, int shown, string? allUrl)
    {
        var text = _site.TextOf(run.Slug);
        var lines = new StringBuilder();
        for (var i = run.From; i < run.From + shown; i++)
        {
            var m = mentions[i];
            var words = m.InHeading ? text.Headings[m.Number - 1].PlainText : text.Paragraphs[m.Number - 1].PlainText;
            var line = KeywordInContext.Of(words, m.Start, m.End);
            if (i > run.From) lines.Append('\n');
            lines.Append(_templates.Render("partials/mention-line.html", new MentionLineMarkup(_urls.Place(m), Place(m), line.Left, line.Match, line.Right), _diagnostics));
        }
        var summary = _texts[run.Slug];
        html.Append(_templates.Render("partials/mention-group.html", new MentionGroupMarkup(run.First ? "in-" + run.Slug : null, summary.Url, summary.Title,
            summary.DateIso, summary.DateDisplay, summary.Author, TextMarkup.Number(total), total == 1, !run.First, lines.ToString(), allUrl), _diagnostics)).Append('\n');
    }

    private OutputFile? ConceptPage(Concept concept)
    {
        var mentions = _site.MentionsByConcept[concept.Id];
        var layout = _mentionLayouts[concept.Id];
        var perText = layout.PerText;
        var groups = new StringBuilder();
        if (layout.Pages == 0)
            foreach (var run in layout.Runs) MentionGroup(groups, mentions, run, run.Count, run.Count, null);
        else
            foreach (var run in layout.Runs.Where(r => r.First).Take(FirstMentionsShown))
                MentionGroup(groups, mentions, run, perText[run.Slug], 1, perText[run.Slug] > 1 ? MentionsIn(concept.Id, run.Slug) : null);
        AppearanceView? Appearance(Mention? m) => m is null ? null : new AppearanceView(_texts[m.Slug], Place(m), _urls.Place(m));
        var texts = _site.Site.Texts;
        var byYear = texts.Length > ChartBarsPerText;
        var years = YearsOf(concept.Id);
        var bars = byYear
            ? years.Select(y => new MentionChart.Bar(y.Year, y.Year, y.Mentions)).ToList()
            : texts.Select(t => new MentionChart.Bar(t.Date.ToString("MMM ’yy", CultureInfo.InvariantCulture), $"{t.Title} ({Dates.Display(t.Date)})",
                perText.GetValueOrDefault(t.Slug))).ToList();
        var view = new ConceptView(
            _concepts[concept.Id],
            concept.Aliases.Select(a => a.Value)
                .Where(a => FoldedText.Phrase(a) != FoldedText.Phrase(concept.Title)).ToList(),
            _commentaryHtml[concept.Id],
            MentionChart.Svg("chart-" + concept.Id, concept.Title, bars, byYear ? "year" : "text"),
            byYear,
            Bulk,
            _mentionPages[concept.Id],
            layout.Pages == 0 ? [] : years,
            Math.Min(FirstMentionsShown, perText.Count),
            Appearance(mentions.FirstOrDefault()),
            Appearance(mentions.LastOrDefault()),
            _site.CoMentions[concept.Id].Take(8).Select(c => new CoMentionView(_concepts[c.ConceptId], c.Paragraphs)).ToList(),
            concept.Related.Where(r => _concepts.ContainsKey(r.Value)).Select(r => _concepts[r.Value]).ToList(),
            _annotationViews.Where(n => n.Concepts.Any(c => c.Id == concept.Id)).ToList());
        var url = _urls.Concept(concept.Id);
        var description = $"{concept.Title}: {mentions.Length} mentions in {perText.Count} of {texts.Length} texts of {_site.Site.Info.Title}.";
        return Page("concept.html", url, new PageView(concept.Title, description, url, _urls.Absolute(url), "concepts"), new ConceptPageView(view), groups.ToString());
    }

    /// <summary>A concept's mentions by year: how many texts, how many mentions, and where the year's mentions start.</summary>
    private List<ConceptYearView> YearsOf(string conceptId)
    {
        var layout = _mentionLayouts[conceptId];
        return layout.Runs.Where(r => r.First).GroupBy(r => _site.TextOf(r.Slug).Date.Year)
            .Select(g => new ConceptYearView(g.Key.ToString(CultureInfo.InvariantCulture), g.Count(), g.Sum(r => layout.PerText[r.Slug]), MentionsIn(conceptId, g.First().Slug)))
            .ToList();
    }

    /// <summary>The pages of a concept's mentions, each named by the dates of its texts.</summary>
    private List<PageLinkView> MentionPages(string conceptId)
    {
        var layout = _mentionLayouts[conceptId];
        var pages = new List<PageLinkView>(layout.Pages);
        for (var start = 0; start < layout.Runs.Count;)
        {
            var end = start;
            while (end + 1 < layout.Runs.Count && layout.Runs[end + 1].Page == layout.Runs[start].Page) end++;
            var label = Months(_site.TextOf(layout.Runs[start].Slug).Date, _site.TextOf(layout.Runs[end].Slug).Date);
            var n = layout.Runs[start].Page;
            if (n > 0) pages.Add(new PageLinkView(TextMarkup.Number(n), _urls.ConceptMentions(conceptId, n), label));
            start = end + 1;
        }
        return pages;
    }

    /// <summary>One page of a concept's mentions, every one in context, whole texts in reading order.</summary>
    private OutputFile? MentionsPage(Concept concept, int number)
    {
        var mentions = _site.MentionsByConcept[concept.Id];
        var layout = _mentionLayouts[concept.Id];
        var runs = layout.On(number).ToList();
        var groups = new StringBuilder();
        foreach (var run in runs) MentionGroup(groups, mentions, run, layout.PerText[run.Slug], run.Count, null);
        var pages = _mentionPages[concept.Id];
        var first = runs[0].From + 1;
        var last = runs[^1].From + runs[^1].Count;
        var view = new MentionsPageView(_concepts[concept.Id], pages[number - 1], number, layout.Pages, first, last, mentions.Length,
            number > 1 ? pages[number - 2].Url : null, number < layout.Pages ? pages[number].Url : null, pages, Bulk);
        var url = _urls.ConceptMentions(concept.Id, number);
        var title = $"{concept.Title}: mentions {first}–{last}";
        var description = $"Mentions {first} to {last} of the {mentions.Length} of {concept.Title} in the texts of {_site.Site.Info.Title}, in context ({pages[number - 1].Label}).";
        return Page("concept-mentions.html", url, new PageView(title, description, url, _urls.Absolute(url), "concepts"), new MentionsPageTemplateView(view), groups.ToString());
    }
}
