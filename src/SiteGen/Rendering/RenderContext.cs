using System.Globalization;
using System.Security.Cryptography;
using SiteGen.Diagnostics;
using SiteGen.Exports;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering;

/// <summary>
/// What every page kind reads: the analysed site, its addresses, the templates, and the views that many pages share,
/// each made once (a text's or a concept's summary, a note rendered, a concept's commentary rendered). It derives no
/// relation of the corpus: those are the analysis's (<see cref="AnalysedSite"/>).
/// </summary>
internal sealed class RenderContext
{
    public AnalysedSite Site { get; }
    /// <summary>What was read from content/: the texts, the concepts, the notes and the settings.</summary>
    public Site Content => Site.Site;
    public SiteInfo Info => Content.Info;
    public Urls Urls { get; }
    public TemplateSet Templates { get; }
    public DiagnosticBag Diagnostics { get; }
    public PageComposer Composer { get; }
    public IReadOnlyList<OutputFile> Assets { get; }
    public FrozenDictionary<string, TextSummaryView> Texts { get; }
    public FrozenDictionary<string, ConceptSummaryView> Concepts { get; }
    public ProseMarkup Prose { get; }
    public TextMarkup Markup { get; }
    /// <summary>Each note's body and sources, rendered once for every page that shows it.</summary>
    public Func<Note, string> NoteHtml { get; }
    /// <summary>Each note as lists show it, by id.</summary>
    public FrozenDictionary<string, NoteView> Notes { get; }
    /// <summary>The pages of each concept's mentions, named by the dates of their texts.</summary>
    /// <summary>The pages of each concept's table of texts (none for a concept whose page lists every mention).</summary>
    public FrozenDictionary<string, List<PageLinkView>> TextPageLinks { get; }

    /// <summary>What every page reads: the site's settings, the layout and partials, and the assets it links.</summary>
    public static readonly ImmutableArray<string> PageInputs = [Inputs.Site, Inputs.Templates, Inputs.Assets];

    /// <summary>What a page that lists every concept with its figures reads, besides <see cref="PageInputs"/>.</summary>
    public ImmutableArray<string> EveryConceptInputs => [Inputs.Registry, Inputs.TextList, .. Content.Concepts.Select(c => Inputs.Mentions(c.Id))];

    /// <summary>Every concept, A–Z by title (then id).</summary>
    public List<ConceptSummaryView> ConceptsAToZ() => Content.Concepts.Select(c => Concepts[c.Id])
        .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    public RenderContext(AnalysedSite site, TemplateSet templates, IReadOnlyList<OutputFile> assets, DiagnosticBag diagnostics)
    {
        Site = site;
        Templates = templates;
        Diagnostics = diagnostics;
        Assets = assets;
        Urls = new Urls(site.Site.Info);
        var info = site.Site.Info;
        var siteView = new SiteView(info.Title, info.Description, info.Language, info.Repository, Urls.BasePath,
            AssetUrl("site.css"), AssetUrl("site.js"), AssetUrl("search.js"), Urls.Search, info.Editors,
            AssetUrl("favicon.svg"), HasFeed ? Urls.Feed : null, Urls.Timeline);
        Composer = new PageComposer(templates, Urls, siteView, diagnostics);
        Texts = site.Site.Texts.ToFrozenDictionary(t => t.Slug, TextSummary, StringComparer.Ordinal);
        Concepts = site.Site.Concepts.ToFrozenDictionary(c => c.Id, ConceptSummary, StringComparer.Ordinal);
        var titles = site.Site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var inline = new InlineTags(templates, diagnostics);
        Prose = new ProseMarkup(templates, inline, id => titles.TryGetValue(id, out var title) ? (Urls.Concept(id), title) : null, diagnostics);
        var noteHtml = site.Notes.AsParallel().AsOrdered()
            .Select(a => (a.Note.Id, Html: Prose.Html(a.Note.Body) + Sources(a.Note.Sources, url => url)))
            .ToDictionary(x => x.Id, x => x.Html, StringComparer.Ordinal);
        NoteHtml = a => noteHtml[a.Id];
        _feedProse = new ProseMarkup(templates, inline, id => titles.TryGetValue(id, out var title) ? (Urls.Concept(id), title) : null, diagnostics, AwayFromTheSite);
        Markup = new TextMarkup(site, templates, inline, Urls, slug => Texts[slug], id => Concepts[id].Title, NoteHtml, diagnostics);
        Notes = site.Notes.Select(ViewOf).ToFrozenDictionary(v => v.Id, StringComparer.Ordinal);
        TextPageLinks = site.Site.Concepts.ToFrozenDictionary(c => c.Id, c => TextPages(c.Id), StringComparer.Ordinal);
        _yearLinks = new(() => [.. site.Lists.YearPages.GroupBy(p => p.Year)
            .Select(g => new YearLinkView(Year(g.Key), g.Sum(p => p.Count), Urls.Year(g.Key, 1)))]);
    }

