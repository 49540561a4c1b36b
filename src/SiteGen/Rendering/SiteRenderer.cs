using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The third stage: renders every page of the analysed site through the templates, and adds the
/// static assets, all in memory. Pages are independent, so they render in parallel; the result is
/// sorted, so it does not depend on the number of cores.
/// </summary>
internal sealed partial class SiteRenderer
{
    private readonly AnalysedSite _site;
    private readonly TemplateSet _templates;
    private readonly Urls _urls;
    private readonly SiteView _siteView;
    private readonly IReadOnlyDictionary<string, TextSummaryView> _texts;
    private readonly IReadOnlyDictionary<string, ConceptSummaryView> _concepts;
    private readonly Dictionary<string, string> _commentaryHtml;
    private readonly ProseMarkup _prose;
    private readonly TextMarkup _markup;
    private readonly Func<Note, string> _annotationHtml;
    private readonly IReadOnlyList<AnnotationView> _annotationViews;
    private readonly Dictionary<string, List<AnnotationView>> _annotationViewsByText;
    private readonly List<List<string>> _annotationPages;
    private readonly Dictionary<string, int> _annotationPageOfText;
    private readonly List<YearPage> _yearPages;
    private readonly Dictionary<string, ImmutableArray<AnchoredNote>> _anchorsByText;
    private readonly IReadOnlyDictionary<string, int> _annotationCounts;
    private readonly List<OutputFile> _assets;
    private readonly Dictionary<string, MentionLayout> _mentionLayouts;
    private readonly Dictionary<string, List<PageLinkView>> _mentionPages;
    private readonly DiagnosticBag _diagnostics;

    private SiteRenderer(AnalysedSite site, TemplateSet templates, IReadOnlyList<OutputFile> assets, DiagnosticBag diagnostics)
    {
        _site = site;
        _templates = templates;
        _diagnostics = diagnostics;
        _urls = new Urls(site.Site.Info);
        _assets = [.. assets];
        var info = site.Site.Info;
        _siteView = new SiteView(info.Title, info.Description, info.Language, info.Repository, _urls.BasePath,
            AssetUrl("site.css"), AssetUrl("site.js"), AssetUrl("search.js"), _urls.Search, info.Editors,
            AssetUrl("favicon.svg"), HasFeed ? _urls.Feed : null, _urls.Timeline);
        _texts = site.Site.Texts.ToDictionary(t => t.Slug, TextSummary, StringComparer.Ordinal);
        _concepts = site.Site.Concepts.ToDictionary(c => c.Id, ConceptSummary, StringComparer.Ordinal);
        var titles = site.Site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        _prose = new ProseMarkup(templates, id => titles.TryGetValue(id, out var title) ? (_urls.Concept(id), title) : null, diagnostics);
        // Each note is rendered once, then used on every page that shows it.
        var annotationHtml = site.Anchors.AsParallel().AsOrdered()
            .Select(a => (a.Note.Id, Html: _prose.Html(a.Note.Body) + Sources(a.Note.Sources)))
            .ToDictionary(x => x.Id, x => x.Html, StringComparer.Ordinal);
        _annotationHtml = a => annotationHtml[a.Id];
        // Each concept's commentary is rendered once, for its page.
        _commentaryHtml = site.Site.Concepts.AsParallel().AsOrdered()
            .Select(c => (c.Id, Html: _prose.Html(c.Commentary)))
            .ToDictionary(x => x.Id, x => x.Html, StringComparer.Ordinal);
        _markup = new TextMarkup(site, templates, _urls, slug => _texts[slug], id => _concepts[id].Title, _annotationHtml, diagnostics);
        _anchorsByText = site.Anchors.GroupBy(a => a.Paragraph.Slug).ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _annotationCounts = site.Anchors.CountBy(a => a.Note.TextSlug).ToDictionary(StringComparer.Ordinal);
        _annotationPages = AnnotationPagesOf(site.Site.Texts, _annotationCounts);
        _annotationPageOfText = _annotationPages.SelectMany((slugs, i) => slugs.Select(s => (s, Page: i + 1))).ToDictionary(x => x.s, x => x.Page, StringComparer.Ordinal);
        _annotationViews = site.Anchors.Select(AnnotationView).ToList();
        _annotationViewsByText = _annotationViews.GroupBy(n => n.Text.Slug).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _yearPages = site.Site.Texts.Length > TextsOnHome ? YearPagesOf(site.Site.Texts) : [];
        _mentionLayouts = site.Site.Concepts.ToDictionary(c => c.Id, c => LayOut(site.MentionsByConcept[c.Id]), StringComparer.Ordinal);
        _mentionPages = site.Site.Concepts.ToDictionary(c => c.Id, c => MentionPages(c.Id), StringComparer.Ordinal);
    }

