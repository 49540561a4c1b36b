using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The glossary (<c>glossary/</c>): every concept in English and Chinese, with pinyin and how often the texts use it.</summary>
internal sealed class GlossaryPage(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        yield return new(r.Urls.FileFor(r.Urls.Glossary), [.. RenderContext.PageInputs, .. r.EveryConceptInputs], Page);
    }

    private OutputFile? Page()
    {
        var all = r.ConceptsAToZ();
        return r.Composer.Page("glossary.html", r.Head("Glossary", $"The {all.Count} concepts of {r.Info.Title} in English and Chinese, with pinyin and how often the texts use them.",
            r.Urls.Glossary, "concepts"), new GlossaryView(all, r.Content.Texts.Length, all.Count(c => c.Chinese is not null)));
    }
}
