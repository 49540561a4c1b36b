using System.CommandLine;
using SiteGen.Analysis;
using SiteGen.Editing;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen check</c>: everything a build checks, plus every link, anchor, title and
/// description of the rendered site; writes nothing, except with <c>--accept-drift</c>, which first
/// records, in the annotations under the given paths, the paragraph each now anchors in.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var strict = Reporter.StrictOption();
        var format = Reporter.FormatOption();
        var acceptDrift = new Option<string[]>("--accept-drift")
        {
            Description = "After review: record the paragraph each annotation under PATH (a file or a folder) now anchors in, so that its drift is no longer reported.",
            HelpName = "PATH",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("check", "Check the content, the templates and every link of the site, without writing it.");
        common.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.Options.Add(acceptDrift);
        command.SetAction(result =>
        {
            var options = new BuildOptions(common.Paths(result), result.GetValue(common.BaseUrl), Write: false, CheckLinks: true, Strict: result.GetValue(strict));
            if (result.GetValue(acceptDrift) is { Length: > 0 } accepted && AcceptDrift(options, accepted, folder, stdout, stderr) is { } failure)
                return failure;
            var outcome = SiteBuilder.Build(options);
            return Reporter.Finish(outcome, options.Paths, Reporter.Format(result.GetValue(format)), options.Strict, stdout, stderr,
                done: o => $"Checked {o.Site!.Site.Texts.Length} texts, {o.Site.Site.Concepts.Length} concepts, {o.Site.Notes.Length} notes and {o.Rendered!.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal))} pages in {Reporter.Milliseconds(o.Elapsed)} ms: no problems.",
                failed: "Check failed");
        });
        return command;
    }

    /// <summary>Rewrites the <c>anchored:</c> record of each annotation under <paramref name="accepted"/> that anchors; an exit code on a usage mistake.</summary>
    private static int? AcceptDrift(BuildOptions options, string[] accepted, string folder, TextWriter stdout, TextWriter stderr)
    {
        var paths = options.Paths;
        var annotations = Path.GetFullPath(Path.Combine(paths.Content, "annotations"));
        var roots = new List<string>();
        foreach (var given in accepted)
        {
            var full = Path.GetFullPath(given, folder);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                stderr.WriteLine($"error: --accept-drift {given}: there is no such file or folder. Give an annotation file or a folder of them, e.g. --accept-drift {paths.Display(Path.Combine(annotations, "<text>", "<name>.md"))}");
                return Cli.UsageError;
            }
            if (!IsWithin(full, annotations) && !IsWithin(annotations, full))
            {
                stderr.WriteLine($"error: --accept-drift {given}: only annotations are recorded, and this is not in {paths.Display(annotations)}/.");
                return Cli.UsageError;
            }
            roots.Add(full);
        }
        // Only where each note anchors is needed: the content is loaded and anchored, not rendered.
        var site = ContentLoader.Load(paths, new DiagnosticBag());
        if (site is null) return null; // the check that follows reports why
        var texts = site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        int recorded = 0, current = 0, failed = 0;
        foreach (var anchor in NoteAnchorer.Anchor(site, new DiagnosticBag()))
        {
            var file = Path.GetFullPath(anchor.Note.SourcePath, paths.Root);
            if (!roots.Any(root => IsWithin(file, root))) continue;
            var now = PassageRecord.Of(texts[anchor.Paragraph.Slug].Paragraphs[anchor.Paragraph.Number - 1]);
            if (anchor.Note.Anchored is { } was && was.Paragraph == now.Paragraph && was.Hash == now.Hash && was.Text == now.Text)
            {
                current++;
                continue;
            }
            var shown = paths.Display(file);
            if (NoteFile.WithRecord(shown, anchor.Paragraph.Slug, File.ReadAllText(file), now, out var problem) is not { } updated
                || ContentWriter.Write(file, annotations, updated) is { } refused && (problem = refused) is not null)
            {
                stderr.WriteLine(DiagnosticFormatter.Printable($"error: {shown}: the passage was not recorded: {problem}."));
                failed++;
                continue;
            }
            recorded++;
            stdout.WriteLine($"Recorded ¶{now.Paragraph} ({now.Hash}) in {paths.Display(file)}.");
        }
        stdout.WriteLine($"Accepted the passages of {recorded} {(recorded == 1 ? "note" : "notes")}; {current} already up to date" +
                         (failed > 0 ? $"; {failed} not recorded (see above)." : "."));
        return failed > 0 ? Cli.ContentErrors : null;
    }

    private static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
