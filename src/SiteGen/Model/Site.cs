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
    /// <summary>The notes, by text slug and name.</summary>
    public ImmutableArray<Note> Notes { get; init; } = [];
    /// <summary>A digest of each file as read (<see cref="Inputs.Digest(string)"/>), by its input's name: <c>site</c>, <c>text:…</c>, <c>concept:…</c>, <c>note:…</c>.</summary>
    public FrozenDictionary<string, string> Digests { get; init; } = FrozenDictionary<string, string>.Empty;
}
