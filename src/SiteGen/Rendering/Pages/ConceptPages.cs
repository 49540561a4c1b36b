using System.Globalization;
using System.Text;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// A page per concept (<c>concepts/&lt;id&gt;/</c>): its names, commentary, figures, related concepts and notes, and
/// its mentions in context: all of them, text by text, while they are few (<see cref="SiteLists.MentionsOnConceptPage"/>);
/// beyond, the first in each of its first texts, every one being on the pages of its mentions (<see cref="MentionPages"/>).
/// </summary>
internal sealed class ConceptPages(RenderContext r) : IPageKind
{
    /// <summary>When summarised, a concept page shows the first mention of each of its first this many texts.</summary>
    internal const int FirstMentionsShown = 40;

    /// <summary>Up to this many texts in the corpus, a concept's chart has a bar per text; beyond, a bar per year.</summary>
    internal const int ChartBarsPerText = 60;

    public IEnumerable<PlannedFile> Plan()
    {
        foreach (var concept in r.Site.Site.Concepts)
            yield return new(r.Urls.FileFor(r.Urls.Concept(concept.Id)), InputsOf(concept), () => Page(concept));
    }

    /// <summary>The runs of mentions the page shows: all of them, or the first of each of its first texts.</summary>
    private IEnumerable<PageRun> Shown(PagePlan plan) => plan.Pages == 0 ? plan.Runs : plan.Runs.Where(run => run.First).Take(FirstMentionsShown);

    private ImmutableArray<string> InputsOf(Concept concept)
    {
        var notes = r.Site.NotesByConcept[concept.Id];
        var others = r.Site.CoMentions[concept.Id].Take(8).Select(c => c.ConceptId).Concat(concept.Related.Select(c => c.Value))
            .Where(r.Concepts.ContainsKey).Distinct(StringComparer.Ordinal);
        return [.. RenderContext.PageInputs, Inputs.Concept(concept.Id), Inputs.Registry, Inputs.TextList, Inputs.NoteList, Inputs.Mentions(concept.Id),
            .. others.Select(Inputs.Mentions),
            .. Shown(r.Site.Lists.MentionPages[concept.Id]).Select(run => run.Group).Concat(notes.Select(n => n.Paragraph.Slug)).Distinct(StringComparer.Ordinal).Select(Inputs.Text),
            .. notes.Select(n => Inputs.Note(n.Note.Id))];
    }

    private OutputFile? Page(Concept concept)
    {
        var mentions = r.Site.MentionsByConcept[concept.Id];
        var plan = r.Site.Lists.MentionPages[concept.Id];
        var perText = plan.SizeOfGroup;
        var groups = new StringBuilder();
        foreach (var run in Shown(plan))
        {
            if (plan.Pages == 0) MentionGroups.Write(r, groups, mentions, run, run.Count, run.Count, null);
            else MentionGroups.Write(r, groups, mentions, run, perText[run.Group], 1, perText[run.Group] > 1 ? r.MentionsIn(concept.Id, run.Group) : null);
        }
        AppearanceView? Appearance(Mention? m) => m is null ? null : new AppearanceView(r.Texts[m.Slug], RenderContext.PlaceLabel(m), r.Urls.Place(m));
        var texts = r.Site.Site.Texts;
        var byYear = texts.Length > ChartBarsPerText;
        var years = r.YearsOf(concept.Id);
        var bars = byYear
            ? years.Select(y => new MentionChart.Bar(y.Year, y.Year, y.Mentions)).ToList()
            : texts.Select(t => new MentionChart.Bar(t.Date.ToString("MMM ’yy", CultureInfo.InvariantCulture), $"{t.Title} ({Dates.Display(t.Date)})",
                perText.GetValueOrDefault(t.Slug))).ToList();
        var view = new ConceptView(
            r.Concepts[concept.Id],
            concept.Aliases.Select(a => a.Value)
                .Where(a => FoldedText.Phrase(a) != FoldedText.Phrase(concept.Title)).ToList(),
            r.Prose.Html(concept.Commentary),
            MentionChart.Svg(r.Templates, r.Diagnostics, "chart-" + concept.Id, concept.Title, bars, byYear ? "year" : "text"),
            byYear,
            PageComposer.Bulk,
            r.MentionPageLinks[concept.Id],
            plan.Pages == 0 ? [] : years,
            Math.Min(FirstMentionsShown, perText.Count),
            Appearance(mentions.FirstOrDefault()),
            Appearance(mentions.LastOrDefault()),
            r.Site.CoMentions[concept.Id].Take(8).Select(c => new CoMentionView(r.Concepts[c.ConceptId], c.Paragraphs)).ToList(),
            concept.Related.Where(c => r.Concepts.ContainsKey(c.Value)).Select(c => r.Concepts[c.Value]).ToList(),
            [.. r.Site.NotesByConcept[concept.Id].Select(n => r.Notes[n.Note.Id])]);
        var url = r.Urls.Concept(concept.Id);
        var description = $"{concept.Title}: {mentions.Length} mentions in {perText.Count} of {texts.Length} texts of {r.Info.Title}.";
        return r.Composer.Page("concept.html", r.Head(concept.Title, description, url, "concepts"), new ConceptPageView(view), groups.ToString());
    }
}
