using SiteGen.Model;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Markdig;
using SiteGen;
using SiteGen.Bench;

// Measures a full SiteGen build against a floor measured in the same run: the Markdig default
// pipeline with a fixed page wrapper, written in parallel (the "render-only floor" of the
// project's reference figures). Results are ratios: these machines are too noisy for absolute
// seconds to compare across runs.
//
//   dotnet run -c Release --project src/SiteGen.Bench -- [texts ...] [--runs N]
//   dotnet run -c Release --project src/SiteGen.Bench -- search [texts ...] [--runs N]   (search index against Pagefind: SearchBench.cs)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "search-index") return SearchBench.IndexOnly(args[1], args[2]);
if (args.Length > 0 && args[0] == "search") return SearchBench.Run(args[1..], FindRepo());
var runsAt = Array.IndexOf(args, "--runs");
var runs = runsAt >= 0 ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 5;
var sizes = args.Where((a, i) => i != runsAt + 1 || runsAt < 0).Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
var showStages = args.Contains("--stages");
var repo = FindRepo();
var work = Path.Combine(Path.GetTempPath(), "sitegen-bench-" + Environment.ProcessId);

Console.WriteLine($"SiteGen benchmark: {Environment.ProcessorCount} cores, median of {runs} runs after a warm-up; output folder removed before each run.");
Console.WriteLine();
Console.WriteLine($"{"texts",7} {"MB",6} {"floor s",8} {"SiteGen s",10} {"ratio",6} {"pages/s",8} {"mentions",9}");
try
{
    foreach (var n in sizes)
    {
        var content = Corpus.Write(repo, Path.Combine(work, $"content-{n}"), n);
        var megabytes = Directory.GetFiles(content, "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6;
        var output = Path.Combine(work, "site");
        var paths = new ProjectPaths(work, content, Path.Combine(repo, "templates"), output);

        double Floor() => Time(output, () => Corpus.RenderFloor(content, output));
        var mentions = 0;
        var pages = 0;
        IReadOnlyList<(string Stage, TimeSpan Elapsed)> stages = [];
        double Build() => Time(output, () =>
        {
            var result = SiteBuilder.Build(new BuildOptions(paths));
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
            mentions = result.Site!.Mentions.Length;
            stages = result.Stages;
            pages = result.Rendered!.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        });

        Floor(); Build(); // warm-up: JIT, file cache
        var floors = new List<double>();
        var builds = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so that a noisy moment hits both.
            floors.Add(Floor());
            builds.Add(Build());
        }
        var floor = Median(floors);
        var build = Median(builds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,7} {megabytes,6:0.0} {floor,8:0.00} {build,10:0.00} {build / floor,6:0.00} {pages / build,8:0} {mentions,9}"));
        if (showStages)
            foreach (var (stage, elapsed) in stages)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          {stage,-28} {elapsed.TotalSeconds,8:0.000} s"));
    }
}
finally
{
    if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}
return 0;

static double Time(string output, Action action)
{
    if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    GC.Collect();
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
    throw new InvalidOperationException("run the benchmark from inside the repository");
}

/// <summary>The synthetic corpus of the reference figures, made from the real texts' paragraphs.</summary>
internal static class Corpus
{
    public static string Write(string repo, string folder, int count)
    {
        var paragraphs = Directory.GetFiles(Path.Combine(repo, "content", "texts"), "*.md").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---\n", 2)[1].Split("\n\n"))
            .Select(p => p.Trim())
            .Where(p => p.Length > 80 && !p.StartsWith('#') && !p.StartsWith('-') && !p.StartsWith('>') && !p.Contains('{'))
            .ToList();
        var random = new Random(20261122);
        var texts = Path.Combine(folder, "texts");
        Directory.CreateDirectory(texts);
        File.Copy(Path.Combine(repo, "content", "site.yml"), Path.Combine(folder, "site.yml"), overwrite: true);
        CopyFolder(Path.Combine(repo, "content", "concepts"), Path.Combine(folder, "concepts"));
        var start = new DateOnly(2000, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var date = start.AddDays(i);
            var slug = $"{date:yyyy-MM-dd}-text-{i + 1}";
            var body = new StringBuilder();
            var n = random.Next(15, 41);
            for (var p = 0; p < n; p++)
            {
                if (p > 0 && p % 6 == 0) body.Append("## Section ").Append(p / 6).Append("\n\n");
                var paragraph = paragraphs[random.Next(paragraphs.Count)];
                if (random.Next(5) == 0)
                {
                    var space = paragraph.IndexOf(' ', 20);
                    if (space > 0) paragraph = "**" + paragraph[..space] + "**" + paragraph[space..];
                }
                body.Append(paragraph).Append("\n\n");
            }
            File.WriteAllText(Path.Combine(texts, slug + ".md"),
                $"---\ntitle: Synthetic text {i + 1}\ndate: {date:yyyy-MM-dd}\nauthor: Writer {i % 7}\nkind: article\nsummary: Text {i + 1} of the synthetic corpus.\n---\n{body}");
        }
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The floor: Markdown to HTML with a fixed wrapper, written in parallel; nothing else.</summary>
    public static void RenderFloor(string content, string output)
    {
        var files = Directory.GetFiles(Path.Combine(content, "texts"), "*.md");
        Parallel.ForEach(files, file =>
        {
            var text = File.ReadAllText(file);
            var body = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
            var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Text</title></head><body><main>" +
                       Markdown.ToHtml(body, Pipeline) + "</main></body></html>";
            var folder = Path.Combine(output, "texts", Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.html"), html);
        });
    }
}