    private string TitleOf(string conceptId) => _concepts.TryGetValue(conceptId, out var c) ? c.Title : conceptId;

    /// <summary>The feed is written when asked for, or by default when the published address is known (it needs absolute links).</summary>
    private bool HasFeed => _urls.Published is not null && (_site.Site.Info.Feed ?? true);

    /// <summary>Renders every page and file of the site into <paramref name="sink"/>, each as soon as it is made.</summary>
    public static void Render(AnalysedSite site, TemplateSet templates, IReadOnlyList<OutputFile> assets, IFileSink sink, DiagnosticBag diagnostics) =>
        new SiteRenderer(site, templates, assets, diagnostics).RenderAll(sink);

    private void RenderAll(IFileSink sink)
    {
        var pages = new List<Func<OutputFile?>> { HomePage, NotFoundPage, SearchPage, ConceptIndexPage, GlossaryPage, ConceptPreviews, TimelinePage };
        foreach (var year in _yearPages) pages.Add(() => YearTextsPage(year));
        for (var n = 1; n <= _annotationPages.Count; n++)
        {
            var number = n;
            pages.Add(() => AnnotationIndexPage(number));
        }
        var exportPages = _site.Anchors.Chunk(WebAnnotationExport.PageSize).ToArray();
        for (var n = 0; n < (exportPages.Length <= 1 ? 1 : exportPages.Length + 1); n++)
        {
            var file = n;
            pages.Add(() => AnnotationExport(exportPages, file));
        }
        var texts = _site.Site.Texts;
        for (var i = 0; i < texts.Length; i++)
        {
            var index = i;
            pages.Add(() => TextPage(index));
            pages.Add(() => TextAnnotationExport(index));
            pages.Add(() => TextBibTeX(index));
            pages.Add(() => TextCslJson(index));
        }
        foreach (var concept in _site.Site.Concepts)
        {
            pages.Add(() => ConceptPage(concept));
            for (var n = 1; n <= _mentionLayouts[concept.Id].Pages; n++)
            {
                var number = n;
                pages.Add(() => MentionsPage(concept, number));
            }
        }
        // Pages are independent: they render side by side, each handed on at once, so that none waits in memory.
        var pagePaths = new System.Collections.Concurrent.ConcurrentBag<string>();
        void Emit(OutputFile? file)
        {
            if (file is null) return;
            if (file.Path.EndsWith(".html", StringComparison.Ordinal)) pagePaths.Add(file.Path);
            sink.Add(file);
        }
        Parallel.For(0, pages.Count, i => Emit(pages[i]()));
        foreach (var asset in _assets) Emit(asset);
        if (_urls.Published is not null)
        {
            Emit(Discovery.Sitemap(pagePaths, _urls));
            Emit(Discovery.Robots(_urls));
        }
        if (HasFeed) Emit(Feed());
    }

    private OutputFile? NotFoundPage()
    {
        var url = _urls.BasePath + "404.html";
        return Page("404.html", url, new PageView("Page not found", "This page does not exist.", url, _urls.Absolute(url), "none"), new NotFoundView());
    }

    private OutputFile? SearchPage()
    {
        var url = _urls.Search;
        return Page("search.html", url, new PageView("Search", $"Search the texts, concepts and notes of {_site.Site.Info.Title}.", url, _urls.Absolute(url), "search"),
            new SearchView());
    }

