using Microsoft.Playwright;
using SiteGen.Model;
using SiteGen.FileSystem;
using SiteGen.Addresses;

namespace SiteGen.Tests.Support;

/// <summary>A site built once for the whole run, served to the browser tests from its folder.</summary>
internal sealed class BuiltSite
{
    public required string Output { get; init; }
    public required AnalysedSite Site { get; init; }

    /// <summary>Every page of the site, as a path under its root ("/", "/texts/x/").</summary>
    public IReadOnlyList<string> Pages() =>
        [.. Directory.GetFiles(Output, "index.html", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(Output, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Select(p => p == "/./" ? "/" : p)
            .Order(StringComparer.Ordinal)];
}

/// <summary>
/// The sites the browser tests read, each built once for the whole run, whichever test asks first: the real edition,
/// a large corpus (for the pages only a large corpus has) and a corpus of hostile content.
/// </summary>
internal static class Editions
{
    private static int _builds;

    /// <summary>How many sites this run built for the browser tests (each at most once).</summary>
    public static int Builds => Volatile.Read(ref _builds);

    private static readonly Lazy<Task<BuiltSite>> RealEdition = new(() => Task.Run(() => Build("edition", Repo.Root, Repo.Content)));

    private static readonly Lazy<Task<BuiltSite>> LargeCorpus = new(() => Task.Run(() =>
    {
        var root = Folder("large");
        var corpus = SiteGen.Bench.Corpus.Write(Repo.Root, root, 250, notesPer100: 90, years: 1);
        return Build("large", root, corpus.SiteGen, root);
    }));

    /// <summary>The real content, as readers see it.</summary>
    public static Task<BuiltSite> Real => RealEdition.Value;

    /// <summary>250 generated texts of one year with 225 notes: years by pages, concepts with pages of mentions, notes by pages.</summary>
    public static Task<BuiltSite> Large => LargeCorpus.Value;

    private static string Folder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sitegen-browser-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return folder;
    }

    /// <summary>Builds a site for the browser tests, into a folder of its own.</summary>
    public static BuiltSite Build(string name, string root, string content, string? folder = null)
    {
        var output = Path.Combine(folder ?? Folder(name), "site");
        var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(root, content, Repo.Templates, output), BaseUrl: Browser.Origin + "/"));
        if (!result.Succeeded) throw new InvalidOperationException($"the {name} site does not build:\n" + string.Join("\n", result.Diagnostics.Take(20)));
        Interlocked.Increment(ref _builds);
        return new BuiltSite { Output = output, Site = result.Site! };
    }
}

/// <summary>
/// What a browser test class gets: a built site and pages of the run's Chromium on it, closed when the class is done.
/// Nothing is built or started again: the site and the browser are the run's.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    private readonly Func<Task<BuiltSite>> _build;
    private readonly FontSet _fonts;

    internal BrowserFixture(Func<Task<BuiltSite>> site, FontSet fonts = FontSet.DejaVu)
    {
        _build = site;
        _fonts = fonts;
    }

    private readonly List<IPage> _pages = [];
    private BuiltSite? _site;
    private Browser? _browser;

    public string Output => _site!.Output;
    internal AnalysedSite Site => _site!.Site;
    internal BuiltSite Built => _site!;

    /// <summary>This fixture as the pages' opener (tests call <c>edition.Browser.OpenAsync(edition.Output, …)</c>).</summary>
    public BrowserFixture Browser => this;

    public async Task InitializeAsync()
    {
        if (Support.Browser.SkipReason is not null) return;
        _site = await _build();
        _browser = await Support.Browser.Shared(_fonts);
    }

    /// <summary>A page of its own context, on <paramref name="siteFolder"/>.</summary>
    public async Task<IPage> OpenAsync(string siteFolder, int width = 1280, int height = 900, bool javaScript = true)
    {
        var page = await _browser!.OpenAsync(siteFolder, width, height, javaScript);
        lock (_pages) _pages.Add(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var page in _pages.Where(p => !p.IsClosed)) await page.CloseAsync();
    }
}
