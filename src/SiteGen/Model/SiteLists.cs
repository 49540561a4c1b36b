namespace SiteGen.Model;

/// <summary>One page of a year's texts: the year, its number among the year's pages, and its texts (an index into the texts, in date order, and how many).</summary>
internal sealed record YearPage(int Year, int Number, int PageCount, int From, int Count);

/// <summary>
/// How the site's lists are laid out for this corpus, worked out once by the analysis so that no page kind pages
/// anything itself: the texts by year (beyond the home page's list), the notes, each concept's mentions in context
/// and the notes' Web Annotation collection.
/// </summary>
internal sealed record SiteLists
{
    public const int TextsOnHome = 100;
    /// <summary>Beyond <see cref="TextsOnHome"/> texts, the home page lists this many of the latest.</summary>
    public const int LatestOnHome = 12;
    public const int TextsPerYearPage = 200;
    public const int NotesOnIndex = 200;
    public const int NotesPerPage = 100;
    /// <summary>A concept with at most this many mentions lists them all in context on its own page.</summary>
    public const int MentionsOnConceptPage = 400;
    /// <summary>Beyond <see cref="MentionsOnConceptPage"/>, a concept's texts are listed in a table, this many a page.</summary>
    public const int TextsPerConceptPage = 200;
    /// <summary>Beyond <see cref="MentionsOnConceptPage"/>, a concept's page shows this many of its mentions, spread across its years.</summary>
    public const int MentionsInSample = 40;
    /// <summary>Notes per page of the Web Annotation collection.</summary>
    public const int NotesPerExportPage = 200;

    /// <summary>Whether the texts are listed by year, on pages of their own (the home page lists the latest).</summary>
    public required bool ByYear { get; init; }
    /// <summary>Every page of every year's texts, years in order (empty unless <see cref="ByYear"/>).</summary>
    public required ImmutableArray<YearPage> YearPages { get; init; }
    /// <summary>The notes text by text (groups: the texts that have notes); one page numbered 1 while they are few.</summary>
    public required PagePlan NotePages { get; init; }
    /// <summary>Each concept's mentions text by text (groups: texts, one run each), not paged: page 0.</summary>
    public required FrozenDictionary<string, PagePlan> MentionsByText { get; init; }
    /// <summary>
    /// A concept's texts on the pages of its table of texts (a run per text, <see cref="TextsPerConceptPage"/> a page, its
    /// mentions counted in <see cref="MentionsByText"/>), for a concept with more than <see cref="MentionsOnConceptPage"/>
    /// mentions; <see cref="PagePlan.Empty"/> for the others, whose page lists every mention.
    /// </summary>
    public required FrozenDictionary<string, PagePlan> TextPages { get; init; }
    /// <summary>For a concept whose texts are in a table, the mentions its page shows (indexes into its mentions, in reading order), spread across its years.</summary>
    public required FrozenDictionary<string, ImmutableArray<int>> MentionSamples { get; init; }
    /// <summary>The notes of the Web Annotation collection, in pages of their own once there are more than one page's worth.</summary>
    public required PagePlan ExportPages { get; init; }

    /// <summary>Whether a concept's page lists its texts in a table rather than every mention in context.</summary>
    public bool IsSummarised(string conceptId) => TextPages[conceptId].Pages > 0;

    /// <summary>How many pages the notes have (at least one: the notes page).</summary>
    public int NotePageCount => Math.Max(1, NotePages.Pages);
}
