using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen import hypothesis FILE.json</c>: annotations made with Hypothesis on the published
/// site become annotation files of the content model. Each is re-anchored with the edition's own
/// anchorer (keeping only the prefix or suffix needed to decide), checked as a hand-written note is,
/// and written to <c>content/annotations/&lt;text&gt;/&lt;name&gt;.md</c> with its Hypothesis id, so
/// that importing again updates it instead of adding a copy. Replies, page notes and annotations of
/// other pages are skipped and said so; an annotation that does not anchor is reported with the
/// closest passage and written nowhere.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The largest export read: Hypothesis returns at most a few thousand annotations per file.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("import", "Import annotations made elsewhere.");
        command.Subcommands.Add(Hypothesis(stdout, stderr));
        return command;
    }

    private static Command Hypothesis(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var file = new Argument<string>("FILE") { Description = "Annotations exported from Hypothesis (an API search response {\"rows\": [...]}, or one annotation)." };
        var text = new Option<string?>("--text") { Description = "The slug of the annotated text, when the annotations' addresses do not name one." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be written, and write nothing." };
        var command = new Command("hypothesis", "Write content/annotations/<text>/<name>.md for each annotation of a Hypothesis export that anchors in a text.");
        command.Arguments.Add(file);
        command.Options.Add(common.Content);
        command.Options.Add(text);
        command.Options.Add(dryRun);
        command.SetAction(result =>
        {
            var paths = common.Paths(result);
            var given = result.GetValue(file)!;
            var full = Path.GetFullPath(given);
            if (!File.Exists(full))
            {
                stderr.WriteLine($"error: there is no file '{given}': give the JSON file exported from Hypothesis.");
                return Cli.UsageError;
            }
            if (new FileInfo(full).Length > MaxFileBytes)
            {
                stderr.WriteLine($"error: '{given}' is larger than {MaxFileBytes / (1024 * 1024)} MB: export fewer annotations at a time.");
                return Cli.UsageError;
            }
            var diagnostics = new DiagnosticBag();
            var site = ContentLoader.Load(paths, diagnostics);
            if (site is null || diagnostics.HasErrors)
            {
                DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
                stderr.WriteLine("The content has problems: fix them first (dotnet run --project src/SiteGen -- check). Nothing was imported.");
                return Cli.ContentErrors;
            }
            var only = result.GetValue(text);
            if (only is not null && site.Texts.All(t => t.Slug != only)) return AnnotationFiles.NoSuchText(stderr, site, only);
            diagnostics = new DiagnosticBag(); // from here on: the import's own problems
            var display = paths.Display(full);
            if (HypothesisExport.Read(display, File.ReadAllBytes(full), diagnostics) is not { } annotations)
            {
                DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
                return Cli.ContentErrors;
            }
            var import = new Importer(site, paths, only, result.GetValue(dryRun), diagnostics);
            var lines = annotations.Select(import.Import).ToList();
            foreach (var line in lines.OfType<string>()) stdout.WriteLine(line);
            DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
            var verb = result.GetValue(dryRun) ? "Would write" : "Wrote";
            stdout.WriteLine($"{verb} {import.Written} new and {import.Updated} updated {(import.Written + import.Updated == 1 ? "annotation" : "annotations")}; " +
                             $"{import.Unchanged} unchanged, {import.Skipped} skipped, {diagnostics.Count} not imported{(diagnostics.Count > 0 ? " (see above)" : "")}.");
            if (import.Written + import.Updated > 0 && !result.GetValue(dryRun))
                stdout.WriteLine("Review them, then run: dotnet run --project src/SiteGen -- check");
            return diagnostics.HasErrors ? Cli.ContentErrors : Cli.Success;
        });
        return command;
    }

    /// <summary>One import run: the content as it is, what has been written so far, and the counts.</summary>
    private sealed class Importer(Site site, ProjectPaths paths, string? only, bool dryRun, DiagnosticBag diagnostics)
    {
        private static readonly Regex TextPath = new(@"/texts/(?<slug>[a-z0-9][a-z0-9-]*)/(?:index\.html)?$", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, Text> _texts = site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        private readonly Dictionary<string, Annotation> _bySourceId = site.Annotations.Where(a => a.SourceId is not null)
            .GroupBy(a => a.SourceId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public int Written { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }
        public int Skipped { get; private set; }

        private string? Skip(HypothesisAnnotation a, string why)
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

        /// <summary>Imports one annotation; the line to print, or null when a problem was reported.</summary>
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
            if (Place(a, text, target) is not { } place) return null;
            if (Describe(a, text, target, place) is not { } content) return null;

            var sourceId = SourceId(a.Id);
            string file;
            if (_bySourceId.TryGetValue(sourceId, out var existing))
            {
                file = Path.GetFullPath(existing.SourcePath, paths.Root);
                if (existing.TextSlug != slug)
                    return Fail(a, DiagnosticCodes.SlugMismatch, $"it was imported into {existing.SourcePath}, which is on another text: move or delete that file first");
            }
            else file = AnnotationFiles.Unused(Path.Combine(paths.Content, "annotations", slug), NewCommand.NameFrom(target.Exact!), _taken);
            var shown = paths.Display(file);
            var current = File.Exists(file) ? File.ReadAllText(file) : null;
            if (current == content)
            {
                Unchanged++;
                return $"{shown}: unchanged ({Label(a)})";
            }
            if (!Verify(a, text, slug, file, content, place)) return null;
            if (!dryRun)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, content);
            }
            _taken.Add(file);
            if (current is null) Written++; else Updated++;
            var unused = a.Tags.Where(t => t.Trim().Length > 0 && ReadTag(t) is (null, _, null)).ToList();
            return $"{shown}: {(current is null ? "new" : "updated")}, ¶{place.Paragraph} {place.Context} ({Label(a)}" +
                   (unused.Count > 0 ? $"; tags not used: {string.Join(", ", unused)})" : ")");
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
            if (Vocabulary.AnnotationKinds.ByWord.ContainsKey(head) && (colon < 0 || head == "correction")) return (head, rest, null);
            return (null, null, null);
        }

        /// <summary>Where the quote is in the text: its only place, or the one its prefix and suffix agree with best.</summary>
        private AnnotationAnchorer.Occurrence? Place(HypothesisAnnotation a, Text text, HypothesisTarget target)
        {
            var places = AnnotationAnchorer.Occurrences(text, target.Exact!, out var notFound);
            if (places.Count == 0)
            {
                Fail(a, DiagnosticCodes.QuoteNotFound, notFound + " (or select the passage again in Hypothesis, and export again)");
                return null;
            }
            if (places.Count == 1) return places[0];
            var scored = places.Select(p => (Place: p, Score: Agreement(text.Paragraphs[p.Paragraph - 1].PlainText, p, target.Prefix, target.Suffix))).ToList();
            var best = scored.Max(s => s.Score);
            var chosen = scored.Where(s => s.Score == best).Select(s => s.Place).ToList();
            if (chosen.Count == 1 && (chosen[0].Prefix is not null || chosen[0].Suffix is not null)) return chosen[0];
            Fail(a, DiagnosticCodes.QuoteAmbiguous, $"the quote occurs {places.Count} times in {text.Slug}, and its prefix and suffix do not tell which: " +
                string.Join("; ", chosen.Select(p => $"¶{p.Paragraph} {p.Context}")) + " (annotate a longer passage in Hypothesis)");
            return null;
        }

        /// <summary>How many characters of Hypothesis's prefix and suffix agree with the words around a place, folded as quotes are.</summary>
        private static int Agreement(string paragraph, AnnotationAnchorer.Occurrence place, string? prefix, string? suffix)
        {
            var before = FoldedText.Phrase(paragraph[..place.Start]).TrimEnd();
            var after = FoldedText.Phrase(paragraph[place.End..]).TrimStart();
            var p = FoldedText.Phrase(prefix ?? "").TrimEnd();
            var s = FoldedText.Phrase(suffix ?? "").TrimStart();
            var score = 0;
            while (score < before.Length && score < p.Length && before[^(score + 1)] == p[^(score + 1)]) score++;
            var tail = 0;
            while (tail < after.Length && tail < s.Length && after[tail] == s[tail]) tail++;
            return score + tail;
        }

        /// <summary>The annotation file, or null when the annotation cannot become one (reported).</summary>
        private string? Describe(HypothesisAnnotation a, Text text, HypothesisTarget target, AnnotationAnchorer.Occurrence place)
        {
            var kinds = new List<(string Word, string? Reading)>();
            var concepts = new List<string>();
            foreach (var tag in a.Tags.Select(t => t.Trim()).Where(t => t.Length > 0))
            {
                var (tagKind, tagReading, concept) = ReadTag(tag);
                if (concept is not null)
                {
                    if (site.Concepts.Any(c => c.Id == concept)) { concepts.Add(concept); continue; }
                    var hint = Suggestions.Closest(concept, site.Concepts.Select(c => c.Id)) is { } s ? $"did you mean 'concept:{s}'?" : "the ids are the file names in content/concepts/";
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
            if (Author(a.User) is not { } author)
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
            var yaml = new StringBuilder()
                .Append("---\n")
                .Append("text: ").Append(text.Slug).Append('\n')
                .Append("quote: ").Append(AnnotationFiles.Quoted(text.Paragraphs[place.Paragraph - 1].PlainText[place.Start..place.End])).Append('\n');
            if (place.Prefix is { } prefix) yaml.Append("prefix: ").Append(AnnotationFiles.Quoted(prefix)).Append('\n');
            if (place.Suffix is { } suffix) yaml.Append("suffix: ").Append(AnnotationFiles.Quoted(suffix)).Append('\n');
            yaml.Append("kind: ").Append(kind).Append('\n');
            if (kind == "correction") yaml.Append("correction: ").Append(AnnotationFiles.Quoted(reading!)).Append('\n');
            if (concepts.Count > 0) yaml.Append("concepts: [").AppendJoin(", ", concepts.Distinct(StringComparer.Ordinal)).Append("]\n");
            yaml.Append("author: ").Append(author).Append('\n');
            if (a.Created is { } created) yaml.Append("date: ").Append(created.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            yaml.Append("source_id: ").Append(AnnotationFiles.Quoted(SourceId(a.Id!))).Append('\n')
                .Append(AnnotationFiles.RecordYaml(PassageRecord.Of(text.Paragraphs[place.Paragraph - 1])))
                .Append("---\n")
                .Append(body).Append('\n');
            return yaml.ToString();
        }

        /// <summary>
        /// The file as the build will read it: loaded by the annotation loader, its note through the
        /// one Markdown policy of hand-written notes, anchored by the anchorer at the chosen place.
        /// </summary>
        private bool Verify(HypothesisAnnotation a, Text text, string slug, string file, string content, AnnotationAnchorer.Occurrence place)
        {
            var problems = new DiagnosticBag();
            var shown = paths.Display(file);
            TextRules.TextCharacters.CheckFile(shown, content, problems);
            var loaded = AnnotationLoader.Load(shown, slug, content, problems);
            if (loaded is not null)
            {
                foreach (var link in loaded.Links.Where(l => site.Concepts.All(c => c.Id != l.Value)))
                    problems.Error(DiagnosticCodes.UnknownConcept, link.Location, $"[[{link.Value}]] names no concept");
                var anchors = AnnotationAnchorer.Anchor(site with { Texts = [text], Annotations = [loaded] }, problems);
                if (!problems.HasErrors && (anchors.Count != 1 || anchors[0].Paragraph.Number != place.Paragraph || anchors[0].Start != place.Start))
                    problems.Error(DiagnosticCodes.QuoteAmbiguous, loaded.QuoteLocation, "the quote does not anchor where Hypothesis placed it");
            }
            // The note is the file's body: a problem there is told at its line and column in the note as Hypothesis shows it.
            var bodyLine = content.Split('\n').Select((l, i) => (l, i)).Where(x => x.l == "---").Skip(1).Select(x => x.i + 2).FirstOrDefault(int.MaxValue);
            foreach (var problem in problems.Sorted().Where(p => p.Severity == Severity.Error))
            {
                var where = problem.Location.Path == shown && problem.Location.Line >= bodyLine
                    ? $" (its text, line {problem.Location.Line - bodyLine + 1}, column {problem.Location.Column})" : "";
                diagnostics.Error(problem.Code, a.Location, $"{Label(a)}: {problem.Message}{where}; it was not imported");
            }
            return !problems.HasErrors;
        }

        private static string SourceId(string id) => "hypothesis:" + id;

        private static readonly Regex Account = new(@"^acct:(?<name>[A-Za-z0-9._-]{1,64})@[A-Za-z0-9.-]{1,253}$", RegexOptions.CultureInvariant);

        /// <summary><c>acct:name@hypothes.is</c> → <c>name</c>; null when the user is not an account.</summary>
        private static string? Author(string? user) => user is not null && Account.Match(user) is { Success: true } m ? m.Groups["name"].Value : null;

        private static string? SlugOf(string? address)
        {
            if (address is null) return null;
            var path = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.AbsolutePath : address.Split('#', '?')[0];
            var match = TextPath.Match(path);
            return match.Success ? match.Groups["slug"].Value : null;
        }
    }
}
