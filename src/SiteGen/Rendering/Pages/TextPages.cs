using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Exports;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// A page per text (<c>texts/&lt;slug&gt;/</c>): its provenance, its numbered body with the mentions linked, the notes
/// beside their passages and the related passages of other texts, and how to cite it.
/// </summary>
internal sealed class TextPages(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var texts = r.Content.Texts;
        for (var i = 0; i < texts.Length; i++)
        {
            var index = i;
            yield return new(r.Urls.FileFor(r.Urls.Text(texts[i].Slug)), InputsOf(index), () => Page(index));
        }
    }

    private ImmutableArray<string> InputsOf(int index)
    {
        var texts = r.Content.Texts;
        var text = texts[index];
        var inputs = new List<string>(RenderContext.PageInputs)
        {
            Inputs.Text(text.Slug), Inputs.TextList, Inputs.Registry, Inputs.Related(text.Slug), Inputs.NoteList,
        };
        if (index > 0) inputs.Add(Inputs.Text(texts[index - 1].Slug));
        if (index < texts.Length - 1) inputs.Add(Inputs.Text(texts[index + 1].Slug));
        inputs.AddRange(r.Site.NotesByText.GetValueOrDefault(text.Slug, []).Select(n => Inputs.Note(n.Note.Id)));
        return [.. inputs];
    }

    private OutputFile? Page(int index)
    {
        var texts = r.Content.Texts;
        var text = texts[index];
        var provenance = new ProvenanceView(
            DateView.Of(text.Delivered),
            text.Original is { } o ? PublicationView.Of(o.Publication, o.Archived) : null,
            text.Source is { } s && (!s.Publication.IsEmpty || s.Archived is not null) ? PublicationView.Of(s.Publication, s.Archived) : null,
            text.Source?.Translator, text.Source?.Note);
        var mentions = text.Headings
            .SelectMany(h => r.Site.MentionsByHeading.TryGetValue(new HeadingRef(text.Slug, h.Number), out var m) ? m : [])
            .Concat(text.Paragraphs.SelectMany(p => r.Site.MentionsByParagraph.TryGetValue(new ParagraphRef(text.Slug, p.Number), out var m) ? m : []))
            .ToList();
        var concepts = mentions.GroupBy(m => m.ConceptId)
            .Select(g => new TextConceptView(r.Concepts[g.Key], g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Concept.Title, StringComparer.Ordinal)
            .ToList();
        var view = new TextView(
            r.Texts[text.Slug],
            provenance,
            PageComposer.Bulk,
            index > 0 ? r.Texts[texts[index - 1].Slug] : null,
            index < texts.Length - 1 ? r.Texts[texts[index + 1].Slug] : null,
            concepts,
            string.Join('\n', concepts.Select(c => r.Templates.Render("partials/concept-chip.html",
                new ConceptChipView(c.Concept.Url, c.Concept.Title, TextMarkup.Number(c.Count), c.Count == 1), r.Diagnostics))),
            mentions.Count,
            r.Site.NotesByText.GetValueOrDefault(text.Slug, []).Length,
            r.Site.Lists.NotePages.PageOfGroup.TryGetValue(text.Slug, out var notesPage) ? r.Urls.AnnotationsPage(notesPage) + "#text-" + text.Slug : null);
        var url = r.Urls.Text(text.Slug);
        var description = text.Summary ?? $"{text.Title} ({Dates.Display(text.Date)})";
        var work = r.CitationOf(text.Slug);
        var (before, edition, after) = Citations.Plain(work);
        var cite = new CiteView(before, edition, after, work.Url, r.Urls.TextBibTeX(text.Slug), r.Urls.TextCslJson(text.Slug));
        return r.Composer.Page("text.html", new PageView(text.Title, description, url, r.Urls.Absolute(url), "texts", r.Urls.TextAnnotationExport(text.Slug),
            "article", [.. Citations.Highwire(work).Select(m => new MetaView(m.Name, m.Content))], Citations.JsonLd(work)), new TextPageView(view, cite), r.Markup.Body(text));
    }
}
