using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The timeline page: the texts on a dated axis, and the concepts over time, as a reader uses them.</summary>
public class TimelineTests(ReadingTests.Edition edition) : IClassFixture<ReadingTests.Edition>
{
    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    [SkippableFact]
    public async Task Every_cell_gives_the_mentions_of_its_concept_in_its_text_and_every_text_is_on_the_axis()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/timeline/");
        var site = edition.Site;
        var rows = await page.EvaluateAsync<string[][]>("[...document.querySelectorAll('#heatmap .heat-row')].map(r => [r.querySelector('.heat-label').getAttribute('href'), ...[...r.querySelectorAll('a[href*=\"#in-\"]')].map(a => a.getAttribute('href') + ' ' + a.querySelector('.heat-n').textContent)])");
        var mentioned = site.Site.Concepts.Where(c => site.MentionsByConcept[c.Id].Length > 0).ToList();
        Assert.Equal(mentioned.Count, rows.Length);
        foreach (var concept in mentioned)
        {
            var row = Assert.Single(rows, r => r[0] == $"/concepts/{concept.Id}/");
            var expected = site.MentionsByConcept[concept.Id].GroupBy(m => m.Slug).Select(g => $"/concepts/{concept.Id}/#in-{g.Key} {g.Count()}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, row.Skip(1).Order(StringComparer.Ordinal));
        }
        var axis = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('.text-axis a')].map(a => a.getAttribute('href'))");
        Assert.Equal(site.Site.Texts.Select(t => $"/texts/{t.Slug}/"), axis);
    }

    [SkippableFact]
    public async Task A_cell_opens_its_concept_page_on_the_mentions_in_its_text_with_a_way_to_every_text()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/timeline/");
        var cell = page.Locator("#heatmap a[href='/concepts/basic-research/#in-2023-02-21-basic-research']");
        await cell.ClickAsync();
        Assert.EndsWith("/concepts/basic-research/#in-2023-02-21-basic-research", page.Url);
        await page.WaitForSelectorAsync(".mentions.filtered");
        var shown = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('.mention-group')].filter(g => g.offsetHeight > 0).map(g => g.id)");
        Assert.Equal(["in-2023-02-21-basic-research"], shown);
        var lines = await page.Locator("#in-2023-02-21-basic-research .kwic li").CountAsync();
        Assert.Equal(edition.Site.MentionsByConcept["basic-research"].Count(m => m.Slug == "2023-02-21-basic-research"), lines);
        await page.ClickAsync("text=Show every text");
        // The page shows every text again when the address changes (an event that comes after the click).
        await page.WaitForSelectorAsync(".mentions:not(.filtered)");
        var all = await page.EvaluateAsync<int>("[...document.querySelectorAll('.mention-group')].filter(g => g.offsetHeight > 0).length");
        Assert.Equal(edition.Site.MentionsByConcept["basic-research"].Select(m => m.Slug).Distinct().Count(), all);
    }

    [SkippableTheory]
    [InlineData("#in-%")]
    [InlineData("#in-%E0%A4%A")]
    [InlineData("#in-no-such-text")]
    public async Task A_concept_page_opened_on_a_fragment_it_cannot_read_shows_every_text_without_an_error(string fragment)
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output);
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        await page.GotoAsync(Support.Browser.Origin + "/concepts/basic-research/" + fragment);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
        Assert.False(await page.Locator(".mentions.filtered").IsVisibleAsync());
        Assert.Equal(edition.Site.MentionsByConcept["basic-research"].Select(m => m.Slug).Distinct().Count(),
            await page.EvaluateAsync<int>("[...document.querySelectorAll('.mention-group')].filter(g => g.offsetHeight > 0).length"));
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task The_filter_keeps_the_concepts_named_and_in_the_category_chosen_and_the_address_remembers_them()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/timeline/");
        const string Shown = "[...document.querySelectorAll('#heatmap .heat-row')].filter(r => r.style.display !== 'none').map(r => r.dataset.title + '|' + r.dataset.category)";
        var all = await page.EvaluateAsync<string[]>(Shown);
        Assert.Equal(edition.Site.Site.Concepts.Count(c => edition.Site.MentionsByConcept[c.Id].Length > 0), all.Length);
        await page.FillAsync("#timeline-q", "research");
        var named = await page.EvaluateAsync<string[]>(Shown);
        Assert.NotEmpty(named);
        Assert.All(named, r => Assert.Contains("research", r.Split('|')[0]));
        Assert.Equal(all.Count(r => r.Split('|')[0].Contains("research")), named.Length);
        Assert.Contains("q=research", page.Url);
        Assert.Contains($"{named.Length} of {all.Length} concepts", await page.InnerTextAsync(".timeline-count"));
        await page.SelectOptionAsync("#timeline-category", "institution");
        var both = await page.EvaluateAsync<string[]>(Shown);
        Assert.All(both, r => Assert.EndsWith("|institution", r));
        Assert.Equal(named.Count(r => r.EndsWith("|institution")), both.Length);
        // The rows close up: the shown rows are drawn one under another from the top.
        var tops = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('#heatmap .heat-row')].filter(r => r.style.display !== 'none').map(r => r.getBoundingClientRect().top)");
        for (var i = 1; i < tops.Length; i++) Assert.InRange(tops[i] - tops[i - 1], 20, 30);
        // The address chooses the same rows when opened again.
        await page.GotoAsync(page.Url);
        Assert.Equal(both, await page.EvaluateAsync<string[]>(Shown));
        Assert.Equal("research", await page.InputValueAsync("#timeline-q"));
    }

    [SkippableFact]
    public async Task Without_JavaScript_every_concept_and_cell_is_shown_and_the_filter_is_not()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output, javaScript: false);
        await page.GotoAsync(Support.Browser.Origin + "/timeline/");
        Assert.False(await page.IsVisibleAsync(".timeline-filter"));
        Assert.Equal(edition.Site.Site.Concepts.Count(c => edition.Site.MentionsByConcept[c.Id].Length > 0),
            await page.EvaluateAsync<int>("[...document.querySelectorAll('#heatmap .heat-row')].filter(r => r.getBoundingClientRect().height > 0).length"));
    }
}
