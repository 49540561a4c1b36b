namespace SiteGen.Model;

/// <summary>The kinds of text the edition publishes.</summary>
internal enum TextKind { Speech, Article, Report, News }

/// <summary>Where a text was published, when that differs from where it was delivered.</summary>
internal sealed record TextSource
{
    /// <summary>Who published the version the edition reproduces.</summary>
    public string? Publisher { get; init; }
    /// <summary>When that version was published.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>A short note on the source: edition, translation, what was supplied by the editors.</summary>
    public string? Note { get; init; }
    /// <summary>A link to the published version, if it is online.</summary>
    public string? Url { get; init; }
}

/// <summary>One source text of the corpus, as published, with its numbered paragraphs.</summary>
internal sealed record Text
{
    /// <summary>The text's permanent identifier; starts with its date; becomes its URL.</summary>
    public required string Slug { get; init; }
    /// <summary>The title as published (or as supplied by the editors, which the source note says).</summary>
    public required string Title { get; init; }
    /// <summary>When the text was delivered or first published.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Speaker or writer; null when the source does not name one.</summary>
    public string? Author { get; init; }
    /// <summary>Speech, article, report or news.</summary>
    public required TextKind Kind { get; init; }
    /// <summary>Where it was delivered or printed.</summary>
    public string? Venue { get; init; }
    /// <summary>Where the reproduced version comes from.</summary>
    public TextSource? Source { get; init; }
    /// <summary>One or two sentences for lists, search results and link previews.</summary>
    public string? Summary { get; init; }
    /// <summary>The body in reading order: headings, paragraphs, captions, lists and quotations.</summary>
    public required ImmutableArray<Block> Blocks { get; init; }
    /// <summary>The numbered paragraphs, in order: <c>Paragraphs[n - 1].Number == n</c>.</summary>
    public required ImmutableArray<Paragraph> Paragraphs { get; init; }
    /// <summary>The file the text was read from, relative to the repository.</summary>
    public required string SourcePath { get; init; }
}
