namespace SiteGen.Model;

/// <summary>Everything read from <c>content/</c>: the input of analysis.</summary>
internal sealed record Site
{
    public required SiteInfo Info { get; init; }
    /// <summary>The texts in reading order: by date, then slug.</summary>
    public required IReadOnlyList<Text> Texts { get; init; }
    /// <summary>The concepts, by id.</summary>
    public required IReadOnlyList<Concept> Concepts { get; init; }
    /// <summary>Slugs of text files that exist but could not be loaded (their errors are reported).</summary>
    public IReadOnlySet<string> UnloadedTexts { get; init; } = new HashSet<string>();
    /// <summary>The annotations, by text slug and name.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];
}
