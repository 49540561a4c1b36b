using Microsoft.Playwright;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The pages that only a large corpus has (a year's texts, a concept's pages of mentions, pages of notes, a
/// summarised concept page, the timeline by year), built from 250 generated texts of one year with 225 notes: each kind
/// passes axe-core in light and dark and fits every screen width without scrolling sideways.
/// </summary>
public class LargeCorpusTests : IClassFixture<LargeCorpusTests.LargeEdition>
{
    public sealed class LargeEdition : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "sitegen-large-" + Guid.NewGuid().ToString("N")[..12]);
        public Support.Browser Browser { get; } = new();
        public string Output => Path.Combine(_root, "site");

        public async Task InitializeAsync()
        {
            var corpus = SiteGen.Bench.Corpus.Write(Repo.Root, _root, 250, notesPer100: 90, years: 1);
            var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(_root, corpus.SiteGen, Repo.Templates, Output), BaseUrl: Support.Browser.Origin + "/"));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(20)));
            await Browser.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            Directory.Delete(_root, recursive: true);
        }
    }

    private readonly LargeEdition _edition;
    public LargeCorpusTests(LargeEdition edition) => _edition = edition;

    /// <summary>One page of each kind that only a large corpus has.</summary>
    private List<string> Pages()
    {
        string Url(string file) => "/" + Path.GetRelativePath(_edition.Output, file).Replace('\\', '/').Replace("index.html", "");
        var mentions = Directory.GetDirectories(Path.Combine(_edition.Output, "concepts"), "mentions", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var year = Directory.GetDirectories(Path.Combine(_edition.Output, "years")).Order(StringComparer.Ordinal).First();
        var pages = new List<string>
        {
            "/", "/timeline/", "/annotations/", "/annotations/2/",
            Url(Path.Combine(year, "index.html")), Url(Path.Combine(year, "2", "index.html")),
            Url(Path.Combine(Path.GetDirectoryName(mentions)!, "index.html")), Url(Path.Combine(mentions, "1", "index.html")), Url(Path.Combine(mentions, "2", "index.html")),
        };
        Assert.All(pages, p => Assert.True(File.Exists(Path.Combine(_edition.Output, p.TrimStart('/'), "index.html")), $"{p} was not built"));
        return pages;
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_pages_of_a_large_corpus_have_no_accessibility_violations(string scheme)
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var violations = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await _edition.Browser.OpenAsync(_edition.Output, width);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
            foreach (var path in Pages())
            {
                await page.GotoAsync(Support.Browser.Origin + path);
                violations.AddRange((await BrowserTools.AxeViolationsAsync(page)).Select(v => $"{path} at {width}px: {v}"));
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} violations, {scheme}:\n" + string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task The_pages_of_a_large_corpus_fit_every_screen()
    {
        Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);
        var wide = new List<string>();
        foreach (var width in new[] { 320, 375, 768, 1280 })
        {
            var page = await _edition.Browser.OpenAsync(_edition.Output, width);
            foreach (var path in Pages())
            {
                await page.GotoAsync(Support.Browser.Origin + path);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0) wide.Add($"{path} at {width}px: {overflow}px too wide");
            }
        }
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }
}
