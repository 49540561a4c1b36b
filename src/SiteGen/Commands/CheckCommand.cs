using System.CommandLine;

namespace SiteGen.Commands;

/// <summary>
/// <c>sitegen check</c>: everything a build checks, plus every link, anchor, title and
/// description of the rendered site; writes nothing.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var strict = Reporter.StrictOption();
        var format = Reporter.FormatOption();
        var command = new Command("check", "Check the content, the templates and every link of the site, without writing it.");
        common.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.SetAction(result =>
        {
            var options = new BuildOptions(common.Paths(result), result.GetValue(common.BaseUrl), Write: false, CheckLinks: true, Strict: result.GetValue(strict));
            var outcome = SiteBuilder.Build(options);
            return Reporter.Finish(outcome, options.Paths, Reporter.Format(result.GetValue(format)), options.Strict, stdout, stderr,
                done: o => $"Checked {o.Site!.Site.Texts.Length} texts, {o.Site.Site.Concepts.Length} concepts, {o.Site.Anchors.Length} notes and {o.Rendered!.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal))} pages in {Reporter.Milliseconds(o.Elapsed)} ms: no problems.",
                failed: "Check failed");
        });
        return command;
    }
}
