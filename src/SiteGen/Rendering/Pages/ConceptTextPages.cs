using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// The pages of a concept's table of texts after the first (<c>concepts/&lt;id&gt;/texts/&lt;n&gt;/</c>), for a concept
/// with too many mentions to list: each text with its date, its mentions of the concept and a link to the first.
/// </summary>
internal sealed class ConceptTextPages(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        foreach (var concept in r.Content.Concepts)
        {
            var plan = r.Site.Lists.TextPages[concept.Id];
            for (var n = 2; n <= plan.Pages; n++)
            {
                var number = n;
                yield return new(r.Urls.FileFor(r.Urls.ConceptTexts(concept.Id, number)),
                    [.. RenderContext.PageInputs, Inputs.Concept(concept.Id), Inputs.Mentions(concept.Id), Inputs.TextList],
                    () => Page(concept, number));
            }
        }
    }

    /// <summary>The rows of page <paramref name="number"/> of a concept's table of texts.</summary>
    internal static List<ConceptTextView> Rows(RenderContext r, string conceptId, int number)
    {
        var mentions = r.Site.MentionsByConcept[conceptId];
        var byText = r.Site.Lists.MentionsByText[conceptId];
        return [.. r.Site.Lists.TextPages[conceptId].On(number).Select(row =>
        {
            var run = byText.Runs[row.From];
            return new ConceptTextView(r.Texts[run.Group], run.Count, r.Urls.Place(mentions[run.From]), "in-" + run.Group);
        })];
    }

    private OutputFile? Page(Concept concept, int number)
    {
        var plan = r.Site.Lists.TextPages[concept.Id];
        var runs = plan.On(number).ToList();
        var pages = r.TextPageLinks[concept.Id];
        var first = runs[0].From + 1;
        var last = runs[^1].From + runs[^1].Count;
        var total = r.Site.Lists.MentionsByText[concept.Id].Runs.Length;
        var view = new ConceptTextsPageView(r.Concepts[concept.Id], pages[number - 1], number, plan.Pages, first, last, total,
            pages[number - 2].Url, number < plan.Pages ? pages[number].Url : null, pages, Rows(r, concept.Id, number));
        var title = $"{concept.Title}: texts {first}–{last}";
        var description = $"Texts {first} to {last} of the {total} that mention {concept.Title} in {r.Info.Title} ({pages[number - 1].Label}), with their mentions.";
        return r.Composer.Page("concept-texts.html", r.Head(title, description, r.Urls.ConceptTexts(concept.Id, number), "concepts"), new ConceptTextsTemplateView(view));
    }
}
