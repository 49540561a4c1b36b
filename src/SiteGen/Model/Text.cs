namespace SiteGen.Model;

/// <summary>The kinds of text the edition publishes.</summary>
internal enum TextKind { Speech, Article, Report, News }

/// <summary>
/// A date the editors give, or state they do not know (<c>not known</c>): "not given" (a null
/// <c>EditorialDate?</c>), "not known" and a date are three different statements.
/// </summary>
internal readonly record struct EditorialDate(DateOnly? Value)
{
    public const string NotKnownWords = "not known";
}

/// <summary>
/// Where and when a work was published: who published it, when (a date, or stated as not known), and where it is
/// online. The version of a text the edition reproduces, its original, and a work a note rests on each have one.
/// </summary>
internal sealed record Publication(string? Publisher, EditorialDate? Date, string? Url)
{
    public static readonly Publication None = new(null, null, null);
    public bool IsEmpty => Publisher is null && Date is null && Url is null;
}

/// <summary>The version of a text that the edition reproduces: for this corpus, an English translation.</summary>
internal sealed record TextSource
{
    /// <summary>Who published the version the edition reproduces, when (<c>published:</c>, the English publication date) and where.</summary>
    public Publication Publication { get; init; } = Publication.None;
    /// <summary>A short note on the source: edition, translation, what was supplied by the editors.</summary>
    public string? Note { get; init; }
    /// <summary>A copy of that page in a web archive.</summary>
    public string? Archived { get; init; }
    /// <summary>Who translated it: a name, <c>machine translation</c>, or <c>unknown</c>.</summary>
    public string? Translator { get; init; }
}

/// <summary>The text in the language it was delivered or written in.</summary>
internal sealed record OriginalText
{
    /// <summary>The original title, in its own script.</summary>
    public string? Title { get; init; }
    /// <summary>Its language, as a BCP 47 tag for <c>lang=""</c>: <c>zh</c> unless given.</summary>
    public required string Language { get; init; }
    /// <summary>Who first published the original, when, and where it is online.</summary>
    public Publication Publication { get; init; } = Publication.None;
    /// <summary>A copy of it in a web archive.</summary>
    public string? Archived { get; init; }
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
    /// <summary>Speaker or writer; null when the source does not name one (a news report's reporter is often not named).</summary>
    public string? Author { get; init; }
    /// <summary>Whose words a report gives, when that is not its author (a news report of a speech): readers find the text under this name too.</summary>
    public string? Speaker { get; init; }
    /// <summary>When the text was delivered, for a speech or a meeting (<c>delivered:</c>); may be stated as not known.</summary>
    public EditorialDate? Delivered { get; init; }
    /// <summary>The original-language text: title, publication, links (<c>original:</c>).</summary>
    public OriginalText? Original { get; init; }
    /// <summary>Speech, article, report or news.</summary>
    public required TextKind Kind { get; init; }
    /// <summary>Where it was delivered or printed.</summary>
    public string? Venue { get; init; }
    /// <summary>Where the reproduced version comes from.</summary>
    public TextSource? Source { get; init; }
    /// <summary>One or two sentences for lists, search results and link previews.</summary>
    public string? Summary { get; init; }
    /// <summary>The body in reading order: headings, paragraphs, captions, lists and quotations.</summary>
    public required ImmutableArray<Block> Blocks { get; init { field = value; _headings = null; } }
    /// <summary>The numbered paragraphs, in order: <c>Paragraphs[n - 1].Number == n</c>.</summary>
    public required ImmutableArray<Paragraph> Paragraphs { get; init; }
    /// <summary>The section headings, in order (those inside quotations included): <c>Headings[n - 1].Number == n</c>.</summary>
    public ImmutableArray<Heading> Headings => _headings ??= [.. HeadingsIn(Blocks)];

    // Found once, on first use (a race at worst finds them twice).
    private ImmutableArray<Heading>? _headings;

    private static IEnumerable<Heading> HeadingsIn(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Heading h => [h],
        Quotation q => HeadingsIn(q.Blocks),
        _ => Enumerable.Empty<Heading>(),
    });

    /// <summary>The file the text was read from, relative to the repository.</summary>
    public required string SourcePath { get; init; }
}
