using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering;

// What templates see. Scriban exposes members in snake_case (DateDisplay → date_display).
// No member is called "date": it would hide Scriban's own date functions.

/// <summary>The edition, on every page.</summary>
/// <param name="FeedUrl">The Atom feed, when the site has one.</param>
internal sealed record SiteView(string Title, string Description, string Language, string Repository,
    string BasePath, string Stylesheet, string Script, string SearchScript, string SearchUrl, IReadOnlyList<string> Editors,
    string Favicon, string? FeedUrl, string TimelineUrl);

/// <summary>What the layout needs to know of the page it wraps.</summary>
/// <param name="OgType">Open Graph's type: <c>article</c> for a text, <c>website</c> for the rest.</param>
/// <param name="Meta">Further <c>&lt;meta name content&gt;</c> tags (a text's Highwire <c>citation_*</c> tags).</param>
/// <param name="JsonLdHtml">schema.org JSON-LD, with &lt; &gt; &amp; escaped by the generator.</param>
internal sealed record PageView(string Title, string Description, string Url, string CanonicalUrl, string Section, string? AnnotationExportUrl = null,
    string OgType = "website", IReadOnlyList<MetaView>? Meta = null, string? JsonLdHtml = null)
{
    /// <summary>Whether the published address is known (then Open Graph gets <c>og:url</c>).</summary>
    public bool IsAbsolute => CanonicalUrl.StartsWith("http", StringComparison.Ordinal);
}

/// <summary>A <c>&lt;meta name content&gt;</c> tag.</summary>
internal sealed record MetaView(string Name, string Content);

/// <summary>How to cite a text: the plain citation in three parts (before, the edition's title in italics, after) and the files to download.</summary>
internal sealed record CiteView(string Before, string Edition, string After, string Url, string BibtexUrl, string CslJsonUrl);

/// <summary>A text as listed on the home page and linked from other pages.</summary>
/// <param name="Speaker">Whose words a report gives, when not its author.</param>
/// <param name="OriginalTitle">The title in the original language, shown with <c>lang</c> = <paramref name="OriginalLanguage"/>.</param>
internal sealed record TextSummaryView(string Slug, string Title, string Url, string DateIso, string DateDisplay, string Year,
    string? Author, string Kind, string? Venue, string? Summary, int ParagraphCount,
    string? Speaker = null, string? OriginalTitle = null, string OriginalLanguage = "zh");

/// <summary>A date as shown, or "not known" (then <paramref name="Iso"/> is null and no &lt;time&gt; is written).</summary>
internal sealed record DateView(string? Iso, string Display)
{
    /// <summary>A date the editors gave, or "not known"; null when they gave none.</summary>
    public static DateView? Of(EditorialDate? date) => date switch
    {
        null => null,
        { Value: { } d } => new DateView(Dates.Iso(d), Dates.Display(d)),
        _ => new DateView(null, EditorialDate.NotKnownWords),
    };
}

/// <summary>One publication of a text (the original, or the English version): who, when, where online.</summary>
internal sealed record PublicationView(string? Publisher, DateView? Published, string? Url, string? Archived)
{
    public static PublicationView Of(Publication p, string? archived) => new(p.Publisher, DateView.Of(p.Date), p.Url, archived);
}

/// <summary>Where a text comes from: the original and the version reproduced, who translated it, when it was delivered.</summary>
internal sealed record ProvenanceView(DateView? Delivered, PublicationView? Original, PublicationView? English, string? Translator, string? Note);

/// <summary>A text page.</summary>
/// <param name="ConceptsHtml">The concepts the text mentions, most mentioned first (<c>partials/concept-chip.html</c> each).</param>
internal sealed record TextView(TextSummaryView Text, ProvenanceView Provenance, string BodyHtml, TextSummaryView? Previous, TextSummaryView? Next,
    IReadOnlyList<TextConceptView> Concepts, string ConceptsHtml, int MentionCount, int NoteCount, string? NotesUrl);

/// <summary>A concept a text mentions, and how often (<c>partials/concept-chip.html</c>).</summary>
internal sealed record ConceptChipView(string Url, string Title, string Count, bool One);

/// <summary>A concept as listed and linked.</summary>
/// <param name="Chinese">The term in characters, shown with <c>lang="zh"</c>; null when not given.</param>
/// <param name="Pinyin">Its romanisation, shown with <c>lang="zh-Latn-pinyin"</c>.</param>
internal sealed record ConceptSummaryView(string Id, string Title, string Url, string Category, string CategoryLabel, int MentionCount, int TextCount,
    string? Chinese = null, string? Pinyin = null);

