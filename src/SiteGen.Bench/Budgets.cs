using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Bench;

/// <summary>
/// How the time of each worst input (<see cref="WorstInputs"/>) grows with its size: each kind at 1, 2, 4 and 8 MB,
/// run through the command line's entry point, with the seconds per megabyte and the growth from 1 to 8 MB (8 is
/// linear; 64 would be quadratic). <c>dotnet run -c Release --project src/SiteGen.Bench -- budgets [MB ...]</c>
/// </summary>
internal static class Budgets
{
    public static int Run(string[] args, string repo)
    {
        var sizes = args.Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).ToList();
        if (args.Length == 0) sizes = [1, 2, 4, 8];
        var work = Path.Combine(Path.GetTempPath(), "sitegen-budgets-" + Environment.ProcessId);
        var templates = Path.Combine(repo, "templates");
        Console.WriteLine($"Worst inputs, seconds by size (MB), through the command line's entry point; {Environment.ProcessorCount} cores.");
        Console.WriteLine($"{"kind",-24}" + string.Concat(sizes.Select(s => $"{s,9:0.#} MB")) + "   s/MB (largest)   growth");
        try
        {
            foreach (var kind in WorstInputs.Kinds)
            {
                var seconds = sizes.Select(size => Time(kind, (long)(size * 1024 * 1024), work, templates)).ToList();
                var growth = seconds[^1] / Math.Max(0.001, seconds[0]);
                Console.WriteLine($"{kind,-24}" + string.Concat(seconds.Select(s => $"{s,10:0.00} s").Select(s => s[..^0])) +
                                  $"   {seconds[^1] / sizes[^1],8:0.000}   {growth,6:0.0}× for {sizes[^1] / sizes[0]:0}× the size");
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    /// <summary>Seconds for one worst input of one size; the exit code must be a user's mistake or success, never a bug.</summary>
    public static double Time(string kind, long bytes, string work, string templates)
    {
        var input = WorstInputs.Write(kind, bytes, Path.Combine(work, kind), templates);
        var clock = Stopwatch.StartNew();
        var stderr = new StringWriter();
        var code = SiteGen.Commands.Cli.Run(input.Arguments, TextWriter.Null, stderr).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        if (code == 3) throw new InvalidOperationException($"{kind} at {bytes:N0} bytes: exit 3\n{stderr}");
        return seconds;
    }
}
