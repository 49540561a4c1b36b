using System.Text.Json;
using CsCheck;
using Microsoft.Playwright;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Tests.Support;
using SiteGen.TextRules;
using SiteGen.Exports;

namespace SiteGen.Tests.Browser;

/// <summary>
/// Search on the real edition, in Chromium: what a reader types and clicks, and the index read by
/// <c>search.js</c> against a naive scan of every paragraph and note (the same results, in the same order).
/// </summary>
public class SearchTests : IClassFixture<ReadingTests.Edition>
{
    private readonly ReadingTests.Edition _edition;
    public SearchTests(ReadingTests.Edition edition) => _edition = edition;

    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    /// <summary>
    /// Waits for a navigation to commit, not for its load event: what the test reads next waits for itself, and the
    /// load event of a page served through request interception is at times never reported.
    /// </summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private async Task<IPage> Open(string path, int width = 1280)
    {
        var page = await _edition.Browser.OpenAsync(_edition.Output, width);
        await page.GotoAsync(Support.Browser.Origin + path);
        return page;
    }

    /// <summary>
    /// The status line once it answers <paramref name="query"/> (when given): while words are typed, the status of a
    /// shorter query may stand there for a moment.
    /// </summary>
    private static async Task<string> Status(IPage page, string selector = "#search-status", string? query = null)
    {
        await page.WaitForFunctionAsync("([selector, query]) => { const s = document.querySelector(selector); " +
            "return s && /result|Nothing/.test(s.textContent) && (!query || s.textContent.includes('“' + query + '”')); }", new object?[] { selector, query });
        return await page.InnerTextAsync(selector);
    }

    [SkippableFact]
    public async Task Typing_shows_ranked_paragraphs_and_a_result_lands_on_its_highlighted_paragraph()
    {
        SkipWithoutBrowser();
        var page = await Open("/search/");
        await page.FillAsync("#search-q", "self-reli");
        Assert.Matches("^[0-9]+ results for “self-reli”", await Status(page));
        Assert.EndsWith("/search/?q=self-reli", page.Url);
        var first = page.Locator(".search-result-paragraph a").First;
        var words = await first.Locator(".search-result-words").InnerTextAsync();
        Assert.Contains("self-reliance", words.ToLowerInvariant().Replace('‐', '-'));
        Assert.NotEmpty(await first.Locator("mark").AllInnerTextsAsync());
        var href = await first.GetAttributeAsync("href") ?? "";
        Assert.Matches("^/texts/[a-z0-9-]+/#p[0-9]+$", href);
        // The wait starts before the click: begun after a navigation that is already over, it never ends.
        var followed = page.WaitForURLAsync("**" + href, Committed);
        await first.ClickAsync();
        await followed;
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var id = href[(href.IndexOf('#') + 1)..];
        Assert.True(await page.EvaluateAsync<bool>($"document.getElementById('{id}').matches(':target')"));
        Assert.True(await page.EvaluateAsync<bool>($"(() => {{ const r = document.getElementById('{id}').getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }})()"));
        // Back returns to the results.
        await page.GoBackAsync();
        Assert.Equal("self-reli", await page.InputValueAsync("#search-q"));
    }

