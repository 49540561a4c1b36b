using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The glossary in a real browser: sorted by every column, by mouse and keyboard, readable on a phone, accessible.</summary>
public class GlossaryTests(ReadingTests.Edition edition) : IClassFixture<ReadingTests.Edition>
{
    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    private async Task<IPage> Open(int width = 1280)
    {
        var page = await edition.Browser.OpenAsync(edition.Output, width);
        await page.GotoAsync(Support.Browser.Origin + "/glossary/");
        return page;
    }

    private static Task<string[]> Column(IPage page, int column) =>
        page.EvalOnSelectorAllAsync<string[]>("table.glossary-table tbody tr", $"rows => rows.map(r => r.cells[{column}].getAttribute('data-sort'))");

    [SkippableTheory]
    [InlineData(0, "text")]
    [InlineData(1, "text")]
    [InlineData(2, "text")]
    [InlineData(3, "number")]
    [InlineData(4, "number")]
    public async Task Each_column_sorts_the_table_up_then_down_and_says_so(int column, string type)
    {
        SkipWithoutBrowser();
        var page = await Open();
        var heading = page.Locator("table.glossary-table thead th").Nth(column);
        // Text columns compare without accents, so that pinyin tone marks do not scatter the j's.
        string Key(string s) => new string(s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
        var concepts = edition.Site.Site.Concepts.Length;
        foreach (var direction in new[] { "ascending", "descending" })
        {
            if (column == 0 && direction == "ascending")
            {
                // The English column starts sorted: the first click sorts it the other way.
                Assert.Equal("ascending", await heading.GetAttributeAsync("aria-sort"));
                continue;
            }
            await heading.Locator("button").ClickAsync();
            Assert.Equal(direction, await heading.GetAttributeAsync("aria-sort"));
            var values = await Column(page, column);
            Assert.Equal(concepts, values.Length);
            var ordered = type == "number"
                ? values.Select(int.Parse).Order().Select(v => v.ToString()).ToArray()
                : values.OrderBy(Key, StringComparer.Ordinal).ToArray();
            if (direction == "descending") Array.Reverse(ordered);
            if (type == "number") Assert.Equal(ordered, values);
            else Assert.Equal(ordered.Select(Key), values.Select(Key));
            Assert.Equal(1, await page.Locator("table.glossary-table th[aria-sort]").CountAsync());
            Assert.Contains(direction, await page.Locator(".glossary [role=status]").TextContentAsync());
        }
    }

    [SkippableFact]
    public async Task Sorting_works_from_the_keyboard_and_every_row_keeps_its_link()
    {
        SkipWithoutBrowser();
        var page = await Open();
        await page.Locator("table.glossary-table thead th").Nth(4).Locator("button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("ascending", await page.Locator("table.glossary-table thead th").Nth(4).GetAttributeAsync("aria-sort"));
        var links = await page.EvalOnSelectorAllAsync<string[]>("table.glossary-table tbody th a", "as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(edition.Site.Site.Concepts.Select(c => $"/concepts/{c.Id}/").Order(), links.Order());
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task On_a_phone_the_page_does_not_scroll_sideways(int width)
    {
        SkipWithoutBrowser();
        var page = await Open(width);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the glossary at {width}px scrolls sideways by {overflow}px");
    }

    [SkippableTheory]
    [InlineData(1280, "light")]
    [InlineData(375, "dark")]
    public async Task The_glossary_has_no_accessibility_violations_by_axe_core(int width, string scheme)
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var page = await Open(width);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.Locator("table.glossary-table thead th").Nth(1).Locator("button").ClickAsync();
        var violations = await BrowserTools.AxeViolationsAsync(page, "main", scheme == "dark" ? BrowserTools.ColourRules : null);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

/// <summary>Concept previews over mentions, in a real browser: by mouse and keyboard, closed by Escape, accessible.</summary>
public class ConceptPreviewTests(ReadingTests.Edition edition) : IClassFixture<ReadingTests.Edition>
{
    private const string Speech = "/texts/2024-06-24-country-strong-in-science/";

    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    private async Task<IPage> Open(int width = 1280, bool javaScript = true, bool clock = false)
    {
        var page = await edition.Browser.OpenAsync(edition.Output, width, javaScript: javaScript);
        // A clock the test moves on itself: timers (a preview's delay before it hides) run when the test says, not when time passes.
        if (clock) await page.Clock.InstallAsync();
        await page.GotoAsync(Support.Browser.Origin + Speech);
        return page;
    }

    [SkippableFact]
    public async Task Hovering_a_mention_shows_its_concept_title_Chinese_term_summary_and_counts_and_leaving_hides_it()
    {
        SkipWithoutBrowser();
        var page = await Open(clock: true);
        var mention = page.Locator("a.mention[href$='/concepts/basic-research/']").First;
        await mention.HoverAsync();
        var tip = page.Locator("#concept-preview");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var concept = edition.Site.Site.Concepts.Single(c => c.Id == "basic-research");
        var mentions = edition.Site.MentionsByConcept["basic-research"];
        Assert.Equal(concept.Title, await tip.Locator(".concept-preview-title strong").TextContentAsync());
        Assert.Equal(concept.Chinese, await tip.Locator("[lang=zh]").TextContentAsync());
        Assert.Equal(concept.Pinyin, await tip.Locator("[lang=zh-Latn-pinyin]").TextContentAsync());
        Assert.Equal($"{mentions.Length} mentions in {mentions.Select(m => m.Slug).Distinct().Count()} texts", await tip.Locator(".concept-preview-counts").TextContentAsync());
        Assert.False(string.IsNullOrWhiteSpace(await tip.Locator(".concept-preview-summary").TextContentAsync()));
        Assert.Equal("concept-preview", await mention.GetAttributeAsync("aria-describedby"));
        // The pointer may move onto the preview without losing it (WCAG 1.4.13) ...
        await tip.HoverAsync();
        // Whatever delay the page gives itself before hiding a preview has passed.
        await page.Clock.RunForAsync(2000);
        Assert.True(await tip.IsVisibleAsync());
        // ... and leaving both hides it.
        await page.Mouse.MoveAsync(5, 5);
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Null(await mention.GetAttributeAsync("aria-describedby"));
    }

    [SkippableFact]
    public async Task Focusing_a_mention_by_keyboard_shows_the_preview_and_Escape_closes_it_keeping_the_focus()
    {
        SkipWithoutBrowser();
        var page = await Open();
        var mention = page.Locator("a.mention[href$='/concepts/self-reliance/']").First;
        await mention.FocusAsync();
        var tip = page.Locator("#concept-preview");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Keyboard.PressAsync("Escape");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("self-reliance", await page.EvaluateAsync<string>("document.activeElement.pathname.split('/').slice(-2)[0]"));
        // The link itself is untouched: it still leads to the concept page.
        Assert.EndsWith("/concepts/self-reliance/", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
    }

    [SkippableTheory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task On_a_phone_the_preview_stays_inside_the_screen(int width)
    {
        SkipWithoutBrowser();
        var page = await Open(width);
        var mention = page.Locator("a.mention").Nth(3);
        await mention.FocusAsync();
        var tip = page.Locator("#concept-preview");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var box = (await tip.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the preview spans {box.X}–{box.X + box.Width} on a {width}px screen");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px with the preview open");
    }

    [SkippableFact]
    public async Task Without_JavaScript_a_mention_is_a_plain_link_to_its_concept()
    {
        SkipWithoutBrowser();
        var page = await Open(javaScript: false);
        var mention = page.Locator("a.mention[href$='/concepts/basic-research/']").First;
        await mention.HoverAsync();
        // No script runs: nothing can come of the hover.
        Assert.Equal(0, await page.Locator("#concept-preview").CountAsync());
        Assert.EndsWith("/concepts/basic-research/", await mention.GetAttributeAsync("href"));
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task An_open_preview_has_no_accessibility_violations_by_axe_core(string scheme)
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var page = await Open();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.Locator("a.mention").First.FocusAsync();
        await page.Locator("#concept-preview").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var violations = await BrowserTools.AxeViolationsAsync(page, "#concept-preview", scheme == "dark" ? BrowserTools.ColourRules : null);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
