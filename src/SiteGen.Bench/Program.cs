using System.Globalization;
using SiteGen.Bench;

// SiteGen's benchmarks, whole processes as users run them, ratios against tools measured in the same run:
//
//   dotnet run -c Release --project src/SiteGen.Bench -- scale [texts ...] [--runs N] [--keep]   SiteGen against Hugo and the Markdig floor
//   dotnet run -c Release --project src/SiteGen.Bench -- search [texts ...] [--runs N]           the search index against Pagefind
//   dotnet run -c Release --project src/SiteGen.Bench -- serve-latency [texts ...] [--runs N]   serve: from a text's edit to the reload
//   dotnet run -c Release --project src/SiteGen.Bench -- budgets [MB ...]                        worst inputs: time against size
//   dotnet run -c Release --project src/SiteGen.Bench -- corpus N FOLDER [NOTES [YEARS]]         write the synthetic corpus only (NOTES per 100 texts, default 10; over YEARS years, default 11)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var repo = FindRepo();
return args.FirstOrDefault() switch
{
    "floor" => Floor.Run(args[1], args[2]),
    "search-index" => SearchBench.IndexOnly(args[1], args[2]),
    "search" => SearchBench.Run(args[1..], repo),
    "corpus" => Write(args),
    "scale" => ScaleBench.Run(args[1..], repo),
    "serve-latency" => ServeLatency.Run(args[1..], repo),
    "budgets" => Budgets.Run(args[1..], repo),
    _ => ScaleBench.Run(args, repo),
};

int Write(string[] a)
{
    var corpus = Corpus.Write(repo, a[2], int.Parse(a[1], CultureInfo.InvariantCulture),
        notesPer100: a.Length > 3 ? double.Parse(a[3], CultureInfo.InvariantCulture) : 10,
        years: a.Length > 4 ? int.Parse(a[4], CultureInfo.InvariantCulture) : 11);
    Console.WriteLine($"{corpus.Texts} texts, {corpus.Bytes / 1e6:0.0} MB: {corpus.Markdown} (floor), {corpus.Hugo} (Hugo), {corpus.SiteGen} (SiteGen)");
    return 0;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
    throw new InvalidOperationException("run the benchmark from inside the repository");
}