    [SkippableFact]
    public async Task A_phrase_in_quotes_finds_exactly_the_paragraphs_that_have_it()
    {
        SkipWithoutBrowser();
        const string Phrase = "country strong in science and technology";
        var page = await Open("/search/?type=paragraph&q=" + Uri.EscapeDataString($"\"{Phrase}\""));
        await Status(page);
        while (await page.IsVisibleAsync("#search-more"))
        {
            var shown = await page.Locator(".search-result").CountAsync();
            await page.ClickAsync("#search-more");
            await page.WaitForFunctionAsync("n => document.querySelectorAll('.search-result').length > n", shown);
        }
        var found = (await page.Locator(".search-result a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Order(StringComparer.Ordinal);
        var expected = _edition.Site.Site.Texts.SelectMany(t => t.Paragraphs
                .Where(p => FoldedText.Phrase(p.PlainText).Contains(Phrase, StringComparison.Ordinal))
                .Select(p => $"/texts/{t.Slug}/#p{p.Number}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 5, "the phrase is common in the edition");
        Assert.Equal(expected, found);
    }

    [SkippableFact]
    public async Task Filters_narrow_the_results_and_are_kept_in_the_address()
    {
        SkipWithoutBrowser();
        var page = await Open("/search/?q=science");
        var all = int.Parse((await Status(page)).Split(' ')[0]);
        await page.SelectOptionAsync("#search-kind", "speech");
        await page.WaitForFunctionAsync($"!/^{all} /.test(document.querySelector('#search-status').textContent)");
        var speeches = int.Parse((await Status(page)).Split(' ')[0]);
        Assert.InRange(speeches, 1, all - 1);
        Assert.Contains("kind=speech", page.Url);
        var titles = (await page.Locator(".search-result-paragraph .search-result-title, .search-result-note .search-result-title").AllInnerTextsAsync()).Distinct().ToList();
        var speechTitles = _edition.Site.Site.Texts.Where(t => t.Kind == TextKind.Speech).Select(t => t.Title).ToHashSet();
        Assert.All(titles, t => Assert.Contains(t, speechTitles));
        await page.SelectOptionAsync("#search-type", "note");
        await page.WaitForFunctionAsync("[...document.querySelectorAll('.search-result')].every(r => r.classList.contains('search-result-note'))");
        await page.SelectOptionAsync("#search-year", "2024");
        await page.WaitForFunctionAsync("document.querySelectorAll('.search-result').length > 0 && [...document.querySelectorAll('.search-result time')].every(t => t.dateTime.startsWith('2024'))");
        // The address says it all: a fresh page from it shows the same.
        var again = await Open(new Uri(page.Url).PathAndQuery);
        Assert.Equal(await Status(page), await Status(again));
        Assert.Equal("note", await again.InputValueAsync("#search-type"));
    }

    [SkippableFact]
    public async Task A_pasted_address_shows_its_results_and_a_concepts_alias_offers_the_concept_first()
    {
        SkipWithoutBrowser();
        var page = await Open("/search/?q=Hokuto");
        await Status(page);
        var first = page.Locator(".search-result").First;
        Assert.Contains("search-result-concept", await first.GetAttributeAsync("class"));
        Assert.Equal("/concepts/beidou/", await first.Locator("a").GetAttributeAsync("href"));
        Assert.Equal("Hokuto", await page.InputValueAsync("#search-q"));
    }

    [SkippableTheory]
    [InlineData("基础研究")]
    [InlineData("jichu yanjiu")]
    [InlineData("jīchǔ yánjiū")]
    public async Task A_concepts_Chinese_term_or_pinyin_finds_the_concept_shown_with_its_Chinese(string query)
    {
        SkipWithoutBrowser();
        var page = await Open("/search/?q=" + Uri.EscapeDataString(query));
        await Status(page);
        var first = page.Locator(".search-result").First;
        Assert.Contains("search-result-concept", await first.GetAttributeAsync("class"));
        Assert.Equal("/concepts/basic-research/", await first.Locator("a").GetAttributeAsync("href"));
        Assert.Equal("基础研究", await first.Locator(".search-result-zh[lang=zh]").TextContentAsync());
    }

    [SkippableFact]
    public async Task The_header_box_on_every_page_shows_first_results_and_answers_the_keyboard()
    {
        SkipWithoutBrowser();
        var page = await Open("/texts/2021-06-10-quality-development/");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("beidou");
        Assert.Matches("results? for “beidou”", await Status(page, ".search-panel-status", "beidou"));
        Assert.True(await page.IsVisibleAsync(".search-panel"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.closest('.search-panel') !== null"));
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.IsVisibleAsync(".search-panel"));
        // Ctrl+K too, from anywhere on the page.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("Control+k");
        Assert.Equal("site-search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        // Enter goes to the search page.
        var submitted = page.WaitForURLAsync("**/search/?q=beidou", Committed);
        await page.Keyboard.PressAsync("Enter");
        await submitted;
        await Status(page);
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_search_page_says_so_and_leads_to_the_concepts()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output, javaScript: false);
        await page.GotoAsync(Support.Browser.Origin + "/");
        await page.FillAsync("#site-search-q", "beidou");
        var submitted = page.WaitForURLAsync("**/search/?q=beidou", Committed);
        await page.PressAsync("#site-search-q", "Enter");
        await submitted;
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".search-needs-script")).ToBeVisibleAsync();
        Assert.Contains("needs JavaScript", await page.InnerTextAsync(".search-needs-script"));
        Assert.Equal("/concepts/", await page.GetAttributeAsync(".search-needs-script a", "href"));
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task Search_never_scrolls_sideways_on_a_phone(int width)
    {
        SkipWithoutBrowser();
        var page = await Open("/search/?q=science", width);
        await Status(page);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        var text = await Open("/texts/2024-06-24-country-strong-in-science/", width);
        await text.FillAsync("#site-search-q", "innovation");
        await Status(text, ".search-panel-status");
        Assert.True(await text.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        var panel = (await text.Locator(".search-panel").BoundingBoxAsync())!;
        Assert.InRange(panel.X, 0, width);
        Assert.InRange(panel.X + panel.Width, 0, width);
    }

    [SkippableTheory]
    [InlineData(1280, "light")]
    [InlineData(1280, "dark")]
    [InlineData(375, "light")]
    public async Task Search_has_no_accessibility_violations_by_axe_core(int width, string scheme)
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var violations = new List<string>();
        // As on every page (PageSweep.AxeLooks): every rule on a laptop in light; in dark, the rules the colours decide;
        // on a phone, the rules the layout decides.
        var rules = scheme == "dark" ? BrowserTools.ColourRules : width < 1024 ? BrowserTools.LayoutRules : null;
        async Task Check(IPage page, string where) =>
            violations.AddRange((await BrowserTools.AxeViolationsAsync(page, ".site-header, #search-page", rules)).Select(v => $"{where}: {v}"));
        var results = await Open("/search/?q=science", width);
        await results.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await Status(results);
        await Check(results, "search page");
        var text = await Open("/texts/2021-06-10-quality-development/", width);
        await text.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await text.FillAsync("#site-search-q", "beidou");
        await Status(text, ".search-panel-status");
        await Check(text, "header panel");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task The_browser_makes_the_same_terms_as_the_generator()
    {
        SkipWithoutBrowser();
        var page = await Open("/search/");
        var samples = new List<string>
        {
            "Self‐Reliance in “science” — Éclair China’s 5G", "邓小平 科学技术是第一生产力", "İstanbul ıI ß ẞ ΟΔΟΣ Straße", "cafe\u0301 naïve Ångström",
            "soft\u00ADhyphen zero\u200Bwidth", "𝐀𝐁𝐂 math bold 😀 emoji", "٣ Arabic digits Ⅻ", "a-b—c–d", "",
        };
        var alphabet = "aZé\u0301İıßΣ-—‘’“”\"' .,;:!?5٣ⅫЖж邓가あ\u00AD\u200B😀𝐀\t\n";
        Gen.String[Gen.Char[alphabet], 0, 30].Sample(s => { samples.Add(s); return true; }, iter: 500, seed: "0000000000001");
        var browser = await page.EvaluateAsync<JsonElement>("samples => samples.map(s => window.SiteGenSearch.terms(s).map(x => [x.t, x.s, x.e]))", samples);
        for (var i = 0; i < samples.Count; i++)
        {
            var mine = SearchTerms.Of(samples[i]).Select(t => $"{t.Value}@{t.Start}-{t.End}");
            var theirs = browser[i].EnumerateArray().Select(x => $"{x[0].GetString()}@{x[1].GetInt32()}-{x[2].GetInt32()}");
            Assert.True(mine.SequenceEqual(theirs), $"“{samples[i]}”: generator [{string.Join(", ", mine)}], browser [{string.Join(", ", theirs)}]");
        }
    }

    [SkippableFact]
    public async Task The_index_gives_what_a_naive_scan_of_every_paragraph_and_note_gives_in_the_same_order()
    {
        SkipWithoutBrowser();
        var naive = new NaiveSearch(_edition.Site);
        var queries = naive.GeneratedQueries(200);
        var page = await Open("/search/");
        var got = await page.EvaluateAsync<JsonElement>("""
            async queries => {
              const index = window.SiteGenSearch.index, out = [];
              for (const q of queries) {
                const found = await index.search(q, null);
                const docs = await index.documents(found.results.map(r => r.doc));
                out.push(found.results.map((r, i) => `${docs[i].kind === "paragraph" ? "p" : "n"}:${docs[i].text.slug}:${docs[i].kind === "paragraph" ? docs[i].paragraph : docs[i].name}:${r.score}`));
              }
              return out;
            }
            """, queries);
        var checkedResults = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var expected = naive.Search(queries[i]);
            var actual = got[i].EnumerateArray().Select(x => x.GetString()!).ToList();
            Assert.True(expected.SequenceEqual(actual), $"query {JsonSerializer.Serialize(queries[i])}:\nnaive [{string.Join(", ", expected.Take(12))}]\nindex [{string.Join(", ", actual.Take(12))}]");
            checkedResults += expected.Count;
        }
        Assert.True(checkedResults > 1000, $"the queries found {checkedResults} results in all: they test the index");
    }
}
