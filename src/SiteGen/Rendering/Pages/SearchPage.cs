using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The search page (<c>search/</c>): the box and the results, filled in the browser from the index.</summary>
internal sealed class SearchPage(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var url = r.Urls.Search;
        yield return new(r.Urls.FileFor(url), RenderContext.PageInputs, () =>
            r.Composer.Page("search.html", r.Head("Search", $"Search the texts, concepts and notes of {r.Info.Title}.", url, "search"), new SearchView()));
    }
}
