using SiteGen.Model;
using SiteGen.Tests.Support;
using Browser = SiteGen.Tests.Support.Browser;

namespace SiteGen.Tests.Browser;

/// <summary>What readers do on the real edition, in a real browser.</summary>
public class ReadingTests : IClassFixture<ReadingTests.Edition>
{
    /// <summary>The real edition, built once for the whole run, and pages of the run's Chromium on it.</summary>
    public sealed class Edition() : BrowserFixture(() => Editions.Real);

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

    private const string NewsFeature = "/texts/2021-06-10-quality-development/";

    [SkippableFact]
    public async Task Copying_a_paragraphs_link_shows_and_announces_a_confirmation()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output, 1280);
        // The test origin is not a secure context, where browsers offer no clipboard: a stand-in records what is copied.
        await page.AddInitScriptAsync("Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => { window.copied = t; return Promise.resolve(); } } });");
        // The page's timers run on a clock the test moves on.
        await page.Clock.InstallAsync();
        await page.GotoAsync(Support.Browser.Origin + NewsFeature);
        await page.ClickAsync("#p3 a.pnum");
        var status = page.Locator(".copy-status[role=status]");
        await Microsoft.Playwright.Assertions.Expect(status).ToHaveTextAsync("Link to ¶3 copied");
        Assert.Equal("1", await status.EvaluateAsync<string>("e => getComputedStyle(e).opacity"));
        Assert.Equal(Support.Browser.Origin + NewsFeature + "#p3", await page.EvaluateAsync<string>("window.copied"));
        Assert.EndsWith("#p3", page.Url);
        // The confirmation goes away by itself, a few seconds later.
        await page.Clock.RunForAsync(5000);
        await Microsoft.Playwright.Assertions.Expect(status).ToHaveCSSAsync("opacity", "0");
    }

    [SkippableFact]
    public async Task On_a_wide_screen_a_note_stands_in_the_margin_beside_its_passage()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output, 1280);
        await page.GotoAsync(Support.Browser.Origin + NewsFeature);
        // A note of an uncrowded paragraph stands beside it (crowded ones are in the flow: NoteLayoutTests).
        var note = page.Locator("#note-coordinated-green");
        Assert.True(await note.IsVisibleAsync());
        Assert.False(await note.EvaluateAsync<bool>("n => n.parentElement.classList.contains('in-flow')"));
        var noteBox = (await note.BoundingBoxAsync())!;
        var paragraphBox = (await page.Locator("#p8").BoundingBoxAsync())!;
        Assert.True(noteBox.X >= paragraphBox.X + paragraphBox.Width, "the note is to the right of the text column");
        var passageBox = (await page.Locator("mark[data-note=coordinated-green]").First.BoundingBoxAsync())!;
        Assert.InRange(noteBox.Y - passageBox.Y, 0, 200);
        var deng = page.Locator("#note-deng-xiaoping");
        Assert.Contains("Deng Xiaoping", await deng.InnerTextAsync());
        // The correction stands right after the published words, which stay as they are.
        var correction = page.Locator("#p10 .correction").First;
        // It is drawn by CSS (so that the paragraph's text stays the published text) and read out by screen readers.
        Assert.Contains("Deng Xiaoping", await correction.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        var spoken = await page.Locator("#p10").AriaSnapshotAsync();
        Assert.Contains("(the editors’ correction: Deng Xiaoping)", spoken);
        var number = _edition.Site.Notes.Single(a => a.Note.Id == "2021-06-10-quality-development--deng-xiaoping").Number;
        Assert.Contains($"link \"Correction {number}\"", spoken);
        Assert.Equal("Dening X Kodaira", await correction.EvaluateAsync<string>("e => e.previousElementSibling.textContent"));
    }

    [SkippableFact]
    public async Task On_a_phone_a_note_opens_in_the_flow_when_its_marker_is_tapped()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output, 375, 800);
        await page.GotoAsync(Support.Browser.Origin + NewsFeature);
        var note = page.Locator("#note-deng-xiaoping");
        Assert.False(await note.IsVisibleAsync());
        await page.ClickAsync("#ref-deng-xiaoping");
        Assert.True(await note.IsVisibleAsync());
        var noteBox = (await note.BoundingBoxAsync())!;
        var paragraphBox = (await page.Locator("#p10").BoundingBoxAsync())!;
        Assert.True(noteBox.Y >= paragraphBox.Y + paragraphBox.Height - 1, "the note opens below its paragraph");
        // Its number leads back to the passage, and the note closes.
        await note.Locator(".note-num").ClickAsync();
        Assert.False(await note.IsVisibleAsync());
    }

    [SkippableFact]
    public async Task A_reader_switches_the_highlighting_of_concepts_on_and_the_choice_is_kept()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync(Support.Browser.Origin + NewsFeature);
        var mention = page.Locator("a.mention").First;
        var before = await mention.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        await page.CheckAsync("#show-mentions");
        var after = await mention.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(before, after);
        await page.GotoAsync(Support.Browser.Origin + "/texts/2023-02-21-basic-research/");
        Assert.True(await page.IsCheckedAsync("#show-mentions"));
    }

    [SkippableFact]
    public async Task With_the_highlighting_off_every_text_is_quiet_and_a_mention_shows_itself_on_hover_and_focus()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        const string Style = "e => { const s = getComputedStyle(e); return s.textDecorationLine + '|' + s.color + '|' + getComputedStyle(e.parentElement).color; }";
        foreach (var text in _edition.Site.Site.Texts)
        {
            await page.GotoAsync(Support.Browser.Origin + $"/texts/{text.Slug}/");
            Assert.False(await page.IsCheckedAsync("#show-mentions"));
            // Every mention outside an annotated passage: no line, the colour of the words around it.
            var loud = await page.EvalOnSelectorAllAsync<string[]>(".text-body a.mention:not(mark a.mention):not(:has(mark))", """
                links => links.map(e => [e, getComputedStyle(e)]).filter(([e, s]) => s.textDecorationLine !== 'none' || s.color !== getComputedStyle(e.parentElement).color)
                  .map(([e]) => e.textContent)
                """);
            Assert.True(loud.Length == 0, $"{text.Slug}: mentions still marked with the highlighting off: {string.Join(", ", loud.Take(5))}");
        }
        var mention = page.Locator(".text-body a.mention:not(mark a.mention)").First;
        await mention.HoverAsync();
        Assert.StartsWith("underline|", await mention.EvaluateAsync<string>(Style));
        await page.Mouse.MoveAsync(1, 1);
        await page.Keyboard.PressAsync("Tab"); // focus-visible comes from the keyboard
        await mention.FocusAsync();
        Assert.StartsWith("underline|", await mention.EvaluateAsync<string>(Style));
    }

    [SkippableFact]
    public async Task A_mention_leads_to_its_concept_and_a_context_line_back_to_the_paragraph()
    {
        SkipWithoutBrowser();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync(Support.Browser.Origin + "/texts/2023-02-21-basic-research/");
        await page.ClickAsync("#p1 a.mention[href$='/concepts/basic-research/']");
        Assert.EndsWith("/concepts/basic-research/", page.Url);
        await page.ClickAsync(".kwic a[href$='2021-06-10-quality-development/#p16']");
        Assert.EndsWith("/texts/2021-06-10-quality-development/#p16", page.Url);
        Assert.Contains("basic research", await page.Locator("#p16").InnerTextAsync());
    }

    [SkippableFact]
    public async Task A_paragraph_opens_its_passages_in_other_texts()
    {
        SkipWithoutBrowser();
        const string slug = "2023-02-21-basic-research";
        var (place, expected) = _edition.Site.RelatedPassages.Where(p => p.Key.Slug == slug).OrderBy(p => p.Key.Number).First();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync(Support.Browser.Origin + $"/texts/{slug}/");
        var passages = page.Locator($"#p{place.Number} ~ details.xref");
        Assert.False(await passages.Locator("li").First.IsVisibleAsync());
        await passages.Locator("summary").ClickAsync();
        Assert.True(await passages.Locator("li").First.IsVisibleAsync());
        // The passages the analysis chose, in its order, each with its text's first words.
        Assert.Equal(expected.Select(r => $"/texts/{r.Paragraph.Slug}/#p{r.Paragraph.Number}"), await passages.Locator("li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.Equal(expected.Select(r => r.Opening), await passages.Locator("li > q").AllInnerTextsAsync());
        Assert.DoesNotContain(expected, r => r.Paragraph.Slug == slug);
    }
}