    private OutputFile? TextPage(int index)
    {
        var texts = _site.Site.Texts;
        var text = texts[index];
        var provenance = new ProvenanceView(
            Dates.View(text.Delivered),
            text.Original is { } o ? new PublicationView(o.Publisher, Dates.View(o.Published), o.Url, o.Archived) : null,
            text.Source is { } s && (s.Publisher ?? s.Url ?? s.Archived) is not null || text.Source?.Published is not null
                ? new PublicationView(text.Source!.Publisher, Dates.View(text.Source.Published), text.Source.Url, text.Source.Archived) : null,
            text.Source?.Translator, text.Source?.Note);
        var mentions = text.Headings
            .SelectMany(h => _site.MentionsByHeading.TryGetValue(new HeadingRef(text.Slug, h.Number), out var m) ? m : [])
            .Concat(text.Paragraphs.SelectMany(p => _site.MentionsByParagraph.TryGetValue(new ParagraphRef(text.Slug, p.Number), out var m) ? m : []))
            .ToList();
        var concepts = mentions.GroupBy(m => m.ConceptId)
            .Select(g => new TextConceptView(_concepts[g.Key], g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Concept.Title, StringComparer.Ordinal)
            .ToList();
        var view = new TextView(
            _texts[text.Slug],
            provenance,
            Bulk,
            index > 0 ? _texts[texts[index - 1].Slug] : null,
            index < texts.Length - 1 ? _texts[texts[index + 1].Slug] : null,
            concepts,
            string.Join('\n', concepts.Select(c => _templates.Render("partials/concept-chip.html",
                new ConceptChipMarkup(c.Concept.Url, c.Concept.Title, TextMarkup.Number(c.Count), c.Count == 1), _diagnostics))),
            mentions.Count,
            _annotationCounts.GetValueOrDefault(text.Slug),
            _annotationPageOfText.TryGetValue(text.Slug, out var notesPage) ? _urls.AnnotationsPage(notesPage) + "#text-" + text.Slug : null);
        var url = _urls.Text(text.Slug);
        var description = text.Summary ?? $"{text.Title} ({Dates.Display(text.Date)})";
        var work = Citations.Of(text, _site.Site.Info, _urls);
        var (before, edition, after) = Citations.Plain(work);
        var cite = new CiteView(before, edition, after, work.Url, _urls.TextBibTeX(text.Slug), _urls.TextCslJson(text.Slug));
        return Page("text.html", url, new PageView(text.Title, description, url, _urls.Absolute(url), "texts", _urls.TextAnnotationExport(text.Slug),
            "article", Citations.Highwire(work), Citations.JsonLd(work)), new TextPageView(view, cite), _markup.Body(text));
    }

    private OutputFile? ConceptIndexPage()
    {
        var all = _site.Site.Concepts.Select(c => _concepts[c.Id])
            .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var byLetter = all.GroupBy(c => char.ToUpperInvariant(c.Title[0]))
            .Select(g => new ConceptGroupView(g.Key.ToString(), "letter-" + char.ToLowerInvariant(g.Key), g.ToList())).ToList();
        var byCategory = _site.Site.Concepts.GroupBy(c => c.Category).OrderBy(g => g.Key)
            .Select(g => new ConceptGroupView(Vocabulary.ConceptCategories.Label(g.Key), "category-" + Vocabulary.ConceptCategories.Word(g.Key),
                g.Select(c => _concepts[c.Id]).OrderByDescending(c => c.MentionCount).ThenBy(c => c.Title, StringComparer.Ordinal).ToList()))
            .ToList();
        var model = new ConceptIndexView(all, byLetter, byCategory, _site.Mentions.Length, _site.Site.Texts.Length);
        var url = _urls.Concepts;
        return Page("concepts.html", url, new PageView("Concepts", $"The {all.Count} recurring concepts of {_site.Site.Info.Title}, A–Z and by category, with their mentions across the texts.", url, _urls.Absolute(url), "concepts"), model);
    }

    private OutputFile? GlossaryPage()
    {
        var all = _site.Site.Concepts.Select(c => _concepts[c.Id])
            .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var url = _urls.Glossary;
        return Page("glossary.html", url, new PageView("Glossary", $"The {all.Count} concepts of {_site.Site.Info.Title} in English and Chinese, with pinyin and how often the texts use them.",
            url, _urls.Absolute(url), "concepts"), new GlossaryView(all, _site.Site.Texts.Length, all.Count(c => c.Chinese is not null)));
    }

    /// <summary>Beyond this many texts, the timeline's columns are years rather than texts.</summary>
    internal const int TimelineTextColumns = 60;

    /// <summary>The texts on a dated axis, and where each concept appears over time.</summary>
    private OutputFile? TimelinePage()
    {
        var texts = _site.Site.Texts;
        var byYear = texts.Length > TimelineTextColumns;
        var columns = byYear
            ? texts.Select(t => t.Date.Year).Distinct().Order()
                .Select(y => new TimelineChart.Column(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))).ToList()
            : texts.Select(t => new TimelineChart.Column(t.Slug, t.Date.ToString("MMM ’yy", CultureInfo.InvariantCulture), $"“{t.Title}” ({Dates.Display(t.Date)})")).ToList();
        string ColumnOf(string slug) => byYear ? _site.TextOf(slug).Date.Year.ToString(CultureInfo.InvariantCulture) : slug;
        var index = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rows = _site.Site.Concepts
            .Where(c => _site.MentionsByConcept[c.Id].Length > 0)
            .Select(c =>
            {
                var mentions = _site.MentionsByConcept[c.Id];
                var counts = new int[columns.Count];
                foreach (var m in mentions) counts[index[ColumnOf(m.Slug)]]++;
                var url = _urls.Concept(c.Id);
                // A cell leads to the mentions it counts: those of its text, or the first of its year's texts.
                var years = byYear ? YearsOf(c.Id).ToDictionary(y => y.Year, y => y.Url, StringComparer.Ordinal) : null;
                var cellUrls = columns.Select(col => years is null ? MentionsIn(c.Id, col.Key) : years.GetValueOrDefault(col.Key, url)).ToList();
                var first = _site.TextOf(mentions[0].Slug).Date;
                return (First: first, Row: new TimelineChart.Row(c.Id, c.Title, Vocabulary.ConceptCategories.Word(c.Category), url, counts, cellUrls));
            })
            .OrderBy(r => r.First).ThenBy(r => r.Row.Title, StringComparer.OrdinalIgnoreCase).Select(r => r.Row).ToList();
        // Beyond the home page's list, the axis has a bar per year (its height the year's texts) that opens the year's texts.
        var axis = ByYear
            ? TimelineChart.YearAxis([.. YearLinks().Select(y => new TimelineChart.YearPoint(int.Parse(y.Year, CultureInfo.InvariantCulture), y.Count, y.Url))])
            : TimelineChart.Axis([.. texts.Select(t => new TimelineChart.Point(t.Date, t.Title, Dates.Display(t.Date), _urls.Text(t.Slug)))]);
        var categories = _site.Site.Concepts.Select(c => c.Category).Distinct().Order()
            .Select(k => new CategoryView(Vocabulary.ConceptCategories.Word(k), Vocabulary.ConceptCategories.Label(k))).ToList();
        var years = texts.GroupBy(t => t.Date.Year).OrderBy(g => g.Key)
            .Select(g => new YearView(g.Key.ToString(CultureInfo.InvariantCulture), g.Count(), byYear ? [] : g.Select(t => _texts[t.Slug]).ToList(),
                ByYear ? _urls.Year(g.Key, 1) : null)).ToList();
        var view = new TimelineView(axis, TimelineChart.Heatmap(columns, rows), rows.Count, texts.Length, byYear, categories, years);
        var url = _urls.Timeline;
        return Page("timeline.html", url, new PageView("Timeline", $"The {texts.Length} texts of {_site.Site.Info.Title} in date order, and where each of its {rows.Count} concepts appears over time.",
            url, _urls.Absolute(url), "timeline"), new TimelinePageView(view));
    }

