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
    /// <summary>The language of the texts, as a BCP 47 tag (<c>en</c>).</summary>
    public required string Language { get; init; }
    /// <summary>The public repository, for "edit this page" and contribution links; may be empty.</summary>
    public string Repository { get; init; } = "";
    /// <summary>Who edits the edition.</summary>
    public ImmutableArray<string> Editors { get; init; } = [];
    /// <summary>Markdown shown on the home page: what this edition is.</summary>
    public string Introduction { get; init; } = "";
    /// <summary>Where the introduction starts in site.yml, for messages about its Markdown.</summary>
    public Diagnostics.SourceLocation IntroductionStart { get; init; } = new("content/site.yml", 1, 1);
}
