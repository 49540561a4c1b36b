using System.Globalization;

namespace SiteGen.Bench;

/// <summary>
/// SiteGen at scale against Hugo, the site a Hugo user would build for the same job (<see cref="SameJob"/>: the
/// concepts as a taxonomy, then Pagefind for search) and the Markdig floor, on the synthetic corpus (<see cref="Corpus"/>),
/// as users run them: whole processes, round-robin in one run so that a noisy moment hits every tool alike, the median of
/// the runs after a warm-up, the output folder removed before each run. Then SiteGen over its own output, with nothing
/// changed and with one text changed. Reports seconds, pages per second, peak resident memory, output bytes and the
/// largest page, then the figures that the targets are stated in.
/// <c>dotnet run -c Release --project src/SiteGen.Bench -- scale 1000 10000 --runs 5</c>
/// </summary>
internal static class ScaleBench
{
    private sealed record Tool(string Name, Func<string, IReadOnlyList<string>> Arguments, string Program);

    private sealed record Result(string Tool, int Texts, double Seconds, double PeakMegabytes, int Pages, long Bytes, long LargestPage, string LastOutput);

    public static int Run(string[] args, string repo)
    {
        var runs = Option(args, "--runs", 5);
        var sizes = Numbers(args).DefaultIfEmpty(1000).ToList();
        var keep = args.Contains("--keep");
        var work = Path.Combine(Path.GetTempPath(), "sitegen-scale-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var bench = typeof(ScaleBench).Assembly.Location;
        var siteGen = Path.Combine(Path.GetDirectoryName(bench)!, "SiteGen.dll");
        var hugo = Processes.EnsureDebianPackage("hugo", "hugo");
        Processes.EnsureDebianPackage("time", "time");
        var results = new List<Result>();
        Console.WriteLine($"SiteGen at scale: {Environment.ProcessorCount} cores; whole processes, round-robin, median of {runs} runs after a warm-up.");
        if (hugo is not null) Console.WriteLine($"Hugo: {Processes.Shell(hugo, "version", work).Trim()}");
        Console.WriteLine();
        try
        {
            foreach (var n in sizes)
            {
                Console.Write($"Writing the corpus of {n:N0} texts... ");
                var corpus = Corpus.Write(repo, Path.Combine(work, $"corpus-{n}"), n);
                Console.WriteLine($"{corpus.Bytes / 1e6:0.0} MB of Markdown, {Directory.GetFiles(Path.Combine(corpus.SiteGen, "annotations"), "*.md", SearchOption.AllDirectories).Length} notes.");
                var output = Path.Combine(work, "out");
                var tools = new List<Tool>
                {
                    new("SiteGen", o => ["exec", siteGen, "build", "--content", corpus.SiteGen, "--templates", Path.Combine(repo, "templates"), "--output", o, "--timings"], "dotnet"),
                    new("Markdig floor", o => ["exec", bench, "floor", corpus.Markdown, o], "dotnet"),
                };
                if (hugo is not null)
                {
                    tools.Add(new("Hugo", o => ["--quiet", "--source", corpus.Hugo, "--destination", o], hugo));
                    var same = SameJob.WriteHugoSite(corpus);
                    tools.Add(new("Hugo + concept taxonomy", o => ["--quiet", "--source", same, "--destination", o], hugo));
                    if (SameJob.Pagefind(work) is { } pagefind)
                        tools.Add(new("Hugo + taxonomy + Pagefind", o => ["-c", $"\"{hugo}\" --quiet --source \"{same}\" --destination \"{o}\" && \"{pagefind}\" --site \"{o}\" >/dev/null"], "bash"));
                }
                var times = tools.ToDictionary(t => t.Name, _ => new List<Measured>());
                for (var r = 0; r <= runs; r++)
                {
                    foreach (var tool in tools)
                    {
                        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                        // The last tool's writes reach the disk before the next starts, so that none pays for another's.
                        Processes.Sync();
                        var measured = Processes.Run(tool.Program, tool.Arguments(output), work);
                        if (r > 0) times[tool.Name].Add(measured); // the first round warms the file cache
                    }
                    Console.Write(r == 0 ? "warm-up done; runs:" : $" {r}");
                }
                Console.WriteLine();
                foreach (var tool in tools)
                {
                    // The output of the last run of each tool, measured once more for its size.
                    if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                    Processes.Sync();
                    var last = Processes.Run(tool.Program, tool.Arguments(output), work);
                    var (pages, _, bytes) = Processes.Output(output);
                    var largest = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Max(f => new FileInfo(f).Length);
                    results.Add(new Result(tool.Name, n, Processes.Median(times[tool.Name].Select(m => m.Seconds)),
                        Processes.Median(times[tool.Name].Select(m => m.PeakMegabytes)), pages, bytes, largest, last.Output));
                }
                // SiteGen again over its own output: nothing changed, then one text changed (a word added), median of the runs.
                var siteGenTool = tools[0];
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                Processes.Run(siteGenTool.Program, siteGenTool.Arguments(output), work);
                var unchanged = Enumerable.Range(0, runs).Select(_ => Processes.Run(siteGenTool.Program, siteGenTool.Arguments(output), work)).ToList();
                var edited = Directory.GetFiles(Path.Combine(corpus.SiteGen, "texts"), "*.md").Order(StringComparer.Ordinal).ElementAt(n / 2);
                var oneEdit = Enumerable.Range(0, runs).Select(k =>
                {
                    File.AppendAllText(edited, $"\nAn added sentence, edit {k}.\n");
                    return Processes.Run(siteGenTool.Program, siteGenTool.Arguments(output), work);
                }).ToList();
                foreach (var (name, measured) in new[] { ("SiteGen, nothing changed", unchanged), ("SiteGen, one text changed", oneEdit) })
                    results.Add(new Result(name, n, Processes.Median(measured.Select(m => m.Seconds)), Processes.Median(measured.Select(m => m.PeakMegabytes)), 0, 0, 0, ""));
            }
        }
        finally
        {
            if (!keep) Directory.Delete(work, recursive: true);
            else Console.WriteLine($"(corpus and output kept in {work})");
        }
        Report(results, sizes);
        return 0;
    }

    private static void Report(List<Result> results, List<int> sizes)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| texts | tool | wall s | pages | pages/s | peak RSS MB | output MB | largest page KB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine(r.Pages == 0 ? string.Create(c, $"| {r.Texts:N0} | {r.Tool} | {r.Seconds:0.00} | | | {r.PeakMegabytes:N0} | | |")
                : string.Create(c, $"| {r.Texts:N0} | {r.Tool} | {r.Seconds:0.00} | {r.Pages:N0} | {r.Pages / r.Seconds:N0} | {r.PeakMegabytes:N0} | {r.Bytes / 1e6:N1} | {r.LargestPage / 1024.0:N0} |"));
        foreach (var n in sizes)
        {
            Result? Of(string tool) => results.FirstOrDefault(r => r.Texts == n && r.Tool == tool);
            var ours = Of("SiteGen")!;
            Console.WriteLine();
            Console.WriteLine($"At {n:N0} texts:");
            void Ratio(string what, double value, double target, bool atMost = true) =>
                Console.WriteLine(string.Create(c, $"  {what,-44} {value,8:0.00}   target {(atMost ? "≤" : "≥")} {target:0.##}  {((atMost ? value <= target : value >= target) ? "met" : "NOT MET")}"));
            if (Of("Hugo") is { } hugo)
            {
                Ratio("SiteGen time / Hugo time", ours.Seconds / hugo.Seconds, 1.5);
                Ratio("SiteGen output bytes / Hugo output bytes", (double)ours.Bytes / hugo.Bytes, 2.5);
            }
            if (Of("Hugo + taxonomy + Pagefind") is { } pipeline)
                Ratio("SiteGen time / Hugo + taxonomy + Pagefind", ours.Seconds / pipeline.Seconds, 0.3);
            if (Of("Markdig floor") is { } floor) Console.WriteLine(string.Create(c, $"  {"SiteGen time / floor time",-44} {ours.Seconds / floor.Seconds,8:0.00}"));
            Ratio("SiteGen output, MB", ours.Bytes / 1e6, 500);
            Ratio("SiteGen peak RSS, GB", ours.PeakMegabytes / 1024, 1);
            if (Of("SiteGen, nothing changed") is { } unchanged) Ratio("SiteGen, nothing changed, s", unchanged.Seconds, 2);
            if (Of("SiteGen, one text changed") is { } oneEdit) Ratio("SiteGen, one text changed, s", oneEdit.Seconds, 3);
            Ratio("largest SiteGen page, KB", ours.LargestPage / 1024.0, 512);
            Console.WriteLine("  SiteGen's stages (its --timings, last run):");
            foreach (var line in ours.LastOutput.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal))) Console.WriteLine("  " + line.TrimEnd());
        }
        if (sizes.Count >= 2)
        {
            var small = results.First(r => r.Tool == "SiteGen" && r.Texts == sizes.Min());
            var large = results.First(r => r.Tool == "SiteGen" && r.Texts == sizes.Max());
            var factor = (double)sizes.Max() / sizes.Min();
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"SiteGen T({sizes.Max():N0}) / T({sizes.Min():N0}) = {large.Seconds / small.Seconds:0.0} for {factor:0}× the texts (target ≤ {factor * 1.1:0.#})"));
        }
    }

    internal static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

    /// <summary>The corpus sizes: the numbers that are not the value of an option.</summary>
    internal static IEnumerable<int> Numbers(string[] args) =>
        args.Where((a, i) => !(i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal))).Where(a => int.TryParse(a, out _)).Select(int.Parse);
}
