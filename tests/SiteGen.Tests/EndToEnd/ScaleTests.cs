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

    /// <summary>
    /// A concept with many mentions: the table of its texts, over its pages, lists each of its texts once in date order
    /// with its count of mentions and a link to the first; its concordance file, read by a decoder written here from the
    /// format's description, holds every mention in reading order; its page shows a sample drawn from every year.
    /// </summary>
    [Fact]
    public void A_concept_with_many_mentions_lists_every_text_once_and_its_concordance_holds_every_mention()
    {
        var site = _build.Result.Site!;
        var summarised = site.Site.Concepts.Where(c => site.MentionsByConcept[c.Id].Length > SiteLists.MentionsOnConceptPage).ToList();
        Assert.True(summarised.Count >= 5, $"only {summarised.Count} concepts are summarised");
        Assert.Contains(summarised, c => _build.Files.ContainsKey($"concepts/{c.Id}/texts/2/index.html"));
        var numbers = site.Site.Texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        foreach (var concept in summarised)
        {
            var mentions = site.MentionsByConcept[concept.Id];
            var expected = mentions.GroupBy(m => m.Slug).Select(g => $"{site.TextOf(g.Key).Title} /texts/{g.Key}/#{(g.First().InHeading ? "h" : "p")}{g.First().Number} {g.Count()}").ToList();
            var listed = new List<string>();
            for (var n = 1; ; n++)
            {
                var file = n == 1 ? $"concepts/{concept.Id}/index.html" : $"concepts/{concept.Id}/texts/{n}/index.html";
                if (!_build.Files.ContainsKey(file)) break;
                listed.AddRange(_parser.ParseDocument(_build.Page(file)).QuerySelectorAll("table.concept-texts tbody tr")
                    .Select(row => $"{row.Children[1].TextContent} {row.QuerySelector("td:nth-child(2) a")!.GetAttribute("href")} {row.Children[2].TextContent}"));
            }
            Assert.Equal(expected, listed);

            var decoded = Decode(_build.Files[$"concepts/{concept.Id}/mentions.bin"]);
            Assert.Equal(mentions.Select(m => (numbers[m.Slug], m.Number, m.InHeading, m.Start, m.End - m.Start)), decoded);

            var page = _parser.ParseDocument(_build.Page($"concepts/{concept.Id}/index.html"));
            var sample = page.QuerySelectorAll(".mentions ol.kwic > li > a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(Math.Min(SiteLists.MentionsInSample, mentions.Length), sample.Count);
            var years = mentions.Select(m => site.TextOf(m.Slug).Date.Year).Distinct().ToList();
            Assert.Equal(years, sample.Select(href => site.TextOf(href.Split('/')[2]).Date.Year).Distinct().ToList());
            Assert.Equal("/concepts/" + concept.Id + "/mentions.bin", page.QuerySelector("section.concordance")!.GetAttribute("data-concordance"));
        }
    }

    /// <summary>The concordance file as its format is described: gzip; varints; text deltas, number × 2 + heading, start, length.</summary>
    private static List<(int Text, int Number, bool InHeading, int Start, int Length)> Decode(byte[] file)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(file), System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        var data = bytes.ToArray();
        var at = 0;
        int Next()
        {
            int value = 0, shift = 0;
            byte b;
            do { b = data[at++]; value |= (b & 0x7f) << shift; shift += 7; } while ((b & 0x80) != 0);
            return value;
        }
        Assert.Equal(1, Next());
        var result = new List<(int, int, bool, int, int)>();
        var text = 0;
        for (var count = Next(); count > 0; count--)
        {
            text += Next();
            var number = Next();
            result.Add((text, number / 2, number % 2 == 1, Next(), Next()));
        }
        return result;
    }

    /// <summary>
    /// Every list that runs over several pages (a year's texts, the notes, a concept's mentions) has a pager on each of
    /// its pages, with a link to each page and its own marked as current; a list on one page has none.
    /// </summary>
    [Fact]
    public void Every_paged_list_links_all_its_pages_and_marks_the_page_shown_as_current()
    {
        // The lists, by the folder that holds their pages: years/2019/, annotations/, concepts/x/ (a concept's page and its texts/n/).
        string ListOf(string path) => path.StartsWith("annotations/", StringComparison.Ordinal) ? "annotations/"
            : path.StartsWith("years/", StringComparison.Ordinal) ? string.Join('/', path.Split('/').Take(2)) + "/"
            : string.Join('/', path.Split('/').Take(2)) + "/";
        var paged = _build.Files.Keys.Where(k => k.Contains("/texts/", StringComparison.Ordinal) && k.StartsWith("concepts/", StringComparison.Ordinal))
            .Select(ListOf).ToHashSet(StringComparer.Ordinal);
        var lists = _build.Files.Keys
            .Where(k => k.EndsWith("index.html", StringComparison.Ordinal) && (k.StartsWith("years/", StringComparison.Ordinal) || k.StartsWith("annotations/", StringComparison.Ordinal)
                || k.StartsWith("concepts/", StringComparison.Ordinal) && paged.Contains(ListOf(k))))
            .GroupBy(ListOf).ToList();
        foreach (var kind in new[] { "years/", "annotations/", "concepts/" })
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
