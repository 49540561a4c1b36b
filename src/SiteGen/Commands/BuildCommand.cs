using System.CommandLine;
using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Commands;

/// <summary><c>sitegen build</c>: content in, site out.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var clean = new Option<bool>("--clean") { Description = "Empty the output folder before writing (its .gitignore is kept)." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each stage took." };
        var command = new Command("build", "Build the site from content/ and templates/ into site/.");
        common.AddTo(command);
        command.Options.Add(clean);
        command.Options.Add(timings);
        command.SetAction(result =>
        {
            var options = new BuildOptions(common.Paths(result), result.GetValue(common.BaseUrl), result.GetValue(clean));
            var outcome = SiteBuilder.Build(options);
            if (result.GetValue(timings))
                foreach (var (stage, elapsed) in outcome.Stages)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-28} {elapsed.TotalMilliseconds,8:0.0} ms"));
            return Report(outcome, options.Paths, stdout, stderr);
        });
        return command;
    }

    public static int Report(BuildResult outcome, ProjectPaths paths, TextWriter stdout, TextWriter stderr)
    {
        var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && ReferenceEquals(stderr, Console.Error);
        DiagnosticFormatter.WriteHuman(stderr, outcome.Diagnostics, colour);
        var ms = outcome.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        if (!outcome.Succeeded)
        {
            stderr.WriteLine($"Build failed: {DiagnosticFormatter.Summary(outcome.Diagnostics)}. Nothing was written to {paths.Display(paths.Output)}/.");
            return Cli.ContentErrors;
        }
        var site = outcome.Site!.Site;
        var w = outcome.Written!;
        stdout.WriteLine($"Built {site.Texts.Count} texts, {site.Texts.Sum(t => t.Paragraphs.Count)} paragraphs, {site.Concepts.Count} concepts, {outcome.Site.Mentions.Count} mentions, {outcome.Site.Anchors.Count} notes: " +
            $"{outcome.Rendered!.Files.Count} files in {paths.Display(paths.Output)}/ ({w.Written} written, {w.Unchanged} unchanged" +
            (w.Removed > 0 ? $", {w.Removed} removed" : "") + $") in {ms} ms.");
        if (outcome.Diagnostics.Count > 0) stdout.WriteLine(DiagnosticFormatter.Summary(outcome.Diagnostics) + ".");
        return Cli.Success;
    }
}
