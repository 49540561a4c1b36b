using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.FileSystem;

namespace SiteGen.Editing;

/// <summary>
/// Annotations made with Hypothesis on the published site become annotation files of the content model. Each is
/// placed again with the edition's own rules (<see cref="OccurrenceChoice.ByContext"/>, keeping only the prefix or suffix
/// needed to decide), read back by the loader as a hand-written note is, and written to
/// <c>content/annotations/&lt;text&gt;/&lt;name&gt;.md</c> with its Hypothesis id, so that importing again updates
/// it instead of adding a copy. An import never changes what a person wrote: a file changed since it was imported
/// (its <c>imported:</c> stamp no longer matches) is left alone and reported with what differs, unless forced.
/// Replies, page notes and annotations of other pages are skipped and said so; an annotation that does not anchor
/// is reported with the closest passage and written nowhere.
/// </summary>
/// <param name="only">The slug of the annotated text, when the addresses name none (<c>--text</c>).</param>
/// <param name="force">Replace files an editor has changed since their import (<c>--force</c>).</param>
internal sealed class HypothesisImport(Site site, ProjectPaths paths, string? only, bool dryRun, bool force, DiagnosticBag diagnostics)
{
    private static readonly Regex TextPath = new(@"/texts/(?<slug>[a-z0-9][a-z0-9-]*)/(?:index\.html)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Account = new(@"^acct:(?<name>[A-Za-z0-9._-]{1,64})@[A-Za-z0-9.-]{1,253}$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, Text> _texts = site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    private readonly Dictionary<string, Note> _bySourceId = site.Notes.Where(a => a.SourceId is not null)
        .GroupBy(a => a.SourceId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    private readonly HashSet<string> _conceptIds = site.Concepts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    // The paragraphs of the last text annotated, folded once for all its annotations (an export is mostly of one text).
    private NoteAnchorer.FoldedParagraphs? _folded;

    public int Written { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Skipped { get; private set; }
    /// <summary>Files left alone because an editor changed them since their import.</summary>
    public int Kept { get; private set; }

    private string Skip(HypothesisAnnotation a, string why)
    {
        Skipped++;
        return $"{a.Location}: skipped {Label(a)}: {why}";
    }

    private string? Fail(HypothesisAnnotation a, string code, string message)
    {
        diagnostics.Error(code, a.Location, $"{Label(a)}: {message}; it was not imported");
        return null;
    }

    private static string Label(HypothesisAnnotation a) => a.Id is { } id ? $"annotation {id}" : "an annotation without an id";

    /// <summary>Imports one annotation; the lines to print, or null when a problem was reported.</summary>
    public string? Import(HypothesisAnnotation a)
    {
        if (a.References.Length > 0) return Skip(a, $"a reply (to {a.References[^1]}), not a note on the text");
        if (a.Id is null) return Fail(a, DiagnosticCodes.MissingField, "it has no \"id\", so importing it again could not update it: export it again from Hypothesis");
        if (!_seen.Add(a.Id)) return Skip(a, "the file gives it twice; the first was taken");
        var target = a.Targets.FirstOrDefault(t => t.Exact is not null);
        var slug = only ?? SlugOf(a.Uri) ?? a.Targets.Select(t => SlugOf(t.Source)).FirstOrDefault(s => s is not null);
        if (slug is null) return Skip(a, $"it annotates {a.Uri ?? "an unnamed page"}, not a text of this edition (give --text SLUG if it is one)");
        if (target is null) return Skip(a, "a page note, with no passage selected");
        if (!_texts.TryGetValue(slug, out var text))
        {
            var hint = Suggestions.Closest(slug, _texts.Keys) is { } s ? $"did you mean '{s}'?" : "give --text SLUG";
            return Fail(a, DiagnosticCodes.UnknownText, $"its page names the text '{slug}', which the edition does not have: {hint}");
        }
        if (_folded?.Text != text) _folded = new NoteAnchorer.FoldedParagraphs(text);
        var choice = OccurrenceChoice.ByContext(_folded, target.Exact!, target.Prefix, target.Suffix);
        if (choice.Chosen is not { } place)
            return Fail(a, choice.Occurrences.Count == 0 ? DiagnosticCodes.QuoteNotFound : DiagnosticCodes.QuoteAmbiguous,
                choice.Problem + (choice.Occurrences.Count == 0 ? " (or select the passage again in Hypothesis, and export again)" : " (annotate a longer passage in Hypothesis)"));
        if (Fields(a, text, place) is not { } fields) return null;
        var content = NoteFile.Write(fields);

        string file;
        if (_bySourceId.TryGetValue(fields.SourceId!, out var existing))
        {
            file = Path.GetFullPath(existing.SourcePath, paths.Root);
            if (existing.TextSlug != slug)
                return Fail(a, DiagnosticCodes.SlugMismatch, $"it was imported into {existing.SourcePath}, which is on another text: move or delete that file first");
        }
        else file = Unused(Path.Combine(paths.Content, "annotations", slug), NoteFile.NameFrom(target.Exact!));
        var shown = paths.Display(file);
        var current = File.Exists(file) ? File.ReadAllText(file) : null;
        if (current == content)
        {
            Unchanged++;
            return $"{shown}: unchanged ({Label(a)})";
        }
        if (current is not null && !force && !NoteFile.IsAsImported(current))
        {
            Kept++;
            return $"{shown}: left as it is ({Label(a)}): it has been changed since it was imported, and an import never overwrites what a person wrote; " +
                   $"what the import would change:\n{LineDiff(current, content)}\n  To take the import's version anyway, run the import again with --force.";
        }
        if (!ReadsBack(a, text, file, content, place)) return null;
        if (!dryRun && ContentWriter.Write(file, Path.Combine(paths.Content, "annotations"), content) is { } failure)
            return Fail(a, DiagnosticCodes.FileUnreadable, $"{shown} was not written: {failure}");
        _taken.Add(file);
        if (current is null) Written++; else Updated++;
        var unused = a.Tags.Where(t => t.Trim().Length > 0 && ReadTag(t) is (null, _, null)).ToList();
        return $"{shown}: {(current is null ? "new" : "updated")}, ¶{place.Paragraph} {place.Context} ({Label(a)}" +
               (unused.Count > 0 ? $"; tags not used: {string.Join(", ", unused)})" : ")");
    }

    /// <summary>A file for <paramref name="name"/> in <paramref name="folder"/> that exists nowhere yet, nor among those this import wrote.</summary>
    private string Unused(string folder, string name)
    {
        var file = Path.Combine(folder, name + ".md");
        for (var n = 2; File.Exists(file) || _taken.Contains(file); n++) file = Path.Combine(folder, $"{name}-{n}.md");
        return file;
    }

    /// <summary>The lines of <paramref name="before"/> that <paramref name="after"/> takes away (-) and adds (+), indented, at most 40.</summary>
    private static string LineDiff(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before.Replace("\r\n", "\n"), after, ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var lines = new List<string>();
        foreach (var block in diff.DiffBlocks)
        {
            for (var i = 0; i < block.DeleteCountA; i++) lines.Add("  - " + diff.PiecesOld[block.DeleteStartA + i]);
            for (var i = 0; i < block.InsertCountB; i++) lines.Add("  + " + diff.PiecesNew[block.InsertStartB + i]);
        }
        return lines.Count <= 40 ? string.Join('\n', lines) : string.Join('\n', lines.Take(40)) + $"\n  … and {lines.Count - 40} more lines";
    }

    /// <summary>
    /// What a tag says: a kind (<c>context</c>; <c>correction: the right words</c> with its reading),
    /// or a concept (<c>concept:id</c>); neither for any other tag, which is left out (and said so).
    /// </summary>
    private static (string? Kind, string? Reading, string? Concept) ReadTag(string tag)
    {
        var colon = tag.IndexOf(':');
        var head = (colon < 0 ? tag : tag[..colon]).Trim().ToLowerInvariant();
        var rest = colon < 0 ? null : tag[(colon + 1)..].Trim();
        if (head == "concept" && rest is { Length: > 0 }) return (null, null, rest);
        if (Vocabulary.NoteKinds.ByWord.ContainsKey(head) && (colon < 0 || head == "correction")) return (head, rest, null);
        return (null, null, null);
    }

    /// <summary>The annotation file's fields, or null when the annotation cannot become one (reported).</summary>
    private NoteFields? Fields(HypothesisAnnotation a, Text text, NoteAnchorer.Occurrence place)
    {
        var kinds = new List<(string Word, string? Reading)>();
        var concepts = new List<string>();
        foreach (var tag in a.Tags.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var (tagKind, tagReading, concept) = ReadTag(tag);
            if (concept is not null)
            {
                if (_conceptIds.Contains(concept)) { concepts.Add(concept); continue; }
                var hint = Suggestions.Closest(concept, _conceptIds) is { } s ? $"did you mean 'concept:{s}'?" : "the ids are the file names in content/concepts/";
                Fail(a, DiagnosticCodes.UnknownConcept, $"the tag '{tag}' names no concept: {hint}");
                return null;
            }
            if (tagKind is not null) kinds.Add((tagKind, tagReading));
        }
        if (kinds.Select(k => k.Word).Distinct().Count() > 1)
        {
            Fail(a, DiagnosticCodes.BadValue, $"its tags give more than one kind ({string.Join(", ", kinds.Select(k => k.Word).Distinct())}): keep one tag of note, correction, context, translation");
            return null;
        }
        var kind = kinds.Count > 0 ? kinds[0].Word : "note";
        var reading = kinds.Select(k => k.Reading).FirstOrDefault(r => r is not null);
        if (kind == "correction" && reading is null)
        {
            Fail(a, DiagnosticCodes.MissingField, "a correction needs the right reading: tag it 'correction: <the right words>' in Hypothesis ('correction:' alone when the words should be deleted)");
            return null;
        }
        if (a.User is null || Account.Match(a.User) is not { Success: true } account)
        {
            Fail(a, DiagnosticCodes.BadValue, $"its user {(a.User is null ? "is missing" : $"'{a.User}' is not a Hypothesis account (acct:name@hypothes.is)")}: export it again from Hypothesis");
            return null;
        }
        var body = a.Text.Replace("\r\n", "\n").Trim('\n', ' ');
        if (body.Length == 0)
        {
            Fail(a, DiagnosticCodes.MissingField, "it has no text: write the note in Hypothesis, then export again");
            return null;
        }
        var paragraph = text.Paragraphs[place.Paragraph - 1];
        return new NoteFields(text.Slug, paragraph.PlainText[place.Start..place.End], place.Prefix, place.Suffix, kind,
            kind == "correction" ? reading : null, concepts, account.Groups["name"].Value,
            a.Created is { } created ? DateOnly.FromDateTime(created.UtcDateTime) : null, "hypothesis:" + a.Id, PassageRecord.Of(paragraph), body);
    }

    /// <summary>
    /// The file as the build will read it: loaded by the annotation loader (its note through the one policy for
    /// editors' Markdown, its characters checked), its concepts known, and anchored by the anchorer at the chosen place.
    /// </summary>
    private bool ReadsBack(HypothesisAnnotation a, Text text, string file, string content, NoteAnchorer.Occurrence place)
    {
        var problems = new DiagnosticBag();
        var shown = paths.Display(file);
        var loaded = NoteFile.ReadBack(shown, text.Slug, content, problems);
        if (loaded is not null)
        {
            foreach (var link in loaded.Links.Where(l => !_conceptIds.Contains(l.Value)))
                problems.Error(DiagnosticCodes.UnknownConcept, link.Location, $"[[{link.Value}]] names no concept");
            var anchors = NoteAnchorer.Anchor(site with { Texts = [text], Notes = [loaded] }, problems);
            if (!problems.HasErrors && (anchors.Count != 1 || anchors[0].Paragraph.Number != place.Paragraph || anchors[0].Start != place.Start))
                problems.Error(DiagnosticCodes.QuoteAmbiguous, loaded.QuoteLocation, "the quote does not anchor where Hypothesis placed it");
        }
        // The note is the file's body: a problem there is told at its line and column in the note as Hypothesis shows it.
        var bodyLine = (int)SourceFile.ClosingFence(content.Split('\n')) + 2;
        foreach (var problem in problems.Sorted().Where(p => p.Severity == Severity.Error))
        {
            var where = problem.Location.Path == shown && problem.Location.Line >= bodyLine
                ? $" (its text, line {problem.Location.Line - bodyLine + 1}, column {problem.Location.Column})" : "";
            diagnostics.Error(problem.Code, a.Location, $"{Label(a)}: {problem.Message}{where}; it was not imported");
        }
        return !problems.HasErrors;
    }

    private static string? SlugOf(string? address)
    {
        if (address is null) return null;
        var path = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.AbsolutePath : address.Split('#', '?')[0];
        var match = TextPath.Match(path);
        return match.Success ? match.Groups["slug"].Value : null;
    }
}
