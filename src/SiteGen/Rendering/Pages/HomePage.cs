using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>The home page: the introduction and the texts (all of them, or the latest and the years beyond <see cref="SiteLists.TextsOnHome"/>).</summary>
internal sealed class HomePage(RenderContext r) : IPageKind
{
    private IEnumerable<Text> Listed => r.Site.Lists.ByYear ? r.Content.Texts.Reverse().Take(SiteLists.LatestOnHome) : r.Content.Texts;

    public IEnumerable<PlannedFile> Plan()
    {
        // The introduction's [[id]] links name concepts: the registry.
        yield return new(r.Urls.FileFor(r.Urls.Home), [.. RenderContext.PageInputs, Inputs.TextList, Inputs.Registry, .. Listed.Select(t => Inputs.Text(t.Slug))], Page);
    }

    private OutputFile? Page()
    {
        var model = new HomeView(
            r.Prose.Html(r.Info.Introduction),
            [.. Listed.Select(t => r.Texts[t.Slug])],
            r.Content.Texts.Length,
            r.Site.Lists.ByYear ? r.YearLinks() : [],
            r.Content.Concepts.Length);
        return r.Composer.Page("home.html", r.Head(r.Info.Title, r.Info.Description, r.Urls.Home, "home"), model);
    }
}
