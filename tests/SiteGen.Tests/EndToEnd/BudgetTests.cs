using System.Diagnostics;
using SiteGen.Bench;
using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Every path of SiteGen is linear (or n log n) in its input, or bounded: the worst inputs of each kind
/// (<see cref="WorstInputs"/>: each one a path that was once quadratic, and its variants), written at 1 MB and at
/// 8 MB, must each be read in a time proportional to their size. The <c>budgets</c> benchmark measures the times;
/// this test checks them loosely (8 times the size may take at most 16 times as long, and no megabyte more than
/// a few seconds), so that it fails on a quadratic path, not on a slow machine.
/// </summary>
public class BudgetTests
{
    private const double SecondsPerMegabyte = 3.0;

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
        Seconds(kind, 64 * 1024, site.Root);
        var one = Seconds(kind, 1024 * 1024, site.Root);
        var eight = Seconds(kind, 8 * 1024 * 1024, site.Root);
        Assert.True(eight <= 8 * SecondsPerMegabyte, $"{kind}: 8 MB took {eight:0.00} s, more than {SecondsPerMegabyte} s a megabyte");
        Assert.True(eight <= 16 * one + 2, $"{kind}: 1 MB took {one:0.00} s and 8 MB {eight:0.00} s: the time grows faster than the size");
    }
}