    /// <summary>A text as a work to cite (<see cref="Citations"/>), worked out once for its page, its citation files and the feed.</summary>
    public Citations.Work CitationOf(string slug) => _citations.GetOrAdd(slug, s => Citations.Of(Site.TextOf(s), Info, Urls));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Citations.Work> _citations = new(StringComparer.Ordinal);

    private readonly ProseMarkup _feedProse;

    /// <summary>A link as a reader away from the site follows it (in a feed reader): the site's own addresses made absolute.</summary>
    private string AwayFromTheSite(string url) => url.StartsWith(Urls.BasePath, StringComparison.Ordinal) ? Urls.Absolute(url) : url;

    /// <summary>A note's body and sources for the feed, read away from the site: its links to the site's pages absolute.</summary>
    public string FeedNoteHtml(Note note) => _feedProse.Html(note.Body) + Sources(note.Sources, AwayFromTheSite);

    public string TitleOf(string conceptId) => Concepts.TryGetValue(conceptId, out var c) ? c.Title : conceptId;

    /// <summary>The feed is written when asked for, or by default when the published address is known (it needs absolute links).</summary>
    public bool HasFeed => Urls.Published is not null && (Info.Feed ?? true);

    /// <summary>A page's head: its title and description, its address, and the section of the site it is in.</summary>
    public PageView Head(string title, string description, string url, string section) => new(title, description, url, Urls.Absolute(url), section);

    /// <summary>Where a note is on the notes pages.</summary>
    public string Permalink(Note a) => Urls.AnnotationPermalink(a.TextSlug, a.Name, Site.Lists.NotePages.PageOfGroup.GetValueOrDefault(a.TextSlug, 1));

    /// <summary>Where a concept's mentions in one text are listed: on its page, or the text's row in the table of its texts.</summary>
    public string MentionsIn(string conceptId, string slug)
    {
        var page = Site.Lists.TextPages[conceptId].PageOfGroup.GetValueOrDefault(slug, 1);
        return Urls.ConceptTexts(conceptId, page) + "#in-" + slug;
    }

    /// <summary>A concept's mentions by year: how many texts, how many mentions, and where the year's mentions start.</summary>
    public List<ConceptYearView> YearsOf(string conceptId)
    {
        var plan = Site.Lists.MentionsByText[conceptId];
        return plan.Runs.GroupBy(r => Site.TextOf(r.Group).Date.Year)
            .Select(g => new ConceptYearView(Year(g.Key), g.Count(), g.Sum(r => plan.SizeOfGroup[r.Group]), MentionsIn(conceptId, g.First().Group)))
            .ToList();
    }

    /// <summary>The years of the corpus with their texts, each linked to its first page (empty unless the texts are listed by year).</summary>
    public List<YearLinkView> YearLinks() => _yearLinks.Value;