    /// <summary>What a mention's preview shows (<c>concepts/previews.json</c>, read by site.js on the first hover or focus).</summary>
    private OutputFile? ConceptPreviews() =>
        new(_urls.FileFor(_urls.ConceptPreviews), ConceptPreviewData.Write(_site.Site.Concepts.Select(c =>
        {
            var summary = _concepts[c.Id];
            return new ConceptPreviewData.Preview(c.Id, c.Title, c.Chinese, c.Pinyin, ConceptPreviewData.FirstSentence(c.Commentary.FirstParagraph(TitleOf)),
                summary.MentionCount, summary.TextCount);
        })));

    private AnnotationView AnnotationView(AnchoredNote anchor)
    {
        var a = anchor.Note;
        var concepts = a.Concepts.Select(c => c.Value).Concat(a.Links.Select(l => l.Value)).Distinct(StringComparer.Ordinal)
            .Where(_concepts.ContainsKey).Select(id => _concepts[id]).ToList();
        return new AnnotationView(a.Id, anchor.Number, Vocabulary.NoteKinds.Word(a.Kind), Vocabulary.NoteKinds.Label(a.Kind),
            _site.TextOf(a.TextSlug).Paragraphs[anchor.Paragraph.Number - 1].PlainText[anchor.Start..anchor.End],
            a.Correction is { } c ? _markup.Correction(c) : "",
            _annotationHtml(a), _urls.AnnotationInText(a.TextSlug, a.Name), Permalink(a),
            anchor.Paragraph.Number, _texts[a.TextSlug], concepts);
    }

