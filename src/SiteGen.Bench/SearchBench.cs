using System.Diagnostics;
using System.Globalization;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Exports;
using SiteGen.Addresses;
using SiteGen.FileSystem;

namespace SiteGen.Bench;

/// <summary>
/// The search index against Pagefind 1.6 (npm, installed here for the benchmark only), on the
/// synthetic corpus, whole processes as users run them, round-robin in one run, median of the runs:
/// <list type="bullet">
/// <item>SiteGen: a process that reads the content and writes <c>search/</c> only (load, anchor the
/// notes, index, write), so that its time and memory are the index's and not the rest of the
/// build's; the stage's time inside a full build is printed too.</item>
/// <item>Pagefind: <c>pagefind --site</c> over SiteGen's full output of the same corpus.</item>
/// </list>
/// Peak memory is GNU time's maximum resident set. Bytes per query are what Chromium downloads
/// (through each tool's own script) to show the first 10 results of a one-word and a three-word query.
/// <c>dotnet run -c Release --project src/SiteGen.Bench -- search 1000 10000 --runs 3</c>
/// </summary>
internal static class SearchBench
{
    public static int IndexOnly(string content, string output)
    {
        var clock = Stopwatch.StartNew();
        void Lap(string what) { if (Environment.GetEnvironmentVariable("SITEGEN_BENCH_LAPS") == "1") Console.Error.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms"); clock.Restart(); }
        var diagnostics = new DiagnosticBag();
        var paths = new ProjectPaths(Path.GetDirectoryName(Path.GetFullPath(content))!, content, content, output);
        var site = ContentLoader.Load(paths, diagnostics) ?? throw new InvalidOperationException("the content does not load");
        Lap("load");
        var anchors = NoteAnchorer.Anchor(site, diagnostics);
        Lap("anchor");
        var files = SearchIndex.Build(site, anchors, new Urls("/"));
        Lap("index");
        // Written in parallel, as SiteWriter writes a site.
        foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(output, f.Path))!).Distinct()) Directory.CreateDirectory(folder);
        Parallel.ForEach(files, file => File.WriteAllBytes(Path.Combine(output, file.Path), file.Content));
        Lap("write");
        return 0;
    }

    public static int Run(string[] args, string repo)
    {
        var runsAt = Array.IndexOf(args, "--runs");
        var runs = runsAt >= 0 ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 3;
        var sizes = args.Where((a, i) => i != runsAt + 1 || runsAt < 0).Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
        var work = Path.Combine(Path.GetTempPath(), "sitegen-search-bench-" + Environment.ProcessId);
        var tools = Path.Combine(work, "tools");
        Directory.CreateDirectory(tools);
        Console.WriteLine("Installing Pagefind 1.6.0 and playwright-core from npm (for this benchmark only)...");
        Shell("npm", $"install --silent --no-audit --no-fund --prefix {tools} pagefind@1.6.0 playwright-core@1", tools);
        File.WriteAllText(Path.Combine(tools, "query-bytes.js"), QueryBytesScript);
        var pagefind = Directory.GetFiles(Path.Combine(tools, "node_modules", "@pagefind"), "pagefind*", SearchOption.AllDirectories)
            .First(f => Path.GetFileName(f) is "pagefind" or "pagefind_extended");
        var benchDll = typeof(SearchBench).Assembly.Location;

        Console.WriteLine($"Search index: SiteGen against Pagefind 1.6.0, {Environment.ProcessorCount} cores, median of {runs} runs, round-robin.");
        Console.WriteLine();
        Console.WriteLine("| texts | pages | SiteGen index s | Pagefind s | time ratio | SiteGen peak MB | Pagefind peak MB | memory ratio | SiteGen index MB | Pagefind index MB | 1 word: SiteGen KB / Pagefind KB | 3 words: SiteGen KB / Pagefind KB | index stage in a full build s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        try
        {
            foreach (var n in sizes)
            {
                var content = Corpus.Write(repo, Path.Combine(work, $"corpus-{n}"), n).SiteGen;
                var site = Path.Combine(work, $"site-{n}");
                var paths = new ProjectPaths(work, content, Path.Combine(repo, "templates"), site);
                var build = SiteBuilder.Build(new BuildOptions(paths, "/"));
                if (!build.Succeeded) throw new InvalidOperationException(string.Join("\n", build.Diagnostics.Take(5)));
                var stage = build.Stages.First(s => s.Stage == "search index").Elapsed.TotalSeconds;
                var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Length;
                var ours = Path.Combine(work, $"index-{n}");
                var theirs = Path.Combine(site, "pagefind");
                var siteGen = new List<(double Seconds, double Megabytes)>();
                var pageFind = new List<(double Seconds, double Megabytes)>();
                for (var r = 0; r <= runs; r++)
                {
                    if (Directory.Exists(ours)) Directory.Delete(ours, true);
                    if (Directory.Exists(theirs)) Directory.Delete(theirs, true);
                    var a = Timed("dotnet", $"{benchDll} search-index {content} {ours}", work);
                    var b = Timed(pagefind, $"--site {site} --output-path {theirs}", work);
                    if (r == 0) continue; // warm-up: file cache, JIT
                    siteGen.Add(a);
                    pageFind.Add(b);
                }
                var bytes = Shell("node", $"{Path.Combine(tools, "query-bytes.js")} {site}", tools).Trim().Split(' ').Select(double.Parse).ToArray();
                double Size(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6;
                var (s1, m1) = (Median(siteGen.Select(x => x.Seconds)), Median(siteGen.Select(x => x.Megabytes)));
                var (s2, m2) = (Median(pageFind.Select(x => x.Seconds)), Median(pageFind.Select(x => x.Megabytes)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n:N0} | {pages:N0} | {s1:0.00} | {s2:0.00} | {s2 / s1:0.0}× faster | {m1:0} | {m2:0} | {m1 / m2:0.00} | {Size(Path.Combine(ours, "search")):0.0} | {Size(theirs):0.0} | {bytes[0] / 1024:0} / {bytes[1] / 1024:0} | {bytes[2] / 1024:0} / {bytes[3] / 1024:0} | {stage:0.00} |"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    /// <summary>Wall seconds and peak resident megabytes of a process, by GNU time.</summary>
    private static (double Seconds, double Megabytes) Timed(string program, string arguments, string folder)
    {
        var report = Path.Combine(folder, "time.txt");
        var clock = Stopwatch.StartNew();
        Shell("/usr/bin/time", $"-f %M -o {report} {program} {arguments}", folder);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, double.Parse(File.ReadAllLines(report).Last(l => l.Trim().Length > 0), CultureInfo.InvariantCulture) / 1024);
    }

    private static string Shell(string program, string arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} failed: {errors.Result}");
        return output.Result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Bytes Chromium downloads for the first 10 results of "science" and of "science and technology",
    /// through SiteGen's search.js and through Pagefind's pagefind.js; prints four numbers.
    /// </summary>
    private const string QueryBytesScript = """
        const { chromium } = require('playwright-core');
        const path = require('path'), fs = require('fs');
        const site = process.argv[2];
        (async () => {
          const browser = await chromium.launch({ executablePath: process.env.SITEGEN_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
          async function measure(query, tool) {
            const context = await browser.newContext();
            const page = await context.newPage();
            await page.route('http://bench.test/**', route => {
              let p = decodeURIComponent(new URL(route.request().url()).pathname), f = path.join(site, p);
              if (p.endsWith('/')) f = path.join(f, 'index.html');
              return fs.existsSync(f) ? route.fulfill({ path: f }) : route.fulfill({ status: 404, body: '' });
            });
            await page.goto('http://bench.test/404.html');
            let bytes = 0;
            page.on('requestfinished', async request => {
              const url = request.url();
              if (!/\/(search|pagefind)\/|search\.js/.test(url)) return;
              const sizes = await request.sizes(); bytes += sizes.responseBodySize;
            });
            if (tool === 'sitegen') {
              await page.addScriptTag({ url: '/assets/search.js' });
              await page.evaluate(async q => {
                const index = window.SiteGenSearch.index;
                const found = await index.search(q, null);
                await index.concepts(q);
                await index.documents(found.results.slice(0, 10).map(r => r.doc));
              }, query);
            } else {
              await page.evaluate(async q => {
                const pagefind = await import('/pagefind/pagefind.js');
                const search = await pagefind.search(q);
                await Promise.all(search.results.slice(0, 10).map(r => r.data()));
              }, query);
            }
            await page.waitForTimeout(300);
            await context.close();
            return bytes;
          }
          const out = [];
          for (const q of ['science', 'science and technology'])
            for (const tool of ['sitegen', 'pagefind']) out.push(await measure(q, tool));
          console.log(out.join(' '));
          await browser.close();
        })();
        """;
}
