namespace SiteGen.Model;

/// <summary>Everything read from <c>content/</c>: the input of analysis.</summary>
internal sealed record Site
{
    public required SiteInfo Info { get; init; }
    /// <summary>The texts in reading order: by date, then slug.</summary>
    public required ImmutableArray<Text> Texts { get; init; }
    /// <summary>The concepts, by id.</summary>
    public required ImmutableArray<Concept> Concepts { get; init; }
    /// <summary>Slugs of text files that exist but could not be loaded (their errors are reported).</summary>
    public FrozenSet<string> UnloadedTexts { get; init; } = FrozenSet<string>.Empty;
    /// <summary>The annotations, by text slug and name.</summary>
    public ImmutableArray<Note> Annotations { get; init; } = [];
}
