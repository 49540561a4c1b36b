using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The glossary (<c>glossary/</c>): every concept in English and Chinese, with pinyin and how often the texts use it.</summary>
internal sealed class GlossaryPage(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        yield return new(r.Urls.FileFor(r.Urls.Glossary), [.. RenderContext.PageInputs, Inputs.Registry, Inputs.TextList, .. r.Site.Site.Concepts.Select(c => Inputs.Mentions(c.Id))], Page);
    }

    private OutputFile? Page()
    {
        var all = r.Site.Site.Concepts.Select(c => r.Concepts[c.Id])
            .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return r.Composer.Page("glossary.html", r.Head("Glossary", $"The {all.Count} concepts of {r.Info.Title} in English and Chinese, with pinyin and how often the texts use them.",
            r.Urls.Glossary, "concepts"), new GlossaryView(all, r.Site.Site.Texts.Length, all.Count(c => c.Chinese is not null)));
    }
}
