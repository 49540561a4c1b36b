using SiteGen.Addresses;
namespace SiteGen.Model;

/// <summary>What <c>content/site.yml</c> says about the edition as a whole.</summary>
internal sealed record SiteInfo
{
    /// <summary>The edition's title, shown in every page's header.</summary>
    public required string Title { get; init; }
    /// <summary>One sentence for search engines and link previews.</summary>
    public required string Description { get; init; }
    /// <summary>Where the site is published: a full URL or a path such as <c>/sitegen/</c>; always ends with a slash.</summary>
    public required string BaseUrl { get; init; }
    /// <summary>
    /// The address where the edition is published (<c>url:</c>, an http(s) URL ending with a slash), for
    /// canonical links, citations, the feed and the sitemap; null when unknown. An absolute base URL is one too.
    /// </summary>
    public string? Url { get; init; }
    /// <summary>Whether to write the Atom feed (<c>feed:</c>): yes, no, or null for "when the published address is known".</summary>
    public bool? Feed { get; init; }
    /// <summary>Where <c>feed:</c> is written, for the error when the feed cannot have absolute links.</summary>
    public Diagnostics.SourceLocation FeedLocation { get; init; } = new("content/site.yml", 1, 1);
    /// <summary>The published address: <see cref="Url"/>, or the base URL when that is absolute.</summary>
    public string? PublishedUrl => BaseUrl.StartsWith("http", StringComparison.Ordinal) ? BaseUrl : Url;
    /// <summary>The language of the texts, as a BCP 47 tag (<c>en</c>).</summary>
    public required string Language { get; init; }
    /// <summary>The public repository, for "edit this page" and contribution links; may be empty.</summary>
    public string Repository { get; init; } = "";
    /// <summary>Who edits the edition.</summary>
    public ImmutableArray<string> Editors { get; init; } = [];
    /// <summary>What this edition is, shown on the home page (read from the Markdown of <c>introduction:</c>).</summary>
    public Prose Introduction { get; init; } = Prose.Empty;
    /// <summary>The <c>[[id]]</c> links of the introduction, each where it is written.</summary>
    public ImmutableArray<Located> IntroductionLinks { get; init; } = [];
}
