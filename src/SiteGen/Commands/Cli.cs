using System.CommandLine;

namespace SiteGen.Commands;

/// <summary>
/// The command line: parses arguments, runs a command and turns the outcome into an exit code:
/// 0 success, 1 problems in the content or templates, 2 a usage mistake.
/// </summary>
internal static class Cli
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    /// <param name="cancel">Stops a command that runs until stopped (<c>serve</c>), as Ctrl+C does.</param>
    /// <param name="folder">The folder the command is run from (the current one unless given): the repository is found from it, upwards.</param>
    public static async Task<int> Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default, string? folder = null)
    {
        folder ??= Directory.GetCurrentDirectory();
        var root = new RootCommand("SiteGen builds an annotated, cross-referenced reading edition of a corpus of texts: it reads content/ and templates/ and writes a static site to site/.");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr, folder));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr, folder));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr, folder));
        root.Subcommands.Add(ConceptsCommand.Create(stdout, stderr, folder));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr, folder));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr, folder));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'sitegen --help' for the commands, or 'sitegen build --help' for a command's options.");
            return UsageError;
        }
        parsed.InvocationConfiguration.Output = stdout;
        parsed.InvocationConfiguration.Error = stderr;
        parsed.InvocationConfiguration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parsed.InvokeAsync(cancellationToken: cancel);
        }
        catch (Exception ex)
        {
            // Mistakes in content are diagnostics; an exception here is a bug in SiteGen.
            stderr.WriteLine($"internal error: {ex.GetBaseException().Message}");
            stderr.WriteLine("This is a bug in SiteGen, not in your content. Please report it with the command you ran; nothing was written.");
            return InternalError;
        }
    }
}
