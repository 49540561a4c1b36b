using SiteGen.Model;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using SiteGen.Rendering;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// A corpus large enough to cross every threshold of the lists (the benchmark's generator: 500 texts over two
/// years, 250 notes, concepts with thousands of mentions), built in memory with its links checked: no page over
/// its budget, none cut short, and every text, mention and note listed exactly once where the lists say.
/// </summary>
public class ScaleTests : IClassFixture<ScaleTests.LargeBuild>
{
    public sealed class LargeBuild : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "sitegen-scale-" + Guid.NewGuid().ToString("N")[..12]);
        internal BuildResult Result { get; }
        internal Dictionary<string, byte[]> Files { get; }

        public LargeBuild()
        {
            var corpus = SiteGen.Bench.Corpus.Write(Repo.Root, _root, 500, notesPer100: 50, years: 2);
            Result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(_root, corpus.SiteGen, Repo.Templates, Path.Combine(_root, "site")),
                Write: false, CheckLinks: true));
            Files = Result.Rendered?.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal) ?? [];
        }

        public string Page(string path) => Encoding.UTF8.GetString(Files[path]);

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }

    private const int Budget = 512 * 1024;
    private readonly LargeBuild _build;
    private readonly HtmlParser _parser = new();

    public ScaleTests(LargeBuild build)
    {
        _build = build;
        Assert.True(build.Result.Succeeded, string.Join("\n", build.Result.Diagnostics.Take(20)));
    }

    [Fact]
    public void Every_link_of_the_large_site_resolves()
    {
        Assert.Contains(_build.Result.Stages, s => s.Stage == "check links");
        Assert.DoesNotContain(_build.Result.Diagnostics, d => d.Code == SiteGen.Diagnostics.DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public void No_page_or_data_file_exceeds_its_budget_and_every_page_is_whole()
    {
        var over = _build.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal) || f.Key.EndsWith(".json", StringComparison.Ordinal) || f.Key.EndsWith(".jsonld", StringComparison.Ordinal))
            .Where(f => f.Value.Length > Budget).Select(f => $"{f.Key}: {f.Value.Length / 1024} KB").ToList();
        Assert.True(over.Count == 0, "over 512 KB:\n" + string.Join("\n", over));
        Assert.All(_build.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)), f =>
            Assert.True(Encoding.UTF8.GetString(f.Value).TrimEnd().EndsWith("</html>", StringComparison.Ordinal), $"{f.Key} is cut short"));
    }

    [Fact]
    public void Every_mention_of_a_concept_with_many_stands_once_on_its_pages_of_mentions()
    {
        var site = _build.Result.Site!;
        var paged = site.Site.Concepts.Where(c => site.MentionsByConcept[c.Id].Length > SiteLists.MentionsOnConceptPage).ToList();
        Assert.True(paged.Count >= 5, $"only {paged.Count} concepts have their mentions on pages of their own");
        foreach (var concept in paged)
        {
            var expected = site.MentionsByConcept[concept.Id].Select(m => $"/texts/{m.Slug}/#{(m.InHeading ? "h" : "p")}{m.Number}").ToList();
            var listed = new List<string>();
            for (var n = 1; _build.Files.ContainsKey($"concepts/{concept.Id}/mentions/{n}/index.html"); n++)
            {
                var page = _parser.ParseDocument(_build.Page($"concepts/{concept.Id}/mentions/{n}/index.html"));
                listed.AddRange(page.QuerySelectorAll(".mentions ol.kwic > li > a").Select(a => a.GetAttribute("href")!));
            }
            // In reading order; several mentions can share a paragraph, so an address may stand more than once.
            Assert.Equal(expected, listed);
            var conceptPage = _parser.ParseDocument(_build.Page($"concepts/{concept.Id}/index.html"));
            Assert.NotEmpty(conceptPage.QuerySelectorAll(".year-table tbody tr"));
            Assert.Equal(Math.Min(SiteGen.Rendering.Pages.ConceptPages.FirstMentionsShown, site.MentionsByConcept[concept.Id].Select(m => m.Slug).Distinct().Count()),
                conceptPage.QuerySelectorAll(".mentions ol.kwic > li").Length);
        }
    }

    /// <summary>
    /// Every list that runs over several pages (a year's texts, the notes, a concept's mentions) has a pager on each of
    /// its pages, with a link to each page and its own marked as current; a list on one page has none.
    /// </summary>
    [Fact]
    public void Every_paged_list_links_all_its_pages_and_marks_the_page_shown_as_current()
    {
        // The lists, by the folder that holds their pages: years/2019/, annotations/, concepts/x/mentions/.
        string ListOf(string path) => path.StartsWith("annotations/", StringComparison.Ordinal) ? "annotations/"
            : path.StartsWith("years/", StringComparison.Ordinal) ? string.Join('/', path.Split('/').Take(2)) + "/"
            : path[..(path.IndexOf("/mentions/", StringComparison.Ordinal) + "/mentions/".Length)];
        var lists = _build.Files.Keys
            .Where(k => k.EndsWith("index.html", StringComparison.Ordinal) && (k.StartsWith("years/", StringComparison.Ordinal) || k.StartsWith("annotations/", StringComparison.Ordinal) || k.Contains("/mentions/", StringComparison.Ordinal)))
            .GroupBy(ListOf).ToList();
        foreach (var kind in new[] { "years/", "annotations/", "/mentions/" })
            Assert.True(lists.Any(l => l.Key.Contains(kind, StringComparison.Ordinal) && l.Count() > 1), $"no list of {kind} runs over several pages: the corpus tests no pager");
        foreach (var list in lists)
        {
            var pages = list.Select(p => "/" + p[..^"index.html".Length]).Order(StringComparer.Ordinal).ToList();
            foreach (var path in list)
            {
                var document = _parser.ParseDocument(_build.Page(path));
                var links = document.QuerySelectorAll("ol.pages a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
                var current = document.QuerySelectorAll("ol.pages a[aria-current=page]").Select(a => a.GetAttribute("href")).ToList();
                if (pages.Count == 1)
                {
                    Assert.True(links.Count == 0, $"{path}: a list of one page has a pager");
                    continue;
                }
                Assert.Equal(pages, links);
                Assert.Equal(["/" + path[..^"index.html".Length]], current);
            }
        }
    }

    [Fact]
    public void Every_text_is_listed_once_on_the_pages_of_its_year_and_the_home_page_links_every_year()
    {
        var site = _build.Result.Site!.Site;
        var home = _parser.ParseDocument(_build.Page("index.html"));
        var years = home.QuerySelectorAll(".year-index a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(site.Texts.Select(t => $"/years/{t.Date.Year}/").Distinct(), years);
        Assert.Equal(SiteLists.LatestOnHome, home.QuerySelectorAll("ol.texts > li").Length);
        var listed = _build.Files.Keys.Where(k => k.StartsWith("years/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .SelectMany(k => _parser.ParseDocument(_build.Page(k)).QuerySelectorAll("ol.texts h3 a").Select(a => a.GetAttribute("href")!))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(site.Texts.Select(t => $"/texts/{t.Slug}/").Order(StringComparer.Ordinal), listed);
        Assert.Contains(_build.Files.Keys, k => k.StartsWith("years/", StringComparison.Ordinal) && k.EndsWith("/2/index.html", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_note_stands_once_on_the_notes_pages_and_once_in_the_pages_of_the_annotation_collection()
    {
        var anchors = _build.Result.Site!.Notes;
        Assert.True(anchors.Length > SiteLists.NotesOnIndex, $"{anchors.Length} notes");
        var cards = _build.Files.Keys.Where(k => k.StartsWith("annotations/", StringComparison.Ordinal) && k.EndsWith(".html", StringComparison.Ordinal))
            .SelectMany(k => _parser.ParseDocument(_build.Page(k)).QuerySelectorAll(".note-group [id]").Select(e => e.Id!))
            .Where(id => id.Contains("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(anchors.Select(a => $"{a.Note.TextSlug}--{a.Note.Name}").Order(StringComparer.Ordinal), cards);

        // The collection names its first page; each page its next, and the pages hold every note once.
        using var collection = JsonDocument.Parse(_build.Files["annotations.jsonld"]);
        Assert.Equal(anchors.Length, collection.RootElement.GetProperty("total").GetInt32());
        var ids = new List<string>();
        var published = collection.RootElement.GetProperty("id").GetString()![..^"annotations.jsonld".Length];
        var next = collection.RootElement.GetProperty("first").GetString();
        while (next is not null)
        {
            var file = next[published.Length..];
            using var page = JsonDocument.Parse(_build.Files[file]);
            Assert.Equal(ids.Count, page.RootElement.GetProperty("startIndex").GetInt32());
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            next = page.RootElement.TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        Assert.Equal(anchors.Length, ids.Distinct().Count());
    }
}
