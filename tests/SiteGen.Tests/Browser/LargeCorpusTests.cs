using Microsoft.Playwright;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The pages that only a large corpus has (a year's texts, a summarised concept page with its concordance, the pages of
/// its table of texts, pages of notes, the timeline by year), built from 250 generated texts of one year with 225 notes:
/// each kind passes axe-core in light and dark and fits every screen width without scrolling sideways; the concordance
/// built in the browser holds every mention of its concept.
/// </summary>
public class LargeCorpusTests : IClassFixture<LargeCorpusTests.LargeEdition>
{
    /// <summary>The large corpus, built once for the whole run.</summary>
    public sealed class LargeEdition() : BrowserFixture(() => Editions.Large);

    private readonly LargeEdition _edition;
    public LargeCorpusTests(LargeEdition edition) => _edition = edition;

    /// <summary>One page of each kind that only a large corpus has.</summary>
    private List<string> Pages()
    {
        string Url(string file) => "/" + Path.GetRelativePath(_edition.Output, file).Replace('\\', '/').Replace("index.html", "");
        var texts = Directory.GetDirectories(Path.Combine(_edition.Output, "concepts"), "texts", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var year = Directory.GetDirectories(Path.Combine(_edition.Output, "years")).Order(StringComparer.Ordinal).First();
        var pages = new List<string>
        {
            "/", "/timeline/", "/annotations/", "/annotations/2/",
            Url(Path.Combine(year, "index.html")), Url(Path.Combine(year, "2", "index.html")),
            Url(Path.Combine(Path.GetDirectoryName(texts)!, "index.html")), Url(Path.Combine(texts, "2", "index.html")),
        };
        Assert.All(pages, p => Assert.True(File.Exists(Path.Combine(_edition.Output, p.TrimStart('/'), "index.html")), $"{p} was not built"));
        return pages;
    }

    /// <summary>Under the run's first fonts, every width, light and dark, with axe-core, as every page of the edition is.</summary>
    [SkippableFact]
    public async Task The_pages_of_a_large_corpus_fit_every_screen_and_have_no_accessibility_violations()
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var sweep = await PageSweep.Of(_edition.Built, FontSet.DejaVu, Pages());
        var problems = sweep.Looks.Where(l => l.Overflow > 0).Select(l => $"{l.Page} at {l.Width}px: {l.Overflow}px too wide")
            .Concat(sweep.Looks.SelectMany(l => l.Violations.Select(v => $"{l.Page} at {l.Width}px, {l.Scheme}: {v}"))).ToList();
        Assert.Equal(Pages().Count, sweep.Navigations);
        Assert.Equal(Pages().Count * PageSweep.AxeLooks(FontSet.DejaVu).Count, sweep.Looks.Count(l => l.Axed));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Under the second font set, the widths where fonts decide whether a page fits: phones, a tablet, a laptop (their pages' partials are the edition's, checked there with axe-core under both sets).</summary>
    [SkippableFact]
    public async Task The_pages_of_a_large_corpus_fit_every_screen_with_other_fonts()
    {
        Skip.If(Support.Browser.FontSkipReason(FontSet.Liberation) is not null, Support.Browser.FontSkipReason(FontSet.Liberation));
        var sweep = await PageSweep.Of(_edition.Built, FontSet.Liberation, Pages(), axe: false);
        var wide = sweep.Looks.Where(l => l.Overflow > 0).Select(l => $"{l.Page} at {l.Width}px: {l.Overflow}px too wide").ToList();
        Assert.Equal(Pages().Count, sweep.Navigations);
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    /// <summary>
    /// The concordance of a summarised concept, read page after page, lists every mention of the concept in reading
    /// order, each linked to its place and its marked words those of the text at that place (the oracle: the analysis's
    /// mentions and the texts' words); filtered by a text, only that text's.
    /// </summary>
    [SkippableFact]
    public async Task A_summarised_concepts_concordance_holds_every_mention_in_context()
    {
        Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);
        var site = _edition.Site;
        var concept = site.Site.Concepts.Where(c => site.Lists.IsSummarised(c.Id)).OrderBy(c => site.MentionsByConcept[c.Id].Length).ThenBy(c => c.Id, StringComparer.Ordinal).First();
        var mentions = site.MentionsByConcept[concept.Id];
        string Place(Mention m) => $"/texts/{m.Slug}/#{(m.InHeading ? "h" : "p")}{m.Number}";
        string Words(Mention m)
        {
            var text = site.TextOf(m.Slug);
            return (m.InHeading ? text.Headings[m.Number - 1].PlainText : text.Paragraphs[m.Number - 1].PlainText)[m.Start..m.End];
        }
        var year = site.TextOf(mentions[0].Slug).Date.Year;
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        await page.GotoAsync($"{Support.Browser.Origin}/concepts/{concept.Id}/?year={year}");
        var listed = new List<string>();
        for (var n = 1; ; n++)
        {
            await page.WaitForFunctionAsync("n => /^Mentions/.test(document.querySelector('.concordance-status').textContent) && document.querySelector('.concordance-status').textContent.includes('page ' + n + ' of')", n);
            listed.AddRange(await page.EvalOnSelectorAllAsync<string[]>(".concordance-lines li a", "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash + ' ' + a.querySelector('mark').textContent)"));
            if (await page.IsDisabledAsync(".concordance-later")) break;
            await page.ClickAsync(".concordance-later");
        }
        var inYear = mentions.Where(m => site.TextOf(m.Slug).Date.Year == year).ToList();
        Assert.True(inYear.Count > 50, "the concordance is not read over several pages");
        Assert.Equal(inYear.Select(m => Place(m) + " " + Words(m)), listed);

        var slug = mentions[^1].Slug;
        var ofText = await _edition.Browser.OpenAsync(_edition.Output);
        await ofText.GotoAsync($"{Support.Browser.Origin}/concepts/{concept.Id}/?text={slug}#concordance");
        await ofText.WaitForFunctionAsync("() => /^Mentions/.test(document.querySelector('.concordance-status').textContent)");
        Assert.Equal(mentions.Where(m => m.Slug == slug).Select(m => Place(m) + " " + Words(m)),
            await ofText.EvalOnSelectorAllAsync<string[]>(".concordance-lines li a", "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash + ' ' + a.querySelector('mark').textContent)"));
        Assert.Equal(site.TextOf(slug).Title, await ofText.InnerTextAsync(".concordance-text-title"));
    }
}