    private readonly Lazy<List<YearLinkView>> _yearLinks;

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The months a page's texts span, as its link names them: "Mar 2019", "Mar–Jun 2019", "Nov 2019–Feb 2020".</summary>
    public static string Months(DateOnly from, DateOnly to)
    {
        static string Month(DateOnly d) => d.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        return Month(from) == Month(to) ? Month(from)
            : from.Year == to.Year ? $"{from.ToString("MMM", CultureInfo.InvariantCulture)}–{Month(to)}" : $"{Month(from)}–{Month(to)}";
    }

    /// <summary>A mention's place as readers cite it.</summary>
    public static string PlaceLabel(Mention m) => m.InHeading ? "heading" : "¶" + m.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pages of a concept's table of texts, each named by the dates of its texts.</summary>
    private List<PageLinkView> TextPages(string conceptId)
    {
        var plan = Site.Lists.TextPages[conceptId];
        var pages = new List<PageLinkView>(plan.Pages);
        for (var n = 1; n <= plan.Pages; n++)
        {
            var runs = plan.On(n).ToList();
            pages.Add(new PageLinkView(TextMarkup.Number(n), Urls.ConceptTexts(conceptId, n), Months(Site.TextOf(runs[0].Group).Date, Site.TextOf(runs[^1].Group).Date)));
        }
        return pages;
    }

    private NoteView ViewOf(AnchoredNote anchor)
    {
        var a = anchor.Note;
        var concepts = a.Concepts.Select(c => c.Value).Concat(a.Links.Select(l => l.Value)).Distinct(StringComparer.Ordinal)
            .Where(Concepts.ContainsKey).Select(id => Concepts[id]).ToList();
        return new NoteView(a.Id, anchor.Number, Vocabulary.NoteKinds.Word(a.Kind), Vocabulary.NoteKinds.Label(a.Kind),
            Site.TextOf(a.TextSlug).Paragraphs[anchor.Paragraph.Number - 1].PlainText[anchor.Start..anchor.End],
            a.Correction is { } c ? Markup.Correction(c) : "",
            NoteHtml(a), Urls.AnnotationInText(a.TextSlug, a.Name), Permalink(a),
            anchor.Paragraph.Number, Texts[a.TextSlug], concepts);
    }

    private TextSummaryView TextSummary(Text text) => new(
        text.Slug, text.Title, Urls.Text(text.Slug), Dates.Iso(text.Date), Dates.Display(text.Date), Year(text.Date.Year),
        text.Author, Vocabulary.TextKinds.Word(text.Kind), text.Venue, text.Summary, text.Paragraphs.Length,
        text.Speaker, text.Original?.Title, text.Original?.Language ?? "zh");

    private ConceptSummaryView ConceptSummary(Concept concept) =>
        new(concept.Id, concept.Title, Urls.Concept(concept.Id), Vocabulary.ConceptCategories.Word(concept.Category),
            Vocabulary.ConceptCategories.Label(concept.Category), Site.MentionsByConcept[concept.Id].Length, Site.TextCountByConcept[concept.Id],
            concept.Chinese, concept.Pinyin);

    /// <summary>The works a note rests on, under the note (<c>partials/sources.html</c>); empty when it names none.</summary>
    private string Sources(ImmutableArray<Source> sources, Func<string, string> address) => sources.IsEmpty ? "" :
        Templates.Render("partials/sources.html",
            new SourcesView(sources.Select(s => new SourceView(s.Title, s.Publication.Publisher, DateView.Of(s.Publication.Date), s.Publication.Url is { } url ? address(url) : null)).ToList()), Diagnostics) ?? "";

    /// <summary>Asset URLs carry a hash of the file, so browsers never keep a stale stylesheet.</summary>
    private string AssetUrl(string name)
    {
        var file = Assets.FirstOrDefault(a => a.Path == "assets/" + name);
        var version = file is null ? "" : "?v=" + Convert.ToHexStringLower(SHA256.HashData(file.Content))[..10];
        return Urls.Asset(name) + version;
    }
}
