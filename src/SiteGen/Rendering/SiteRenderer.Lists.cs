using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The lists of the site at any size of corpus. Up to <see cref="TextsOnHome"/> texts, the home page lists them
/// all; beyond, it lists the latest and the years, and each year has pages of its own (<c>years/&lt;year&gt;/</c>,
/// then <c>years/&lt;year&gt;/&lt;n&gt;/</c>). Up to <see cref="AnnotationsOnIndex"/> notes, the notes page has them
/// all; beyond, they go, text by text, onto numbered pages (<c>annotations/&lt;n&gt;/</c>). No list grows with the corpus.
/// </summary>
internal sealed partial class SiteRenderer
{
    internal const int TextsOnHome = 100;
    internal const int LatestOnHome = 12;
    internal const int TextsPerYearPage = 200;
    internal const int AnnotationsOnIndex = 200;
    internal const int AnnotationsPerPage = 100;

    /// <summary>Whether the texts are listed by year, on pages of their own.</summary>
    private bool ByYear => _site.Site.Texts.Length > TextsOnHome;

    /// <summary>A year's texts on one page: its index in the texts (in date order), and how many.</summary>
    private sealed record YearPage(int Year, int Number, int PageCount, int From, int Count);

    private static List<YearPage> YearPagesOf(ImmutableArray<Text> texts)
    {
        var pages = new List<YearPage>();
        for (var i = 0; i < texts.Length;)
        {
            var j = i;
            while (j < texts.Length && texts[j].Date.Year == texts[i].Date.Year) j++;
            var count = (j - i + TextsPerYearPage - 1) / TextsPerYearPage;
            for (var n = 0; n < count; n++)
                pages.Add(new YearPage(texts[i].Date.Year, n + 1, count, i + n * TextsPerYearPage, Math.Min(TextsPerYearPage, j - i - n * TextsPerYearPage)));
            i = j;
        }
        return pages;
    }

    /// <summary>The years of the corpus with their texts, each linked to its first page.</summary>
    private List<YearLinkView> YearLinks() =>
        [.. _yearPages.Where(p => p.Number == 1).Select(p => new YearLinkView(Year(p.Year), _yearPages.Where(q => q.Year == p.Year).Sum(q => q.Count), _urls.Year(p.Year, 1)))];

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The months a page's texts span, as its link names them: "Mar 2019", "Mar–Jun 2019", "Nov 2019–Feb 2020".</summary>
    private static string Months(DateOnly from, DateOnly to)
    {
        static string Month(DateOnly d) => d.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        return Month(from) == Month(to) ? Month(from)
            : from.Year == to.Year ? $"{from.ToString("MMM", CultureInfo.InvariantCulture)}–{Month(to)}" : $"{Month(from)}–{Month(to)}";
    }

    private OutputFile? HomePage()
    {
        var texts = _site.Site.Texts;
        var listed = ByYear ? texts.Reverse().Take(LatestOnHome) : texts;
        var model = new HomeView(
            _prose.Html(_site.Site.Info.Introduction),
            [.. listed.Select(t => _texts[t.Slug])],
            texts.Length,
            ByYear ? YearLinks() : [],
            _site.Site.Concepts.Length);
        var info = _site.Site.Info;
        return Page("home.html", _urls.Home, new PageView(info.Title, info.Description, _urls.Home, _urls.Absolute(_urls.Home), "home"), model);
    }

    /// <summary>One page of a year's texts, in date order.</summary>
    private OutputFile? YearTextsPage(YearPage page)
    {
        var texts = _site.Site.Texts;
        var ofYear = _yearPages.Where(p => p.Year == page.Year).ToList();
        var links = ofYear.Select(p => new PageLinkView(TextMarkup.Number(p.Number), _urls.Year(p.Year, p.Number),
            Months(texts[p.From].Date, texts[p.From + p.Count - 1].Date))).ToList();
        var at = _yearPages.IndexOf(page);
        string? Step(int i) => i >= 0 && i < _yearPages.Count ? _urls.Year(_yearPages[i].Year, _yearPages[i].Number) : null;
        var view = new YearPageView(Year(page.Year), links[page.Number - 1], page.Number, page.PageCount, ofYear.Sum(p => p.Count),
            Step(at - 1), Step(at + 1), page.PageCount > 1 ? links : [],
            [.. texts.Skip(page.From).Take(page.Count).Select(t => _texts[t.Slug])], YearLinks());
        var url = _urls.Year(page.Year, page.Number);
        var title = page.PageCount == 1 ? $"Texts of {Year(page.Year)}" : $"Texts of {Year(page.Year)}, {view.Current.Label}";
        return Page("year.html", url, new PageView(title, $"The {view.Total} texts of {Year(page.Year)} in {_site.Site.Info.Title}, in date order.", url, _urls.Absolute(url), "home"),
            new YearTemplateView(view));
    }

    /// <summary>Notes by text, on pages of about <see cref="AnnotationsPerPage"/> (a text's notes are not split).</summary>
    private static List<List<string>> AnnotationPagesOf(ImmutableArray<Text> texts, IReadOnlyDictionary<string, int> counts)
    {
        var pages = new List<List<string>>();
        if (counts.Values.Sum() <= AnnotationsOnIndex)
        {
            pages.Add([.. texts.Where(t => counts.ContainsKey(t.Slug)).Select(t => t.Slug)]);
            return pages;
        }
        var onPage = 0;
        foreach (var text in texts)
        {
            if (!counts.TryGetValue(text.Slug, out var n)) continue;
            if (pages.Count == 0 || onPage > 0 && onPage + n > AnnotationsPerPage) { pages.Add([]); onPage = 0; }
            pages[^1].Add(text.Slug);
            onPage += n;
        }
        return pages;
    }

    /// <summary>Page <paramref name="number"/> (1-based) of the notes, text by text; the first is the notes page itself.</summary>
    private OutputFile? AnnotationIndexPage(int number)
    {
        var slugs = _annotationPages[number - 1];
        var notes = slugs.SelectMany(s => _annotationViewsByText[s]).ToList();
        var byText = slugs.Select(s => new AnnotationGroupView(_texts[s].Title, "text-" + s, _annotationViewsByText[s], _texts[s])).ToList();
        var byKind = Enum.GetValues<NoteKind>()
            .Select(k => new AnnotationGroupView(Vocabulary.NoteKinds.Label(k), "kind-" + Vocabulary.NoteKinds.Word(k), notes.Where(n => n.Kind == Vocabulary.NoteKinds.Word(k)).ToList(), null))
            .Where(g => g.Annotations.Count > 0).ToList();
        var pageCount = _annotationPages.Count;
        var links = pageCount == 1 ? [] : _annotationPages.Select((p, i) =>
            new PageLinkView(TextMarkup.Number(i + 1), _urls.AnnotationsPage(i + 1), Months(_site.TextOf(p[0]).Date, _site.TextOf(p[^1]).Date))).ToList();
        var model = new AnnotationIndexView(_annotationViews.Count, notes, byText, byKind, _urls.AnnotationExport, number, links,
            number > 1 ? _urls.AnnotationsPage(number - 1) : null, number < pageCount ? _urls.AnnotationsPage(number + 1) : null);
        var url = _urls.AnnotationsPage(number);
        var title = pageCount == 1 ? "Notes" : $"Notes, page {number} of {pageCount}";
        return Page("annotations.html", url, new PageView(title, $"The editors’ {_annotationViews.Count} notes on the texts of {_site.Site.Info.Title}: corrections, context and translation, by text and by kind.",
            url, _urls.Absolute(url), "annotations"), model);
    }
}
