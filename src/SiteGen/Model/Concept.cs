using SiteGen.Diagnostics;

namespace SiteGen.Model;

/// <summary>What kind of thing a concept is; the concept index groups by it.</summary>
internal enum ConceptCategory { PolicyGoal, Institution, Program, Person, Place, Technology, Term }

/// <summary>A phrase written by a contributor, with where it was written (for messages).</summary>
internal sealed record Located(string Value, SourceLocation Location);

/// <summary>A recurring idea of the corpus: its names, what it is, and the editors' commentary.</summary>
internal sealed record Concept
{
    /// <summary>The permanent identifier; the file name and the URL.</summary>
    public required string Id { get; init; }
    /// <summary>The name readers see; it also counts as a mention.</summary>
    public required string Title { get; init; }
    /// <summary>Every phrasing that counts as a mention, matched case-insensitively on word boundaries.</summary>
    public required ImmutableArray<Located> Aliases { get; init; }
    public required ConceptCategory Category { get; init; }
    /// <summary>The term in Chinese characters (<c>zh:</c>), shown with <c>lang="zh"</c>; null when the editors have not given it.</summary>
    public string? Chinese { get; init; }
    /// <summary>The term's pinyin with tone marks (<c>pinyin:</c>); null when not given.</summary>
    public string? Pinyin { get; init; }
    /// <summary>
    /// Phrases that contain a name of the concept but are not the concept ("Beijing Daxing International Airport"
    /// for Beijing, "national key laboratories" beside national laboratories): no mention of it is found inside them.
    /// </summary>
    public ImmutableArray<Located> Exclusions { get; init; } = [];
    /// <summary>
    /// A name that the texts mention in passing whatever they speak of (<c>generic: true</c>: the Party, its leader, the
    /// capital): it is linked and counted like any concept, but it never makes two passages related on its own.
    /// </summary>
    public bool Generic { get; init; }
    /// <summary>Concepts the editors relate to this one.</summary>
    public required ImmutableArray<Located> Related { get; init; }
    /// <summary>The commentary, read from its Markdown, with <c>[[id]]</c> links to other concepts.</summary>
    public required Prose Commentary { get; init; }
    /// <summary>The <c>[[id]]</c> links of the commentary, each where it is written.</summary>
    public required ImmutableArray<Located> Links { get; init; }
    /// <summary>The file the concept was read from, relative to the repository.</summary>
    public required string SourcePath { get; init; }
    /// <summary>Where the title is written, for messages about it.</summary>
    public required SourceLocation TitleLocation { get; init; }

    /// <summary>The title and the aliases: every phrase that counts as a mention.</summary>
    public IEnumerable<Located> Phrases => Aliases.Prepend(new Located(Title, TitleLocation));
}
