using System.CommandLine;
using System.Globalization;
using System.Text;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen new annotation</c> and <c>sitegen new concept</c>: write a correct file to start
/// from. An annotation's quote is anchored first; where it occurs more than once, the prefix or
/// suffix that picks the chosen place is written too.
/// </summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("new", "Start a new annotation or concept file.");
        command.Subcommands.Add(Annotation(stdout, stderr));
        command.Subcommands.Add(Concept(stdout, stderr));
        return command;
    }

    private static Command Annotation(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var text = new Option<string>("--text") { Description = "The slug of the annotated text (its file name in content/texts/).", Required = true };
        var quote = new Option<string>("--quote") { Description = "The exact passage, as the text has it.", Required = true };
        var kind = new Option<string>("--kind") { Description = "note, correction, context or translation.", DefaultValueFactory = _ => "note" }
            .AcceptOnlyFromAmong([.. Vocabulary.AnnotationKinds.Words]);
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
            if (target is null) return AnnotationFiles.NoSuchText(stderr, site, slug);
            var passage = result.GetValue(quote)!;
            var which = result.GetValue(occurrence);
            if (Place(target, passage, which, stderr, out var places, out var failure) is not { } place) return failure;
            var fileName = result.GetValue(name) ?? NameFrom(passage);
            if (!Slugs.IsValidId(fileName))
            {
                stderr.WriteLine($"error: '{fileName}' cannot name an annotation: {Slugs.IdRule}.");
                return Cli.UsageError;
            }
            var folder = Path.Combine(paths.Content, "annotations", slug);
            var file = AnnotationFiles.Unused(folder, fileName);
            var kindName = result.GetValue(kind)!;
            var yaml = AnnotationFile(target, slug, passage, place, kindName);
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, yaml);
            stdout.WriteLine($"Wrote {paths.Display(file)}: the quote anchors in ¶{place.Paragraph} {place.Context}.");
            if (places.Count > 1)
                stdout.WriteLine($"The quote occurs {places.Count} times; the {(place.Prefix is not null ? "prefix" : "suffix")} picks occurrence {which} of {places.Count} (choose another with --occurrence).");
            stdout.WriteLine("Now write the note below the closing '---', in Markdown; link concepts with [[concept-id]]. Then run: dotnet run --project src/SiteGen -- check");
            return Cli.Success;
        });
        return command;
    }

    /// <summary>
    /// The place of the text a new annotation goes to: occurrence <paramref name="which"/> of the
    /// quote, if the quote is found and that occurrence can be told apart; otherwise null, with the
    /// reason written to <paramref name="stderr"/> and the exit code in <paramref name="failure"/>.
    /// </summary>
    private static AnnotationAnchorer.Occurrence? Place(Text target, string passage, int which, TextWriter stderr,
        out IReadOnlyList<AnnotationAnchorer.Occurrence> places, out int failure)
    {
        places = AnnotationAnchorer.Occurrences(target, passage, out var notFound);
        failure = Cli.ContentErrors;
        if (places.Count == 0)
        {
            stderr.WriteLine($"error: {notFound}");
            return null;
        }
        if (which < 1 || which > places.Count)
        {
            stderr.WriteLine($"error: --occurrence must be between 1 and {places.Count}: the quote occurs {places.Count} times.");
            failure = Cli.UsageError;
            return null;
        }
        var place = places[which - 1];
        if (places.Count > 1 && place.Prefix is null && place.Suffix is null)
        {
            stderr.WriteLine($"error: the quote occurs {places.Count} times in {target.Slug}, and no words before or after occurrence {which} ({place.Context}) tell it apart from the others: quote more of the passage. Nothing was written.");
            return null;
        }
        return place;
    }

    /// <summary>The front matter of a new annotation, with the prefix or suffix that picks its place.</summary>
    private static string AnnotationFile(Text target, string slug, string passage, AnnotationAnchorer.Occurrence place, string kindName)
    {
        var yaml = new StringBuilder()
            .Append("---\n")
            .Append("text: ").Append(slug).Append('\n')
            .Append("quote: ").Append(Quoted(passage)).Append('\n');
        if (place.Prefix is { } prefix) yaml.Append("prefix: ").Append(Quoted(prefix)).Append('\n');
        if (place.Suffix is { } suffix) yaml.Append("suffix: ").Append(Quoted(suffix)).Append('\n');
        yaml.Append("kind: ").Append(kindName).Append('\n');
        if (kindName == "correction") yaml.Append("correction: \"\"   # the right reading; leave empty if the words should be deleted\n");
        yaml.Append("concepts: []   # ids of the concepts the note is about, e.g. [basic-research]\n")
            .Append("author: editors\n")
            .Append("date: ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
            .Append(AnnotationFiles.RecordYaml(PassageRecord.Of(target.Paragraphs[place.Paragraph - 1])))
            .Append("---\n");
        return yaml.ToString();
    }

    private static Command Concept(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
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
                stderr.WriteLine($"error: '{conceptId}' cannot be a concept id: {Slugs.IdRule}.");
                return Cli.UsageError;
            }
            var file = Path.Combine(paths.Content, "concepts", conceptId + ".md");
            if (File.Exists(file))
            {
                stderr.WriteLine($"error: {paths.Display(file)} exists already: edit it, or choose another id.");
                return Cli.UsageError;
            }
            var name = result.GetValue(title) ?? char.ToUpperInvariant(conceptId[0]) + conceptId[1..].Replace('-', ' ');
            var yaml = $"---\ntitle: {Quoted(name)}\naliases:\n  # every other phrasing the texts use, one per line, e.g.\n  # - {name.ToLowerInvariant()}\ncategory: {result.GetValue(category)}\nrelated: []   # ids of related concepts\n---\n";
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, yaml);
            stdout.WriteLine($"Wrote {paths.Display(file)}.");
            var site = LoadTexts(paths, TextWriter.Null);
            if (site is not null)
            {
                var analysed = SiteAnalyser.Analyse(site, new DiagnosticBag());
                var mentions = analysed.MentionsByConcept.TryGetValue(conceptId, out var m) ? m : [];
                stdout.WriteLine($"Its title is found {mentions.Length} times in {mentions.Select(x => x.Slug).Distinct().Count()} texts. Add the other phrasings as aliases, write the commentary below the closing '---', then run: dotnet run --project src/SiteGen -- check");
            }
            return Cli.Success;
        });
        return command;
    }

    private static Site? LoadTexts(ProjectPaths paths, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(paths, diagnostics);
        if (site is not null) return site;
        DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
        return null;
    }

    /// <summary>A file name from the first words of a quote: "Dening X Kodaira" → dening-x-kodaira.</summary>
    internal static string NameFrom(string quote)
    {
        var words = FoldedText.Phrase(quote).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0).Take(5).ToList();
        var name = string.Join('-', words);
        return name.Length == 0 || !char.IsAsciiLetterLower(name[0]) ? "note" + (name.Length > 0 ? "-" + name : "") : name;
    }

    private static string Quoted(string value) => AnnotationFiles.Quoted(value); // YAML, for concept files too
}