/// <summary>A concept with how often one text mentions it.</summary>
internal sealed record TextConceptView(ConceptSummaryView Concept, int Count);

/// <summary>One mention in context, linking to its paragraph (<c>partials/mention-line.html</c>).</summary>
/// <param name="Place">Where the mention is, as readers cite it: "¶12", or "heading" for a section heading.</param>
internal sealed record MentionLineView(string Url, string Place, string Left, string Match, string Right);

/// <summary>The mentions of a concept in one text, under its title (<c>partials/mention-group.html</c>).</summary>
/// <param name="Anchor">The group's id (<c>in-&lt;slug&gt;</c>), null on the pages after the first of a text cut across pages.</param>
/// <param name="Count">How many mentions the text has in all; <paramref name="One"/> when one.</param>
/// <param name="Continued">The text's mentions began on the page before.</param>
/// <param name="AllUrl">Where all of the text's mentions are in context, when this group shows only the first.</param>
internal sealed record MentionGroupView(string? Anchor, string Url, string Title, string DateIso, string DateDisplay, string? Author,
    string Count, bool One, bool Continued, string LinesHtml, string? AllUrl);

/// <summary>A page of a list that runs over several pages.</summary>
/// <param name="Label">What is on it (for a concept's mentions: the months of its texts).</param>
internal sealed record PageLinkView(string Number, string Url, string Label);

/// <summary>A year of a concept's mentions: how many texts and mentions, and where they are in context.</summary>
internal sealed record ConceptYearView(string Year, int Texts, int Mentions, string Url);

/// <summary>A paragraph where a concept appears.</summary>
internal sealed record AppearanceView(TextSummaryView Text, string Place, string Url);

/// <summary>A concept mentioned in the same paragraphs as another, and in how many.</summary>
internal sealed record CoMentionView(ConceptSummaryView Concept, int Paragraphs);

/// <summary>A concept page.</summary>
/// <param name="ChartByYear">The chart has a bar per year (a large corpus), not per text.</param>
/// <param name="GroupsHtml">The mentions in context: all of them, or (when <paramref name="Summarised"/>) a sample of <paramref name="SampleCount"/> spread across the years.</param>
/// <param name="Summarised">The concept has too many mentions to list: its page shows the figures by year, a sample, the concordance read in the browser and a table of its texts.</param>
/// <param name="Years">The mentions by year, when summarised.</param>
/// <param name="Texts">The first page of the table of its texts, when summarised; <paramref name="TextPages"/> its pages.</param>
internal sealed record ConceptView(ConceptSummaryView Concept, IReadOnlyList<string> Aliases, string CommentaryHtml, string ChartSvg, bool ChartByYear,
    string GroupsHtml, bool Summarised, int SampleCount, IReadOnlyList<ConceptYearView> Years, IReadOnlyList<ConceptTextView> Texts, IReadOnlyList<PageLinkView> TextPages,
    string? ConcordanceUrl, AppearanceView? First, AppearanceView? Latest,
    IReadOnlyList<CoMentionView> CoMentions, IReadOnlyList<ConceptSummaryView> Related, IReadOnlyList<NoteView> Notes);

/// <summary>A row of a concept's table of texts: the text, how many mentions, where the first is, and the row's id.</summary>
internal sealed record ConceptTextView(TextSummaryView Text, int Mentions, string FirstUrl, string Anchor);

/// <summary>Concepts under a heading of the index (a category, or a letter).</summary>
internal sealed record ConceptGroupView(string Label, string Anchor, IReadOnlyList<ConceptSummaryView> Concepts);

/// <summary>A note as listed on the annotations page and on concept pages.</summary>
internal sealed record NoteView(string Id, int Number, string Kind, string KindLabel, string Quote, string CorrectionHtml, string BodyHtml,
    string UrlInText, string Permalink, int Paragraph, TextSummaryView Text, IReadOnlyList<ConceptSummaryView> Concepts);

/// <summary>Notes under a heading: a text, or a kind.</summary>
internal sealed record NoteGroupView(string Label, string Anchor, IReadOnlyList<NoteView> Notes, TextSummaryView? Text);

// What the partials of a text's body see (partials/*.html): C# decides, templates mark up. The partials used
// thousands of times per page or site get views of strings, booleans and lists only, so that they are filled in
// as stencils (Stencils.cs): a number is given as its digits.

