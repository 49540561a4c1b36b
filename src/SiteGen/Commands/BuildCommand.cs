using System.CommandLine;
using System.Globalization;
using SiteGen.Addresses;

namespace SiteGen.Commands;

/// <summary><c>sitegen build</c>: content in, site out.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var clean = new Option<bool>("--clean") { Description = "Empty the output folder before writing (its .gitignore is kept)." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each stage took." };
        var strict = Reporter.StrictOption();
        var format = Reporter.FormatOption();
        var command = new Command("build", "Build the site from content/ and templates/ into site/.");
        common.AddTo(command);
        command.Options.Add(clean);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.Options.Add(timings);
        command.SetAction(result =>
        {
            var isStrict = result.GetValue(strict);
            // --strict also checks every link of the rendered site, as 'check' does.
            var options = new BuildOptions(common.Paths(result), result.GetValue(common.BaseUrl), result.GetValue(clean), CheckLinks: isStrict, Strict: isStrict);
            var outcome = ProgressDisplay.Build(options, Reporter.Format(result.GetValue(format)));
            if (result.GetValue(timings))
                foreach (var (stage, elapsed) in outcome.Stages)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-28} {elapsed.TotalMilliseconds,8:0.0} ms"));
            return Report(outcome, options, Reporter.Format(result.GetValue(format)), stdout, stderr);
        });
        return command;
    }

    public static int Report(BuildResult outcome, BuildOptions options, Diagnostics.DiagnosticFormat format, TextWriter stdout, TextWriter stderr)
    {
        var paths = options.Paths;
        return Reporter.Finish(outcome, paths, format, options.Strict, stdout, stderr,
            done: o =>
            {
                var site = o.Site!;
                var w = o.Written!;
                return $"Built {site.Site.Texts.Length} texts, {site.Site.Texts.Sum(t => t.Paragraphs.Length)} paragraphs, {site.Site.Concepts.Length} concepts, {site.Mentions.Length} mentions, {site.Notes.Length} notes: " +
                       $"{o.Files} files in {paths.Display(paths.Output)}/ ({w.Written} written, {w.Unchanged} unchanged" +
                       (w.Removed > 0 ? $", {w.Removed} removed" : "") + $") in {Reporter.Milliseconds(o.Elapsed)} ms.";
            },
            failed: "Build failed", afterFailure: $" Nothing was written to {paths.Display(paths.Output)}/.");
    }
}
