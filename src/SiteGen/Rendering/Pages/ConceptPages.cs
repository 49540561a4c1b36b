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
/// beyond, the mentions by year, a sample spread across the years, every mention read in the browser from the concept's
/// concordance (<see cref="ConcordanceFiles"/>), and the first page of the table of its texts (<see cref="ConceptTextPages"/>).
/// </summary>
internal sealed class ConceptPages(RenderContext r) : IPageKind
{
    /// <summary>Up to this many texts in the corpus, a concept's chart has a bar per text; beyond, a bar per year.</summary>
    internal const int ChartBarsPerText = 60;

    public IEnumerable<PlannedFile> Plan()
    {
        foreach (var concept in r.Content.Concepts)
            yield return new(r.Urls.FileFor(r.Urls.Concept(concept.Id)), InputsOf(concept), () => Page(concept));
    }

    /// <summary>The runs of mentions the page shows in context: every text's, or one run per mention of the sample.</summary>
    private IEnumerable<PageRun> Shown(string conceptId)
    {
        var byText = r.Site.Lists.MentionsByText[conceptId];
        if (!r.Site.Lists.IsSummarised(conceptId)) return byText.Runs;
        var mentions = r.Site.MentionsByConcept[conceptId];
        return r.Site.Lists.MentionSamples[conceptId].Select(i => new PageRun(mentions[i].Slug, i, 1, 0, false));
    }

    private ImmutableArray<string> InputsOf(Concept concept)
    {
        var notes = r.Site.NotesByConcept[concept.Id];
        var others = r.Site.CoMentions[concept.Id].Take(8).Select(c => c.ConceptId).Concat(concept.Related.Select(c => c.Value))
            .Where(r.Concepts.ContainsKey).Distinct(StringComparer.Ordinal);
        return [.. RenderContext.PageInputs, Inputs.Concept(concept.Id), Inputs.Registry, Inputs.TextList, Inputs.NoteList, Inputs.Mentions(concept.Id),
            .. others.Select(Inputs.Mentions),
            .. Shown(concept.Id).Select(run => run.Group).Concat(notes.Select(n => n.Paragraph.Slug)).Distinct(StringComparer.Ordinal).Select(Inputs.Text),
            .. notes.Select(n => Inputs.Note(n.Note.Id))];
    }

    private OutputFile? Page(Concept concept)
    {
        var mentions = r.Site.MentionsByConcept[concept.Id];
        var summarised = r.Site.Lists.IsSummarised(concept.Id);
        var perText = r.Site.Lists.MentionsByText[concept.Id].SizeOfGroup;
        var groups = new StringBuilder();
        foreach (var run in Shown(concept.Id))
            if (summarised) MentionGroups.Write(r, groups, mentions, run, perText[run.Group], 1, r.MentionsIn(concept.Id, run.Group), inSample: true);
            else MentionGroups.Write(r, groups, mentions, run, run.Count, run.Count, null);
        AppearanceView? Appearance(Mention? m) => m is null ? null : new AppearanceView(r.Texts[m.Slug], RenderContext.PlaceLabel(m), r.Urls.Place(m));
        var texts = r.Content.Texts;
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
            summarised,
            r.Site.Lists.MentionSamples[concept.Id].Length,
            summarised ? years : [],
            summarised ? ConceptTextPages.Rows(r, concept.Id, 1) : [],
            r.TextPageLinks[concept.Id],
            summarised ? r.Urls.Concordance(concept.Id) : null,
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
