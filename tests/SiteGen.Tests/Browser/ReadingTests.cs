using SiteGen.Tests.Support;
using Browser = SiteGen.Tests.Support.Browser;

namespace SiteGen.Tests.Browser;

/// <summary>What readers do on the real edition, in a real browser.</summary>
public class ReadingTests : IClassFixture<ReadingTests.Edition>
{
    /// <summary>The real content, built once for all tests of this class.</summary>
    public sealed class Edition : IAsyncLifetime
    {
        public Support.Browser Browser { get; } = new();
        public string Output { get; } = Path.Combine(Path.GetTempPath(), "sitegen-browser-" + Guid.NewGuid().ToString("N")[..12]);

        public async Task InitializeAsync()
        {
            var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Output), BaseUrl: Support.Browser.Origin + "/"));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            await Browser.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            Directory.Delete(Output, recursive: true);
        }
    }

    private readonly Edition _edition;
    public ReadingTests(Edition edition) => _edition = edition;

    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    [SkippableFact]
    public async Task A_reader_goes_from_the_home_page_to_a_text_and_to_a_numbered_paragraph()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/");
        await page.ClickAsync("text=Striving to Build a Country Strong in Science and Technology");
        Assert.EndsWith("/texts/2024-06-24-country-strong-in-science/", page.Url);
        Assert.Equal("Striving to Build a Country Strong in Science and Technology", await page.InnerTextAsync("h1"));

        await page.ClickAsync("#p12 a.pnum");
        Assert.EndsWith("#p12", page.Url);
        // The cited paragraph is marked as the target, and scrolled into view.
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#p12').matches(':target')"));
        Assert.True(await page.EvaluateAsync<bool>("(() => { const r = document.querySelector('#p12').getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()"));
    }

    [SkippableFact]
    public async Task Earlier_and_later_links_walk_through_the_texts_in_date_order()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/texts/2021-05-28-strategic-competence/");
        var visited = new List<string> { await page.InnerTextAsync("h1") };
        while (await page.QuerySelectorAsync("a[rel=next]") is { } next)
        {
            await next.ClickAsync();
            visited.Add(await page.InnerTextAsync("h1"));
        }
        Assert.Equal(5, visited.Count);
        Assert.Equal("Striving to Build a Country Strong in Science and Technology", visited[^1]);
    }

    [SkippableTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task No_page_scrolls_sideways(int width)
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output, width);
        foreach (var path in new[] { "/", "/texts/2023-08-16-high-level-self-reliance/", "/texts/2024-06-24-country-strong-in-science/" })
        {
            await page.GotoAsync(Support.Browser.Origin + path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} at {width}px scrolls sideways by {overflow}px");
        }
    }
}
