namespace SiteGen.Rendering;

// What templates see. Scriban exposes members in snake_case (DateDisplay → date_display).
// No member is called "date": it would hide Scriban's own date functions.

/// <summary>The edition, on every page.</summary>
public sealed record SiteView(string Title, string Description, string Language, string Repository,
    string BasePath, string Stylesheet, string Script, IReadOnlyList<string> Editors);

/// <summary>What the layout needs to know of the page it wraps.</summary>
public sealed record PageView(string Title, string Description, string Url, string CanonicalUrl, string Section);

/// <summary>A text as listed on the home page and linked from other pages.</summary>
public sealed record TextSummaryView(string Slug, string Title, string Url, string DateIso, string DateDisplay, string Year,
    string? Author, string Kind, string? Venue, string? Summary, int ParagraphCount);

/// <summary>Where a text was published.</summary>
public sealed record SourceView(string? Publisher, string? PublishedIso, string? PublishedDisplay, string? Note, string? Url);

/// <summary>A text page.</summary>
public sealed record TextView(TextSummaryView Text, SourceView? Source, string BodyHtml, TextSummaryView? Previous, TextSummaryView? Next);
