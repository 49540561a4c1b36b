using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>Beyond the home page's list, each year's texts in date order (<c>years/&lt;year&gt;/</c>, then <c>years/&lt;year&gt;/&lt;n&gt;/</c>).</summary>
internal sealed class YearPages(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var texts = r.Content.Texts;
        var pages = r.Site.Lists.YearPages;
        for (var i = 0; i < pages.Length; i++)
        {
            var at = i;
            var page = pages[i];
            yield return new(r.Urls.FileFor(r.Urls.Year(page.Year, page.Number)),
                [.. RenderContext.PageInputs, Inputs.TextList, .. texts.Skip(page.From).Take(page.Count).Select(t => Inputs.Text(t.Slug))], () => Page(at));
        }
    }

    /// <summary>Page <paramref name="at"/> of all the years' pages (a year's pages follow one another).</summary>
    private OutputFile? Page(int at)
    {
        var texts = r.Content.Texts;
        var pages = r.Site.Lists.YearPages;
        var page = pages[at];
        var ofYear = pages.AsSpan(at - (page.Number - 1), page.PageCount).ToArray();
        var links = ofYear.Select(p => new PageLinkView(TextMarkup.Number(p.Number), r.Urls.Year(p.Year, p.Number),
            RenderContext.Months(texts[p.From].Date, texts[p.From + p.Count - 1].Date))).ToList();
        string? Step(int i) => i >= 0 && i < pages.Length ? r.Urls.Year(pages[i].Year, pages[i].Number) : null;
        var year = RenderContext.Year(page.Year);
        var view = new YearPageView(year, links[page.Number - 1], page.Number, page.PageCount, ofYear.Sum(p => p.Count),
            Step(at - 1), Step(at + 1), page.PageCount > 1 ? links : [],
            [.. texts.Skip(page.From).Take(page.Count).Select(t => r.Texts[t.Slug])], r.YearLinks());
        var title = page.PageCount == 1 ? $"Texts of {year}" : $"Texts of {year}, {view.Current.Label}";
        return r.Composer.Page("year.html", r.Head(title, $"The {view.Total} texts of {year} in {r.Info.Title}, in date order.", r.Urls.Year(page.Year, page.Number), "home"),
            new YearTemplateView(view));
    }
}
