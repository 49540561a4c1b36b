using System.Diagnostics;
using SiteGen.Commands;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// One folder per invalid site under <c>fixtures/invalid/</c>, in the manner of Zola's test
/// sites: the files that differ from the <c>basic</c> fixture (and the repository's templates),
/// <c>remove.txt</c> for files to take away, <c>args.txt</c> for the command, and
/// <c>expected.txt</c>: the exit code and every line the contributor sees, exactly. The command line runs from the
/// site's folder, so paths read as they do for a contributor; a few cases run the real program as a process too.
/// </summary>
public class InvalidSiteTests
{
    private static readonly string Cases = Repo.Fixture("invalid");

    public static TheoryData<string> Names() => [.. Directory.GetDirectories(Cases).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    /// <summary>The site of one case, made from the basic fixture, the case's files and the repository's templates.</summary>
    private static TempSite SiteOf(string folder)
    {
        var site = new TempSite(withDefaults: false);
        Copy(Path.Combine(Repo.Fixture("basic"), "content"), site.Content);
        Copy(Repo.Templates, Path.Combine(site.Root, "templates"));
        foreach (var part in new[] { "content", "templates" })
            if (Directory.Exists(Path.Combine(folder, part))) Copy(Path.Combine(folder, part), Path.Combine(site.Root, part));
        var remove = Path.Combine(folder, "remove.txt");
        if (File.Exists(remove))
            foreach (var line in File.ReadAllLines(remove).Where(l => l.Length > 0)) File.Delete(Path.Combine(site.Root, line));
        return site;
    }

    private static string[] Arguments(string folder) =>
        File.ReadAllText(Path.Combine(folder, "args.txt")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Compare(string name, string folder, TempSite site, string actual)
    {
        var expected = Path.Combine(folder, "expected.txt");
        if (!File.Exists(expected) || File.ReadAllText(expected) != actual)
        {
            File.WriteAllText(Path.Combine(folder, "expected.received.txt"), actual);
            Assert.Fail($"{name}: the diagnostics differ from expected.txt (see expected.received.txt beside it; rename it once reviewed):\n{actual}");
        }
        Assert.DoesNotContain("   at ", actual);
        Assert.False(File.Exists(Path.Combine(site.Root, "site", "index.html")), "an invalid site must write nothing");
    }

    /// <summary>Each case through the command line's entry point, from the site's folder, as a contributor runs it.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_invalid_site_gives_exactly_its_expected_diagnostics_and_exit_code(string name)
    {
        var folder = Path.Combine(Cases, name);
        using var site = SiteOf(folder);
        var stderr = new StringWriter();
        var code = await Cli.Run(Arguments(folder), new StringWriter(), stderr, folder: site.Root);
        Compare(name, folder, site, $"exit {code}\n" + stderr.ToString().Replace(site.Root, "<site>"));
    }

    /// <summary>A few cases as the real program, in a process of its own: the exit code is what the shell sees.</summary>
    [Theory]
    [InlineData("unknown-key")]
    [InlineData("output-unsafe")]
    public async Task The_real_program_exits_with_the_same_code_and_messages(string name)
    {
        var folder = Path.Combine(Cases, name);
        using var site = SiteOf(folder);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = site.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"));
        foreach (var arg in Arguments(folder)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Compare(name, folder, site, $"exit {process.ExitCode}\n" + (await errors).Replace(site.Root, "<site>"));
    }

    [Fact]
    public void Every_diagnostic_code_has_an_invalid_site_that_gives_it()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var expected = string.Concat(Directory.GetFiles(Cases, "expected.txt", SearchOption.AllDirectories).Select(File.ReadAllText));
        // SG0902 (another build holds the output) needs two builds at once: HardeningTests covers it; SG0903 (the file
        // system refuses a write) needs a failing disk: OutputTests covers it.
        Assert.All(codes.Where(c => c is not (DiagnosticCodes.OutputBusy or DiagnosticCodes.OutputFailed)), code => Assert.Contains($"[{code}]", expected));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
