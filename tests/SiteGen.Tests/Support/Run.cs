using SiteGen.Commands;

namespace SiteGen.Tests.Support;

/// <summary>The command line's entry point, with what it writes captured: what most end-to-end tests run.</summary>
internal static class Run
{
    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Commands.Cli.Run(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary><c>build</c> of a test site with the repository's templates into its own output.</summary>
    public static (int Code, string Out, string Err) Build(TempSite site, params string[] extra) =>
        Cli(["build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, .. extra]);
}