    /// <summary>
    /// The edition's notes as one W3C Web Annotation collection: with its one page inside it while the notes are
    /// few; else the collection (file 0) and its pages of <see cref="WebAnnotationExport.PageSize"/> (files 1…n).
    /// </summary>
    private OutputFile? AnnotationExport(AnchoredNote[][] pages, int file)
    {
        var label = $"Notes of the editors of {_site.Site.Info.Title}";
        if (pages.Length <= 1)
            return new(_urls.FileFor(_urls.AnnotationExport), WebAnnotationExport.Write(_site, _site.Anchors, _urls.AnnotationExport, label, _urls, _annotationHtml, Permalink));
        if (file == 0)
            return new(_urls.FileFor(_urls.AnnotationExport), WebAnnotationExport.Collection(_site.Anchors.Length, pages.Length, _urls.AnnotationExport, label, _urls));
        return new(_urls.FileFor(_urls.AnnotationExportPage(file)),
            WebAnnotationExport.Page(_site, pages[file - 1], file, pages.Length, _urls.AnnotationExport, _urls, _annotationHtml, Permalink));
    }

    /// <summary>Where a note is on the notes pages.</summary>
    private string Permalink(Note a) => _urls.AnnotationPermalink(a.TextSlug, a.Name, _annotationPageOfText.GetValueOrDefault(a.TextSlug, 1));

    /// <summary>A text's notes beside its page (also when it has none, so that every text page links an export).</summary>
    private OutputFile? TextAnnotationExport(int index)
    {
        var text = _site.Site.Texts[index];
        var url = _urls.TextAnnotationExport(text.Slug);
        return new(_urls.FileFor(url), WebAnnotationExport.Write(_site, _anchorsByText.GetValueOrDefault(text.Slug, []), url,
            $"Notes of the editors of {_site.Site.Info.Title} on “{text.Title}”", _urls, _annotationHtml, Permalink));
    }

    private OutputFile? TextBibTeX(int index)
    {
        var text = _site.Site.Texts[index];
        return new(_urls.FileFor(_urls.TextBibTeX(text.Slug)), Encoding.UTF8.GetBytes(Citations.BibTeX(Citations.Of(text, _site.Site.Info, _urls))));
    }

    private OutputFile? TextCslJson(int index)
    {
        var text = _site.Site.Texts[index];
        return new(_urls.FileFor(_urls.TextCslJson(text.Slug)), Citations.CslJson(Citations.Of(text, _site.Site.Info, _urls)));
    }

    /// <summary>The Atom feed: every text, and every editors' note (dated by its own date, or its text's).</summary>
    private OutputFile Feed()
    {
        var info = _site.Site.Info;
        var texts = _site.Site.Texts.Select(t => new Discovery.Entry(_urls.Absolute(_urls.Text(t.Slug)), t.Title, t.Date,
            Citations.Of(t, info, _urls).Creator, t.Summary, null, "text"));
        var notes = _site.Anchors.Select(anchor =>
        {
            var a = anchor.Note;
            var text = _site.TextOf(a.TextSlug);
            var view = _annotationViewsByText[a.TextSlug].First(v => v.Id == a.Id);
            return new Discovery.Entry(_urls.Absolute(Permalink(a)),
                $"{Vocabulary.NoteKinds.Label(a.Kind)} on “{text.Title}”, ¶{anchor.Paragraph.Number}: “{Shorten(view.Quote, 80)}”",
                a.Date ?? text.Date, a.Author, null, AbsoluteLinks(_annotationHtml(a)), "note");
        });
        return Discovery.Feed(info, [.. texts, .. notes], _urls);
    }

