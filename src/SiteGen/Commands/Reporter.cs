using SiteGen.Model;
using System.CommandLine;
using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.FileSystem;

namespace SiteGen.Commands;

/// <summary>
/// Writes the outcome of a run: the diagnostics in the chosen format, then a summary, and turns
/// it into an exit code. Human messages go to standard error; GitHub workflow commands and JSON go
/// to standard output, where GitHub and tools read them.
/// </summary>
internal static class Reporter
{
    public static Option<string?> FormatOption() => new Option<string?>("--format")
    {
        Description = "How to write problems: human (default on a terminal), github (workflow commands, the default when GITHUB_ACTIONS=true) or json.",
    }.AcceptOnlyFromAmong("human", "github", "json");

    public static Option<bool> StrictOption() => new("--strict") { Description = "Fail on warnings too." };

    public static DiagnosticFormat Format(string? given) => given switch
    {
        "human" => DiagnosticFormat.Human,
        "github" => DiagnosticFormat.GitHub,
        "json" => DiagnosticFormat.Json,
        _ => DiagnosticFormatter.Default(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value)),
    };

    /// <param name="done">The success line, given the outcome; null prints nothing.</param>
    public static int Finish(BuildResult outcome, ProjectPaths paths, DiagnosticFormat format, bool strict,
        TextWriter stdout, TextWriter stderr, Func<BuildResult, string?> done, string failed, string afterFailure = "")
    {
        var colour = format == DiagnosticFormat.Human && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected
                     && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var passes = outcome.Passes(strict);
        DiagnosticFormatter.Write(format == DiagnosticFormat.Human ? stderr : stdout, outcome.Diagnostics, format, colour);
        var summary = DiagnosticFormatter.Summary(outcome.Diagnostics);
        if (!passes)
        {
            var why = outcome.Succeeded && strict ? " (--strict: warnings count)" : "";
            stderr.WriteLine($"{failed}: {summary}{why}.{afterFailure}");
            return Cli.ContentErrors;
        }
        if (format != DiagnosticFormat.Json)
        {
            if (done(outcome) is { } line) stdout.WriteLine(line);
            if (outcome.Diagnostics.Count > 0) stderr.WriteLine(summary + ".");
        }
        return Cli.Success;
    }

    public static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
