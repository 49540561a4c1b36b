using SiteGen.Diagnostics;

namespace SiteGen.Model;

/// <summary>What a note does for the reader.</summary>
internal enum NoteKind { Note, Correction, Context, Translation }

/// <summary>A work a note rests on (<c>sources:</c>): what it is called, and who published it, when and where it is online.</summary>
internal sealed record Source
{
    public required string Title { get; init; }
    public Publication Publication { get; init; } = Publication.None;
}

/// <summary>
/// A hand-written note on a passage of a text, addressed as the W3C Web Annotation
/// TextQuoteSelector does: the exact words, and if they occur more than once, the words just
/// before or after them.
/// </summary>
internal sealed record Note
{
    /// <summary>The file name: unique within its text, part of the note's permanent anchor.</summary>
    public required string Name { get; init; }
    /// <summary>The annotated text's slug.</summary>
    public required string TextSlug { get; init; }
    /// <summary>The exact passage annotated, as the text has it.</summary>
    public required string Quote { get; init; }
    /// <summary>Words just before the passage, when the quote occurs more than once.</summary>
    public string? Prefix { get; init; }
    /// <summary>Words just after the passage.</summary>
    public string? Suffix { get; init; }
    public required NoteKind Kind { get; init; }
    /// <summary>For a correction: the right reading; empty when the words should be deleted.</summary>
    public string? Correction { get; init; }
    /// <summary>Concepts the note is about: it is also shown on their pages.</summary>
    public required ImmutableArray<Located> Concepts { get; init; }
    public string? Author { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>The works the note's facts come from, in the order the editors give them.</summary>
    public ImmutableArray<Source> Sources { get; init; } = [];
    /// <summary>The paragraph the note was written against, when recorded: <see cref="PassageRecord"/>.</summary>
    public PassageRecord? Anchored { get; init; }
    /// <summary>The annotation's identifier where it was imported from (a Hypothesis id), so that a new import updates it.</summary>
    public string? SourceId { get; init; }
    /// <summary>The note, read from its Markdown, with <c>[[id]]</c> links to concepts.</summary>
    public required Prose Body { get; init; }
    /// <summary>The <c>[[id]]</c> links of the note, each where it is written.</summary>
    public required ImmutableArray<Located> Links { get; init; }
    public required string SourcePath { get; init; }
    /// <summary>Where <c>text:</c>, <c>quote:</c>, <c>prefix:</c> and <c>suffix:</c> are written, for messages.</summary>
    public required SourceLocation TextLocation { get; init; }
    public required SourceLocation QuoteLocation { get; init; }

    /// <summary>The note's permanent identifier across the site: <c>&lt;text-slug&gt;--&lt;name&gt;</c>.</summary>
    public string Id => $"{TextSlug}--{Name}";
}

/// <summary>A note with its passage found: a range of one paragraph's plain text.</summary>
internal sealed record AnchoredNote(Note Note, ParagraphRef Paragraph, int Start, int End)
{
    /// <summary>The note's number within its text, in reading order (1, 2, ...).</summary>
    public int Number { get; init; }
}