    /// <summary>A feed reader shows a note away from the site: its links to the site's pages become absolute.</summary>
    private string AbsoluteLinks(string html) => html.Replace($"href=\"{_urls.BasePath}", $"href=\"{_urls.Absolute(_urls.BasePath)}", StringComparison.Ordinal);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(s.LastIndexOf(' ', max - 1) is > 20 and var i ? i : max - 1)] + "…";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _headers = new(StringComparer.Ordinal);

    /// <summary>A part of the layout that depends on the page's section only (the header), or on nothing of the page (the footer).</summary>
    private string Frame(string partial, PageView page)
    {
        var model = new ScriptObject();
        model.Import(new LayoutView(_siteView, page, _urls.Concepts, _urls.Annotations, _urls.Glossary));
        return _templates.Render(partial, model, _diagnostics) ?? "";
    }

    /// <summary>
    /// What a page's view holds in place of its bulk (a text's body, a concept's mentions), and the layout in place of
    /// the page: the bulk is spliced in after Scriban has rendered the rest, so that it is never copied through
    /// Scriban's output (which costs as much as the page's own markup).
    /// </summary>
    internal const string Bulk = "\u0004";

    /// <summary>Renders a page template, then the layout around it, then splices in <paramref name="bulk"/> where the view says <see cref="Bulk"/>.</summary>
    private OutputFile? Page(string template, string url, PageView page, object view, string? bulk = null)
    {
        // The page's own view and what every page has (the site, the page, the main sections), as the templates' variables.
        var model = new ScriptObject();
        model.Import(view);
        model.Import(new LayoutView(_siteView, page, _urls.Concepts, _urls.Annotations, _urls.Glossary));
        // The header and footer are the same on every page of a section: each is rendered once.
        model["header_html"] = _headers.GetOrAdd(page.Section, section => Frame("partials/header.html", page));
        model["footer_html"] = _headers.GetOrAdd("\0footer", _ => Frame("partials/footer.html", page));
        var content = _templates.Render(template, model, _diagnostics);
        if (content is null) return null;
        model["content"] = Bulk;
        var layout = _templates.Render("layout.html", model, _diagnostics);
        if (layout is null) return null;
        // Where a template writes no mark (a layout without the page, a page without its body), nothing goes.
        var (top, bottom, hasContent) = Cut(layout);
        var (before, after, hasBulk) = Cut(content);
        string[] parts = !hasContent ? [top] : [top, before, hasBulk ? bulk ?? "" : "", after, bottom];
        var utf8 = new UTF8Encoding(false);
        var bytes = new byte[parts.Sum(part => utf8.GetByteCount(part))];
        var at = 0;
        foreach (var part in parts) at += utf8.GetBytes(part, 0, part.Length, bytes, at);
        return new OutputFile(_urls.FileFor(url), bytes);
    }

    /// <summary>What comes before and after the first <see cref="Bulk"/> mark (any other is dropped); line ends as \n.</summary>
    private static (string Before, string After, bool Marked) Cut(string html)
    {
        html = html.Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = html.IndexOf(Bulk, StringComparison.Ordinal);
        return at < 0 ? (html, "", false) : (html[..at], html[(at + 1)..].Replace(Bulk, "", StringComparison.Ordinal), true);
    }

    private TextSummaryView TextSummary(Text text) => new(
        text.Slug, text.Title, _urls.Text(text.Slug), Dates.Iso(text.Date), Dates.Display(text.Date),
        text.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        text.Author, Vocabulary.TextKinds.Word(text.Kind), text.Venue, text.Summary, text.Paragraphs.Length,
        text.Speaker, text.Original?.Title, text.Original?.Language ?? "zh");

    private ConceptSummaryView ConceptSummary(Concept concept)
    {
        var mentions = _site.MentionsByConcept[concept.Id];
        return new ConceptSummaryView(concept.Id, concept.Title, _urls.Concept(concept.Id), Vocabulary.ConceptCategories.Word(concept.Category),
            Vocabulary.ConceptCategories.Label(concept.Category), mentions.Length, mentions.Select(m => m.Slug).Distinct().Count(), concept.Chinese, concept.Pinyin);
    }

    /// <summary>The works a note rests on, under the note (<c>partials/sources.html</c>); empty when it names none.</summary>
    private string Sources(ImmutableArray<Citation> sources) => sources.IsEmpty ? "" :
        _templates.Render("partials/sources.html",
            new SourcesMarkup(sources.Select(c => new CitationView(c.Title, c.Publisher, Dates.View(c.Date), c.Url)).ToList()), _diagnostics) ?? "";

    /// <summary>A mention's place as readers cite it.</summary>
    private static string Place(Mention m) => m.InHeading ? "heading" : "¶" + m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asset URLs carry a hash of the file, so browsers never keep a stale stylesheet.</summary>
    private string AssetUrl(string name)
    {
        var file = _assets.FirstOrDefault(a => a.Path == "assets/" + name);
        var version = file is null ? "" : "?v=" + Convert.ToHexStringLower(SHA256.HashData(file.Content))[..10];
        return _urls.Asset(name) + version;
    }
}
