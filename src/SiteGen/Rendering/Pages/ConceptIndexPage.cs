using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>The concept index (<c>concepts/</c>): every concept, A–Z and by category, with its mentions.</summary>
internal sealed class ConceptIndexPage(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        yield return new(r.Urls.FileFor(r.Urls.Concepts), [.. RenderContext.PageInputs, .. r.EveryConceptInputs], Page);
    }

    private OutputFile? Page()
    {
        var concepts = r.Content.Concepts;
        var all = r.ConceptsAToZ();
        var byLetter = all.GroupBy(c => char.ToUpperInvariant(c.Title[0]))
            .Select(g => new ConceptGroupView(g.Key.ToString(), "letter-" + char.ToLowerInvariant(g.Key), g.ToList())).ToList();
        var byCategory = concepts.GroupBy(c => c.Category).OrderBy(g => g.Key)
            .Select(g => new ConceptGroupView(Vocabulary.ConceptCategories.Label(g.Key), "category-" + Vocabulary.ConceptCategories.Word(g.Key),
                g.Select(c => r.Concepts[c.Id]).OrderByDescending(c => c.MentionCount).ThenBy(c => c.Title, StringComparer.Ordinal).ToList()))
            .ToList();
        var model = new ConceptIndexView(all, byLetter, byCategory, r.Site.Mentions.Length, r.Content.Texts.Length);
        return r.Composer.Page("concepts.html", r.Head("Concepts", $"The {all.Count} recurring concepts of {r.Info.Title}, A–Z and by category, with their mentions across the texts.",
            r.Urls.Concepts, "concepts"), model);
    }
}
