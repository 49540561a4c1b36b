using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;
using SiteGen.TextRules;

namespace SiteGen.Rendering.Pages;

/// <summary>The pages of a concept's mentions when its page cannot hold them all (<c>concepts/&lt;id&gt;/mentions/&lt;n&gt;/</c>): every one in context, whole texts in reading order.</summary>
internal sealed class MentionPages(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        foreach (var concept in r.Site.Site.Concepts)
        {
            var plan = r.Site.Lists.MentionPages[concept.Id];
            for (var n = 1; n <= plan.Pages; n++)
            {
                var number = n;
                yield return new(r.Urls.FileFor(r.Urls.ConceptMentions(concept.Id, number)),
                    [.. RenderContext.PageInputs, Inputs.Concept(concept.Id), Inputs.Mentions(concept.Id), Inputs.TextList,
                     .. plan.On(number).Select(run => run.Group).Distinct(StringComparer.Ordinal).Select(Inputs.Text)],
                    () => Page(concept, number));
            }
        }
    }

    private OutputFile? Page(Concept concept, int number)
    {
        var mentions = r.Site.MentionsByConcept[concept.Id];
        var plan = r.Site.Lists.MentionPages[concept.Id];
        var runs = plan.On(number).ToList();
        var groups = new System.Text.StringBuilder();
        foreach (var run in runs) MentionGroups.Write(r, groups, mentions, run, plan.SizeOfGroup[run.Group], run.Count, null);
        var pages = r.MentionPageLinks[concept.Id];
        var first = runs[0].From + 1;
        var last = runs[^1].From + runs[^1].Count;
        var view = new MentionsPageView(r.Concepts[concept.Id], pages[number - 1], number, plan.Pages, first, last, mentions.Length,
            number > 1 ? pages[number - 2].Url : null, number < plan.Pages ? pages[number].Url : null, pages, PageComposer.Bulk);
        var title = $"{concept.Title}: mentions {first}–{last}";
        var description = $"Mentions {first} to {last} of the {mentions.Length} of {concept.Title} in the texts of {r.Info.Title}, in context ({pages[number - 1].Label}).";
        return r.Composer.Page("concept-mentions.html", r.Head(title, description, r.Urls.ConceptMentions(concept.Id, number), "concepts"), new MentionsPageTemplateView(view), groups.ToString());
    }
}
