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

/// <summary>A text's mentions of a concept in context: a group of lines under the text's title (on a concept's page and the pages of its mentions).</summary>
internal static class MentionGroups
{
    public static void Write(RenderContext r, System.Text.StringBuilder html, ImmutableArray<Mention> mentions, PageRun run, int total, int shown, string? allUrl)
    {
        var text = r.Site.TextOf(run.Group);
        var lines = new System.Text.StringBuilder();
        for (var i = run.From; i < run.From + shown; i++)
        {
            var m = mentions[i];
            var words = m.InHeading ? text.Headings[m.Number - 1].PlainText : text.Paragraphs[m.Number - 1].PlainText;
            var line = KeywordInContext.Of(words, m.Start, m.End);
            if (i > run.From) lines.Append('\n');
            lines.Append(r.Templates.Render("partials/mention-line.html", new MentionLineView(r.Urls.Place(m), RenderContext.PlaceLabel(m), line.Left, line.Match, line.Right), r.Diagnostics));
        }
        var summary = r.Texts[run.Group];
        html.Append(r.Templates.Render("partials/mention-group.html", new MentionGroupView(run.First ? "in-" + run.Group : null, summary.Url, summary.Title,
            summary.DateIso, summary.DateDisplay, summary.Author, TextMarkup.Number(total), total == 1, !run.First, lines.ToString(), allUrl), r.Diagnostics)).Append('\n');
    }
}
