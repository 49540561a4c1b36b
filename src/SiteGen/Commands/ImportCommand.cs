using System.CommandLine;
using SiteGen.Diagnostics;
using SiteGen.Editing;
using SiteGen.Loading;

namespace SiteGen.Commands;

/// <summary><c>sitegen import hypothesis FILE.json</c>: annotations made with Hypothesis become annotation files (<see cref="HypothesisImport"/>).</summary>
internal static class ImportCommand
{
    /// <summary>The largest export read: Hypothesis returns at most a few thousand annotations per file.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var command = new Command("import", "Import annotations made elsewhere.");
        command.Subcommands.Add(Hypothesis(stdout, stderr, folder));
        return command;
    }

    private static Command Hypothesis(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var file = new Argument<string>("FILE") { Description = "Annotations exported from Hypothesis (an API search response {\"rows\": [...]}, or one annotation)." };
        var text = new Option<string?>("--text") { Description = "The slug of the annotated text, when the annotations' addresses do not name one." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be written, and write nothing." };
        var force = new Option<bool>("--force") { Description = "Replace an imported file even when an editor has changed it since (what would change is shown without it)." };
        var command = new Command("hypothesis", "Write content/annotations/<text>/<name>.md for each annotation of a Hypothesis export that anchors in a text.");
        command.Arguments.Add(file);
        command.Options.Add(common.Content);
        command.Options.Add(text);
        command.Options.Add(dryRun);
        command.Options.Add(force);
        command.SetAction(result =>
        {
            var paths = common.Paths(result);
            var given = result.GetValue(file)!;
            var full = Path.GetFullPath(given, folder);
            if (!File.Exists(full))
            {
                stderr.WriteLine(DiagnosticFormatter.Printable($"error: there is no file '{given}': give the JSON file exported from Hypothesis."));
                return Cli.UsageError;
            }
            if (new FileInfo(full).Length > MaxFileBytes)
            {
                stderr.WriteLine(DiagnosticFormatter.Printable($"error: '{given}' is larger than {MaxFileBytes / (1024 * 1024)} MB: export fewer annotations at a time."));
                return Cli.UsageError;
            }
            var diagnostics = new DiagnosticBag();
            var site = ContentLoader.Load(paths, diagnostics);
            if (site is null || diagnostics.HasErrors)
            {
                DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
                stderr.WriteLine("The content has problems: fix them first (dotnet run -- check). Nothing was imported.");
                return Cli.ContentErrors;
            }
            var only = result.GetValue(text);
            if (only is not null && site.Texts.All(t => t.Slug != only)) return NewCommand.NoSuchText(stderr, site, only);
            diagnostics = new DiagnosticBag(); // from here on: the import's own problems
            var display = paths.Display(full);
            if (HypothesisExport.Read(display, File.ReadAllBytes(full), diagnostics) is not { } annotations)
            {
                DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
                return Cli.ContentErrors;
            }
            var isDryRun = result.GetValue(dryRun);
            var import = new HypothesisImport(site, paths, only, isDryRun, result.GetValue(force), diagnostics);
            foreach (var line in annotations.Select(import.Import).OfType<string>()) stdout.WriteLine(DiagnosticFormatter.Printable(line));
            DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
            var verb = isDryRun ? "Would write" : "Wrote";
            stdout.WriteLine($"{verb} {import.Written} new and {import.Updated} updated {(import.Written + import.Updated == 1 ? "annotation" : "annotations")}; " +
                             $"{import.Unchanged} unchanged, {(import.Kept > 0 ? $"{import.Kept} left as editors changed them, " : "")}{import.Skipped} skipped, " +
                             $"{diagnostics.Count} not imported{(diagnostics.Count > 0 ? " (see above)" : "")}.");
            if (import.Written + import.Updated > 0 && !isDryRun)
                stdout.WriteLine("Review them, then run: dotnet run -- check");
            return diagnostics.HasErrors ? Cli.ContentErrors : Cli.Success;
        });
        return command;
    }
}
