using System.Diagnostics;
using SiteGen.Bench;
using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Every path of SiteGen is linear (or n log n) in its input, or bounded: the worst inputs of each kind
/// (<see cref="WorstInputs"/>: each one a path that was once quadratic, and its variants), written at two sizes eight
/// times apart, must each be read in a time proportional to their size. The <c>budgets</c> benchmark measures the times
/// at 1, 2, 4 and 8 MB; this test checks them loosely, against each other in the same run (8 times the size may take at
/// most 16 times as long; a quadratic path takes 64 times), so that it fails on a quadratic path, not on a slow or busy
/// machine: at 256 KB and 2 MB in CI, and at 1 and 8 MB in the long mode (SITEGEN_PROPERTY_CASES set). A ceiling of
/// seconds per megabyte, far above what any machine takes, only stops a run that would never end.
/// </summary>
public class BudgetTests
{
    private const double SecondsPerMegabyte = 12.0;

    /// <summary>The smaller size, in bytes; the larger is eight times it.</summary>
    private static readonly long Small = Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES") is { Length: > 0 } ? 1024 * 1024 : 256 * 1024;

    public static TheoryData<string> Kinds() => [.. WorstInputs.Kinds];

    private static double Seconds(string kind, long bytes, string work)
    {
        var input = WorstInputs.Write(kind, bytes, work, Repo.Templates);
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = Cli.Run(input.Arguments, TextWriter.Null, stderr).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        Assert.True(code is 0 or 1, $"{kind} at {bytes:N0} bytes: exit {code}\n{stderr}");
        return seconds;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_worst_input_of_each_kind_takes_time_in_proportion_to_its_size(string kind)
    {
        using var site = new TempSite(withDefaults: false);
        // A small one first, so that the first measure does not pay for compiling the code it runs.
        Seconds(kind, 16 * 1024, site.Root);
        var one = Seconds(kind, Small, site.Root);
        var eight = Seconds(kind, 8 * Small, site.Root);
        var megabytes = 8.0 * Small / (1024 * 1024);
        Assert.True(eight <= megabytes * SecondsPerMegabyte + 1, $"{kind}: {megabytes:0.#} MB took {eight:0.00} s, more than {SecondsPerMegabyte} s a megabyte");
        Assert.True(eight <= 16 * one + 1, $"{kind}: {Small / 1024:N0} KB took {one:0.00} s and 8 times as much {eight:0.00} s: the time grows faster than the size");
    }
}
