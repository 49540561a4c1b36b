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
    /// <summary>The large corpus, built once for the whole run.</summary>
    public sealed class LargeEdition() : BrowserFixture(() => Editions.Large);

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
}
