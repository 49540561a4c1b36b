using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The page shown for an address the site does not have (<c>404.html</c>).</summary>
internal sealed class NotFoundPage(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var url = r.Urls.BasePath + "404.html";
        yield return new(r.Urls.FileFor(url), RenderContext.PageInputs, () =>
            r.Composer.Page("404.html", new PageView("Page not found", "This page does not exist.", url, r.Urls.Absolute(url), "none"), new NotFoundView()));
    }
}