/// <param name="Numbered">A heading of a text (with its <c>#hN</c>); not in editors' prose.</param>
internal sealed record HeadingView(int Level, string Number, string InlineHtml, bool Numbered = true);
internal sealed record CaptionView(string InlineHtml);
/// <param name="Numbered">A paragraph of a text (¶N, with its <c>#pN</c>); not in editors' prose.</param>
internal sealed record ParagraphView(string Number, IReadOnlyList<string> Classes, string InlineHtml, string NotesHtml, string RelatedHtml, bool InList, bool InUnit,
    bool Numbered = true);
internal sealed record ListView(string Tag, string ItemsHtml);
/// <summary>An item of a list in editors' prose: its blocks.</summary>
internal sealed record ListItemView(string BlocksHtml);
internal sealed record QuotationView(string BlocksHtml);
internal sealed record CodeBlockView(string Code);
internal sealed record RuleView;
internal sealed record MentionView(string Url, string Id, string InnerHtml);
internal sealed record HighlightView(string Kind, string Name, string InnerHtml);
internal sealed record NoteMarkerView(string CorrectionHtml, string Name, string KindLabel, int Number);
internal sealed record CorrectionView(bool Deletion, string Reading);
internal sealed record MarginNoteView(string Kind, string Name, int Number, string KindLabel, bool HasCorrection, string Correction, string Quote, string BodyHtml);
internal sealed record MarginNotesView(int Paragraph, IReadOnlyList<MarginNoteView> Notes);
/// <param name="Year">The year of the passage's text.</param>
internal sealed record RelatedPassageView(string Url, string TextTitle, string Year, string Paragraph, string Opening, string? SharedTitles);
/// <summary>Passages of other texts on the same concepts; <see cref="AllShare"/>: the concepts they all share with this one, when it is the same for each.</summary>
internal sealed record RelatedView(IReadOnlyList<RelatedPassageView> Passages, string? AllShare);

// What the page templates see: each page's typed view, whose members become the template's variables.

/// <summary>What every page and the layout see.</summary>
internal sealed record LayoutView(SiteView Site, PageView Page, string ConceptsUrl, string NotesUrl, string GlossaryUrl);

/// <summary>search.html: the page fills itself in the browser.</summary>
internal sealed record SearchView;

/// <summary>home.html.</summary>
/// <param name="Texts">Every text, or the latest when they are listed by year (<paramref name="Years"/> not empty).</param>
internal sealed record HomeView(string IntroductionHtml, IReadOnlyList<TextSummaryView> Texts, int TextCount, IReadOnlyList<YearLinkView> Years, int ConceptCount);

/// <summary>A year of the corpus: how many texts, and the first page that lists them.</summary>
internal sealed record YearLinkView(string Year, int Count, string Url);

/// <summary>A page of a year's texts; <paramref name="Previous"/> and <paramref name="Next"/> cross into the years around it.</summary>
internal sealed record YearPageView(string Year, PageLinkView Current, int Number, int PageCount, int Total, string? Previous, string? Next,
    IReadOnlyList<PageLinkView> Pages, IReadOnlyList<TextSummaryView> Texts, IReadOnlyList<YearLinkView> Years);

/// <summary>year.html.</summary>
internal sealed record YearTemplateView(YearPageView YearPage);

/// <summary>404.html: the layout's variables only.</summary>
internal sealed record NotFoundView;

/// <summary>text.html.</summary>
internal sealed record TextPageView(TextView TextPage, CiteView Cite);

/// <summary>concept.html.</summary>
internal sealed record ConceptPageView(ConceptView ConceptPage);

/// <summary>A page of a concept's table of texts, after the first (which is on the concept's page).</summary>
/// <param name="First">The number of its first text, 1-based, in date order; <paramref name="Last"/> its last; of <paramref name="Total"/>.</param>
internal sealed record ConceptTextsPageView(ConceptSummaryView Concept, PageLinkView Current, int Number, int PageCount, int First, int Last, int Total,
    string? Previous, string? Next, IReadOnlyList<PageLinkView> Pages, IReadOnlyList<ConceptTextView> Texts);

/// <summary>concept-texts.html.</summary>
internal sealed record ConceptTextsTemplateView(ConceptTextsPageView ConceptTexts);

/// <summary>concepts.html.</summary>
internal sealed record ConceptIndexView(IReadOnlyList<ConceptSummaryView> Concepts, IReadOnlyList<ConceptGroupView> ByLetter,
    IReadOnlyList<ConceptGroupView> ByCategory, int MentionCount, int TextCount);

