using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering.Body;

/// <summary>
/// What a text page lays over and beside its words, each piece marked up by a partial: a link
/// over every concept mention (<c>partials/mention.html</c>), a highlight over every annotated
/// passage (<c>highlight.html</c>) followed by its correction and numbered marker
/// (<c>correction.html</c>, <c>note-marker.html</c>), the notes of a paragraph in the margin
/// (<c>margin-notes.html</c>) and the passages of other texts on the same concepts
/// (<c>related.html</c>). Markup that depends only on a concept or an annotation is rendered once
/// and reused on every paragraph.
/// </summary>
internal sealed class TextMarkup
{
    private readonly AnalysedSite _site;
    private readonly TemplateSet _templates;
    private readonly DiagnosticBag _diagnostics;
    private readonly Func<ParagraphRef, string> _paragraphUrl;
    private readonly Func<string, TextSummaryView> _textOf;
    private readonly Func<string, string> _conceptTitle;
    private readonly Func<Note, string> _annotationHtml;
    private readonly FrozenDictionary<string, (string Open, string Close)> _mentionTags;
    private readonly FrozenDictionary<string, Decoration> _highlights;

    public TextMarkup(AnalysedSite site, TemplateSet templates, InlineTags inline, Urls urls, Func<string, TextSummaryView> textOf, Func<string, string> conceptTitle,
        Func<Note, string> annotationHtml, DiagnosticBag diagnostics)
    {
        _site = site;
        _templates = templates;
        Inline = inline;
        _diagnostics = diagnostics;
        _paragraphUrl = p => urls.Paragraph(p.Slug, p.Number);
        _textOf = textOf;
        _conceptTitle = conceptTitle;
        _annotationHtml = annotationHtml;
        _mentionTags = site.Site.Concepts.ToFrozenDictionary(c => c.Id,
            c => templates.Wrapper("partials/mention.html", new MentionView(urls.Concept(c.Id), c.Id, TemplateSet.Inner), diagnostics), StringComparer.Ordinal);
        _highlights = site.Notes.ToFrozenDictionary(a => a.Note.Id, Highlight, StringComparer.Ordinal);
    }

    /// <summary>The inline elements' tags, for a paragraph's words.</summary>
    public InlineTags Inline { get; }

    public string Partial(string template, object view) => _templates.Render(template, view, _diagnostics);

    /// <summary>The right reading beside the published words; an empty one means "delete".</summary>
    public string Correction(string reading) => Partial("partials/correction.html", new CorrectionView(reading.Length == 0, reading));

    private Decoration Highlight(AnchoredNote anchor)
    {
        var a = anchor.Note;
        var (open, close) = _templates.Wrapper("partials/highlight.html",
            new HighlightView(Vocabulary.NoteKinds.Word(a.Kind), a.Name, TemplateSet.Inner), _diagnostics);
        var marker = Partial("partials/note-marker.html", new NoteMarkerView(
            a.Correction is { } reading ? Correction(reading) : "", a.Name, Vocabulary.NoteKinds.Label(a.Kind), anchor.Number));
        return new Decoration(anchor.Start, anchor.End, open, close, marker);
    }

    /// <summary>Mentions become quiet links to their concepts; annotated passages are highlighted.</summary>
    public IReadOnlyList<Decoration> Decorations(ParagraphRef key)
    {
        var decorations = new List<Decoration>();
        if (_site.MentionsByParagraph.TryGetValue(key, out var mentions))
            foreach (var m in mentions)
            {
                var (open, close) = _mentionTags[m.ConceptId];
                decorations.Add(new Decoration(m.Start, m.End, open, close, IsLink: true));
            }
        if (_site.NotesByParagraph.TryGetValue(key, out var anchors))
            decorations.AddRange(anchors.Select(a => _highlights[a.Note.Id]));
        return decorations;
    }

    /// <summary>Mentions in a section heading become links too (a heading carries no notes).</summary>
    public IReadOnlyList<Decoration> Decorations(HeadingRef key) =>
        _site.MentionsByHeading.TryGetValue(key, out var mentions)
            ? mentions.Select(m => { var (open, close) = _mentionTags[m.ConceptId]; return new Decoration(m.Start, m.End, open, close, IsLink: true); }).ToList()
            : [];

    /// <summary>The annotations of a paragraph, in reading order, for the margin; empty when it has none.</summary>
    public string MarginAnnotations(ParagraphRef paragraph)
    {
        if (!_site.NotesByParagraph.TryGetValue(paragraph, out var anchors)) return "";
        var annotations = anchors.Select(anchor =>
        {
            var a = anchor.Note;
            return new MarginNoteView(Vocabulary.NoteKinds.Word(a.Kind), a.Name, anchor.Number, Vocabulary.NoteKinds.Label(a.Kind),
                a.Correction is not null, a.Correction ?? "", a.Quote, _annotationHtml(a));
        }).ToList();
        return Partial("partials/margin-notes.html", new MarginNotesView(paragraph.Number, annotations));
    }

    /// <summary>A discreet way from a paragraph to passages of other texts on the same concepts; empty when there are none.</summary>
    public string RelatedPassages(ParagraphRef paragraph)
    {
        if (!_site.RelatedPassages.TryGetValue(paragraph, out var passages)) return "";
        var views = passages.Select(p =>
        {
            var text = _textOf(p.Paragraph.Slug);
            return new RelatedPassageView(_paragraphUrl(p.Paragraph), text.Title, text.Year, Number(p.Paragraph.Number), p.Opening, SharedTitles(p.SharedConceptIds));
        }).ToList();
        // Passages often share the same concepts with this one: then those are named once, above the list.
        var allShare = views.All(v => v.SharedTitles == views[0].SharedTitles) ? views[0].SharedTitles : null;
        if (allShare is not null) views = [.. views.Select(v => v with { SharedTitles = null })];
        return Partial("partials/related.html", new RelatedView(views, allShare));
    }

    /// <summary>The concepts two passages share, by title (the same few sets recur: each is joined once).</summary>
    private string SharedTitles(ImmutableArray<string> ids) =>
        _sharedTitles.GetOrAdd(ids, i => string.Join(", ", i.Select(_conceptTitle)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ImmutableArray<string>, string> _sharedTitles = new();

    /// <summary>A number as a partial writes it.</summary>
    public static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body of one text.</summary>
    public string Body(Text text) => new BodyRenderer(this, text.Slug).Render(text.Blocks);
}
