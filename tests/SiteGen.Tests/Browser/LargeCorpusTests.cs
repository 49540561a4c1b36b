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

    [SkippableTheory]
    [InlineData(FontSet.DejaVu)]
    [InlineData(FontSet.Liberation)]
    public async Task The_pages_of_a_large_corpus_fit_every_screen_and_have_no_accessibility_violations(FontSet fonts)
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        Skip.If(Support.Browser.FontSkipReason(fonts) is not null, Support.Browser.FontSkipReason(fonts));
        var sweep = await PageSweep.Of(_edition.Built, fonts, Pages());
        var problems = sweep.Looks.Where(l => l.Overflow > 0).Select(l => $"{l.Page} at {l.Width}px: {l.Overflow}px too wide")
            .Concat(sweep.Looks.SelectMany(l => l.Violations.Select(v => $"{l.Page} at {l.Width}px, {l.Scheme}: {v}"))).ToList();
        Assert.Equal(Pages().Count, sweep.Navigations);
        Assert.True(problems.Count == 0, $"{fonts} fonts:\n" + string.Join("\n", problems));
    }
}
