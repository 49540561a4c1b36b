using System.CommandLine;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Editing;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.FileSystem;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen new annotation</c> and <c>sitegen new concept</c>: write a correct file to start
/// from. An annotation's quote is anchored first; where it occurs more than once, the prefix or
/// suffix that picks the chosen place is written too. Every file is read back by the loader before it is written.
/// </summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var command = new Command("new", "Start a new annotation or concept file.");
        command.Subcommands.Add(Annotation(stdout, stderr, folder));
        command.Subcommands.Add(Concept(stdout, stderr, folder));
        return command;
    }

    private static Command Annotation(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var text = new Option<string>("--text") { Description = "The slug of the annotated text (its file name in content/texts/).", Required = true };
        var quote = new Option<string>("--quote") { Description = "The exact passage, as the text has it.", Required = true };
        var kind = new Option<string>("--kind") { Description = "note, correction, context or translation.", DefaultValueFactory = _ => "note" }
            .AcceptOnlyFromAmong([.. Vocabulary.NoteKinds.Words]);
        var name = new Option<string?>("--name") { Description = "The file name (default: made from the quote)." };
        var occurrence = new Option<int>("--occurrence") { Description = "Which place to annotate when the quote occurs more than once (1 = first).", DefaultValueFactory = _ => 1 };
        var command = new Command("annotation", "Write content/annotations/<text>/<name>.md for a passage, after checking that its quote anchors.");
        command.Options.Add(common.Content);
        foreach (var option in new Option[] { text, quote, kind, name, occurrence }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var paths = common.Paths(result);
            var site = LoadTexts(paths, stderr);
            if (site is null) return Cli.ContentErrors;
            var slug = result.GetValue(text)!;
            var target = site.Texts.FirstOrDefault(t => t.Slug == slug);
            if (target is null) return NoSuchText(stderr, site, slug);
            var passage = result.GetValue(quote)!;
            var which = result.GetValue(occurrence);
            var choice = OccurrenceChoice.ByNumber(new NoteAnchorer.FoldedParagraphs(target), passage, which);
            if (choice.Chosen is not { } place)
            {
                stderr.WriteLine(Printable($"error: {choice.Problem}. Nothing was written."));
                return choice.UsageMistake ? Cli.UsageError : Cli.ContentErrors;
            }
            var fileName = result.GetValue(name) ?? NoteFile.NameFrom(passage);
            if (!Slugs.IsValidId(fileName))
            {
                stderr.WriteLine(Printable($"error: '{fileName}' cannot name an annotation: {Slugs.IdRule}."));
                return Cli.UsageError;
            }
            var folder = Path.Combine(paths.Content, "annotations", slug);
            var file = Path.Combine(folder, fileName + ".md");
            for (var n = 2; File.Exists(file); n++) file = Path.Combine(folder, $"{fileName}-{n}.md");
            var kindName = result.GetValue(kind)!;
            var content = NoteFile.Write(new NoteFields(slug, passage, place.Prefix, place.Suffix, kindName, kindName == "correction" ? "" : null, [],
                "editors", DateOnly.FromDateTime(DateTime.UtcNow), null, PassageRecord.Of(target.Paragraphs[place.Paragraph - 1]), "", Starter: true));
            if (Written(paths, file, Path.Combine(paths.Content, "annotations"), content, stderr,
                    shown => NoteFile.ReadBack(shown, slug, content, new DiagnosticBag()) is { } read && read.Quote == passage) is { } failure)
                return failure;
            stdout.WriteLine($"Wrote {paths.Display(file)}: the quote anchors in ¶{place.Paragraph} {place.Context}.");
            if (choice.Occurrences.Count > 1)
                stdout.WriteLine($"The quote occurs {choice.Occurrences.Count} times; the {(place.Prefix is not null ? "prefix" : "suffix")} picks occurrence {which} of {choice.Occurrences.Count} (choose another with --occurrence).");
            stdout.WriteLine("Now write the note below the closing '---', in Markdown; link concepts with [[concept-id]]. Then run: dotnet run -- check");
            return Cli.Success;
        });
        return command;
    }

    private static Command Concept(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var id = new Argument<string>("id") { Description = "The concept's id: lowercase letters, digits and hyphens (it becomes the file name and URL)." };
        var title = new Option<string?>("--title") { Description = "The name readers see (default: made from the id)." };
        var category = new Option<string>("--category") { Description = "policy-goal, institution, program, person, place, technology or term.", DefaultValueFactory = _ => "term" }
            .AcceptOnlyFromAmong([.. Vocabulary.ConceptCategories.Words]);
        var command = new Command("concept", "Write content/concepts/<id>.md, ready for its aliases and commentary.");
        command.Arguments.Add(id);
        command.Options.Add(common.Content);
        command.Options.Add(title);
        command.Options.Add(category);
        command.SetAction(result =>
        {
            var paths = common.Paths(result);
            var conceptId = result.GetValue(id)!;
            if (!Slugs.IsValidId(conceptId))
            {
                stderr.WriteLine(Printable($"error: '{conceptId}' cannot be a concept id: {Slugs.IdRule}."));
                return Cli.UsageError;
            }
            var name = result.GetValue(title) ?? char.ToUpperInvariant(conceptId[0]) + conceptId[1..].Replace('-', ' ');
            if (TextRules.TextCharacters.FirstForbidden(name) is >= 0 and var at || name.Contains('\n') || name.Trim().Length == 0)
            {
                stderr.WriteLine(Printable($"error: --title must be a name on one line, without control characters: give the title readers see, e.g. --title \"High-speed rail\"."));
                return Cli.UsageError;
            }
            var file = Path.Combine(paths.Content, "concepts", conceptId + ".md");
            if (File.Exists(file) || new FileInfo(file).LinkTarget is not null)
            {
                stderr.WriteLine($"error: {paths.Display(file)} exists already: edit it, or choose another id.");
                return Cli.UsageError;
            }
            var chosen = result.GetValue(category)!;
            var content = ConceptFile.Write(name.Trim(), chosen);
            if (Written(paths, file, Path.Combine(paths.Content, "concepts"), content, stderr,
                    shown => ConceptLoader.Load(shown, content, new DiagnosticBag()) is { } read && read.Title == name.Trim() && Vocabulary.ConceptCategories.Word(read.Category) == chosen) is { } failure)
                return failure;
            stdout.WriteLine($"Wrote {paths.Display(file)}.");
            var site = LoadTexts(paths, TextWriter.Null);
            if (site is not null)
            {
                var analysed = SiteAnalyser.Analyse(site, new DiagnosticBag());
                var mentions = analysed.MentionsByConcept.TryGetValue(conceptId, out var m) ? m : [];
                stdout.WriteLine($"Its title is found {mentions.Length} times in {mentions.Select(x => x.Slug).Distinct().Count()} texts. Add the other phrasings as aliases, write the commentary below the closing '---', then run: dotnet run -- check");
            }
            return Cli.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes a new file once it reads back as meant (<paramref name="readsBack"/>, given the path as messages show it);
    /// null when written, else the exit code, with the reason on <paramref name="stderr"/>.
    /// </summary>
    private static int? Written(ProjectPaths paths, string file, string folder, string content, TextWriter stderr, Func<string, bool> readsBack)
    {
        var shown = paths.Display(file);
        if (!readsBack(shown))
        {
            // What the writer makes always reads back: a file that does not is a bug, and is not written.
            stderr.WriteLine($"internal error: the file made for {shown} does not read back as it should. Nothing was written; please report this with the command you ran.");
            return Cli.InternalError;
        }
        if (ContentWriter.Write(file, folder, content) is { } why)
        {
            stderr.WriteLine(Printable($"error: {shown} was not written: {why}."));
            return Cli.ContentErrors;
        }
        return null;
    }

    /// <summary>The usage mistake of naming a text the content does not have; the exit code to return.</summary>
    public static int NoSuchText(TextWriter stderr, Site site, string slug)
    {
        var hint = Suggestions.Closest(slug, site.Texts.Select(t => t.Slug)) is { } s ? $" Did you mean '{s}'?" : "";
        stderr.WriteLine(Printable($"error: there is no text '{slug}'.{hint} The texts are: {string.Join(", ", site.Texts.Select(t => t.Slug))}"));
        return Cli.UsageError;
    }

    private static string Printable(string line) => DiagnosticFormatter.Printable(line);

    private static Site? LoadTexts(ProjectPaths paths, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(paths, diagnostics);
        if (site is not null) return site;
        DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
        return null;
    }
}