/// <summary>notes.html.</summary>
/// <param name="Total">How many notes the edition has; <paramref name="Notes"/>: those on this page (all of them unless <paramref name="Pages"/> lists pages).</param>
internal sealed record NotesPageView(int Total, IReadOnlyList<NoteView> Notes, IReadOnlyList<NoteGroupView> ByText,
    IReadOnlyList<NoteGroupView> ByKind, string ExportUrl, int Number, IReadOnlyList<PageLinkView> Pages, string? Previous, string? Next);

/// <summary>A work a note rests on.</summary>
internal sealed record SourceView(string Title, string? Publisher, DateView? Published, string? Url);

/// <summary>The sources under a note.</summary>
internal sealed record SourcesView(IReadOnlyList<SourceView> Sources);

/// <summary>The glossary: every concept with its Chinese term, pinyin, texts and mentions.</summary>
internal sealed record GlossaryView(IReadOnlyList<ConceptSummaryView> Concepts, int TextCount, int WithChinese);

/// <summary>The timeline page: the texts on an axis, the heatmap of concepts over the texts, and what its filter offers.</summary>
/// <param name="ByYear">Whether the heatmap's columns are years (too many texts for a column each).</param>
internal sealed record TimelineView(string AxisSvg, string HeatmapSvg, int ConceptCount, int TextCount, bool ByYear,
    IReadOnlyList<CategoryView> Categories, IReadOnlyList<YearView> Years);

/// <summary>A category of concepts, as a filter offers it.</summary>
internal sealed record CategoryView(string Word, string Label);

/// <summary>A year of the timeline: how many texts, and which (none listed when the corpus is large).</summary>
/// <param name="Url">The page of the year's texts, when the texts are listed by year.</param>
internal sealed record YearView(string Year, int Count, IReadOnlyList<TextSummaryView> Texts, string? Url);

internal sealed record TimelinePageView(TimelineView Timeline);

/// <summary>partials/mention-chart.html: a concept's mentions per text or per year, its geometry worked out.</summary>
internal sealed record MentionChartView(string Id, string Title, string Per, int Width, int Height, string Described, IReadOnlyList<ChartBarView> Bars);

/// <summary>A bar of a mention chart: its box, where its figure and its label stand.</summary>
internal sealed record ChartBarView(int X, int Y, int Width, int Height, int Middle, int ValueY, int LabelY, bool Zero, int Count, string Label, string FullLabel);

/// <summary>partials/heatmap.html: concepts (rows) against texts or years (columns), its geometry worked out.</summary>
internal sealed record HeatmapView(int Width, int Height, int HeadY, int LabelX, int CellWidth, int CellHeight, int FigureY,
    IReadOnlyList<HeatColumnView> Columns, IReadOnlyList<HeatRowView> Rows);

/// <summary>A column's head: where its label stands, the label and what it stands for in full.</summary>
internal sealed record HeatColumnView(int X, string Label, string FullLabel);

/// <summary>A concept's row: where it stands, its title (cut to <paramref name="Label"/> when long) and its cells.</summary>
internal sealed record HeatRowView(int Y, string Title, string Filter, string Category, string Url, string Label, bool Cut, IReadOnlyList<HeatCellView> Cells);

/// <summary>A cell: where its box and its figure stand, the figure, its shade (0: none) and where it leads.</summary>
internal sealed record HeatCellView(int X, int Middle, int Count, int Step, string Url, string Label);

/// <summary>partials/text-axis.html: the texts as dots on a line of years.</summary>
internal sealed record TextAxisView(int Width, int Height, int From, int To, int Line, int TickTop, int TickBottom, int YearY, int FirstYear, int LastYear,
    IReadOnlyList<AxisTickView> Ticks, IReadOnlyList<AxisPointView> Points);

/// <summary>A year's tick on the axis.</summary>
internal sealed record AxisTickView(string X, int Year);

/// <summary>A text's dot on the axis.</summary>
internal sealed record AxisPointView(string X, string Label, string Url);

/// <summary>partials/year-axis.html: the years as bars on a line, each opening its texts.</summary>
internal sealed record YearAxisView(int Width, int Height, int From, int To, int Line, int YearY, int FirstYear, int LastYear, IReadOnlyList<AxisYearView> Years);

/// <summary>A year's bar: its box (numbers to one decimal), where its label stands, and where it leads.</summary>
internal sealed record AxisYearView(string X, string Y, string Width, string Height, string Middle, int Year, string Label, string Url);

/// <summary>partials/inline.html: an inline element (em, strong, del, ins, mark, sup, sub, code, link, concept-link, br) around its inner markup.</summary>
internal sealed record InlineView(string Element, string Url, string InnerHtml);
