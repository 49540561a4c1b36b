namespace SiteGen.Model;

/// <summary>
/// The one table of an enum's words: the word contributors write in front matter (and pages use
/// in class names and URLs), and the label readers see. Every kind, category or other fixed choice
/// is named through its table, never by <c>ToString()</c>.
/// </summary>
internal sealed class WordTable<T> where T : struct, Enum
{
    private readonly (T Value, string Word, string Label)[] _rows;

    public WordTable(params (T Value, string Word, string Label)[] rows)
    {
        // A value without a row would render as nothing: fail at start-up, not on a page.
        foreach (var value in Enum.GetValues<T>())
            if (!rows.Any(r => r.Value.Equals(value))) throw new InvalidOperationException($"{typeof(T).Name}.{value} has no word");
        _rows = rows;
    }

    /// <summary>The words, in the table's order, keyed for lookup of what contributors write.</summary>
    public IReadOnlyDictionary<string, T> ByWord => _rows.ToDictionary(r => r.Word, r => r.Value, StringComparer.Ordinal);

    public IEnumerable<string> Words => _rows.Select(r => r.Word);

    public string Word(T value) => Row(value).Word;

    public string Label(T value) => Row(value).Label;

    private (T Value, string Word, string Label) Row(T value) =>
        _rows.First(r => r.Value.Equals(value));
}

/// <summary>The word tables of the model's enums.</summary>
internal static class Vocabulary
{
    public static readonly WordTable<TextKind> TextKinds = new(
        (TextKind.Speech, "speech", "Speech"),
        (TextKind.Article, "article", "Article"),
        (TextKind.Report, "report", "Report"),
        (TextKind.News, "news", "News"));

    public static readonly WordTable<NoteKind> NoteKinds = new(
        (NoteKind.Note, "note", "Note"),
        (NoteKind.Correction, "correction", "Correction"),
        (NoteKind.Context, "context", "Context"),
        (NoteKind.Translation, "translation", "Translation"));

    /// <summary>The labels are the headings of the concept index.</summary>
    public static readonly WordTable<ConceptCategory> ConceptCategories = new(
        (ConceptCategory.PolicyGoal, "policy-goal", "Policy goals"),
        (ConceptCategory.Institution, "institution", "Institutions"),
        (ConceptCategory.Program, "program", "Programmes and projects"),
        (ConceptCategory.Person, "person", "People"),
        (ConceptCategory.Place, "place", "Places"),
        (ConceptCategory.Technology, "technology", "Technologies"),
        (ConceptCategory.Term, "term", "Terms"));
}
