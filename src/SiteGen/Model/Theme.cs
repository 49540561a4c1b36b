namespace SiteGen.Model;

/// <summary>What <c>templates/</c> holds, as read from disk: the page templates and the static assets.</summary>
internal sealed record Theme
{
    /// <summary>Every <c>*.html</c> template outside <c>assets/</c>, by name (<c>layout.html</c>, <c>partials/nav.html</c>), in ordinal order.</summary>
    public required ImmutableArray<TemplateSource> Templates { get; init; }
    /// <summary>Every file under <c>assets/</c>, copied to the site as it is.</summary>
    public required ImmutableArray<OutputFile> Assets { get; init; }
    /// <summary>The templates folder as messages show it.</summary>
    public required string DisplayFolder { get; init; }
}

/// <summary>One template's text, with the path messages name it by.</summary>
internal sealed record TemplateSource(string Name, string Text, string DisplayPath);

