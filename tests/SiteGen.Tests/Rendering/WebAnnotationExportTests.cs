using SiteGen.Model;
using System.Text.Json;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;
using SiteGen.Addresses;

namespace SiteGen.Tests.Rendering;

/// <summary>The export must be a Web Annotation collection other tools can import.</summary>
public class WebAnnotationExportTests
{
    private static readonly Lazy<(BuildResult Result, JsonElement Root)> Export = new(() =>
    {
        var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")),
            BaseUrl: "https://example.github.io/sitegen/", Write: false));
        var file = result.Rendered!.Files.Single(f => f.Path == "annotations.jsonld");
        return (result, JsonDocument.Parse(file.Content).RootElement);
    });

    [Fact]
    public void The_collection_has_the_web_annotation_context_and_every_note()
    {
        var root = Export.Value.Root;
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", root.GetProperty("@context")[0].GetString());
        Assert.Equal("https://schema.org/", root.GetProperty("@context")[1].GetProperty("schema").GetString());
        Assert.Equal("AnnotationCollection", root.GetProperty("type").GetString());
        Assert.Equal("https://example.github.io/sitegen/annotations.jsonld", root.GetProperty("id").GetString());
        var items = root.GetProperty("first").GetProperty("items");
        Assert.Equal(Export.Value.Result.Site!.Notes.Length, root.GetProperty("total").GetInt32());
        Assert.Equal(root.GetProperty("total").GetInt32(), items.GetArrayLength());
        var ids = items.EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_annotation_has_a_motivation_a_creator_a_body_and_a_target_with_both_selectors()
    {
        var motivations = new[] { "commenting", "editing", "describing" };
        foreach (var item in Export.Value.Root.GetProperty("first").GetProperty("items").EnumerateArray())
        {
            Assert.Equal("Annotation", item.GetProperty("type").GetString());
            Assert.Contains(item.GetProperty("motivation").GetString(), motivations);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T00:00:00Z$", item.GetProperty("created").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("creator").GetProperty("name").GetString()));
            var bodies = item.GetProperty("body").EnumerateArray().ToList();
            Assert.Contains(bodies, b => b.GetProperty("type").GetString() == "TextualBody" && b.GetProperty("format").GetString() == "text/html");
            if (item.GetProperty("motivation").GetString() == "editing")
                Assert.Contains(bodies, b => b.GetProperty("purpose").GetString() == "editing");
            var target = item.GetProperty("target");
            Assert.StartsWith("https://example.github.io/sitegen/texts/", target.GetProperty("source").GetString());
            var selectors = target.GetProperty("selector").EnumerateArray().ToList();
            // The paragraph refined by a quote, the paragraph refined by a position, then a quote in the whole page.
            Assert.Equal(["FragmentSelector", "FragmentSelector", "TextQuoteSelector"], selectors.Select(s => s.GetProperty("type").GetString()));
            Assert.All(selectors.Take(2), s =>
            {
                Assert.Equal("http://tools.ietf.org/rfc/rfc3236", s.GetProperty("conformsTo").GetString());
                Assert.Matches("^p[1-9][0-9]*$", s.GetProperty("value").GetString());
            });
            Assert.Equal(["TextQuoteSelector", "TextPositionSelector"], selectors.Take(2).Select(s => s.GetProperty("refinedBy").GetProperty("type").GetString()));
        }
    }

    [Fact]
    public void Every_exact_quote_is_the_passage_the_published_page_highlights()
    {
        // The oracle is the rendered page, parsed as a browser would: the words inside the note's highlight.
        var pages = Export.Value.Result.Rendered!.Files.Where(f => f.Path.StartsWith("texts/", StringComparison.Ordinal) && f.Path.EndsWith("index.html", StringComparison.Ordinal))
            .ToDictionary(f => f.Path.Split('/')[1], f => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(f.Content)));
        var items = Export.Value.Root.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var target = item.GetProperty("target");
            var slug = target.GetProperty("source").GetString()!.TrimEnd('/').Split('/')[^1];
            var name = item.GetProperty("id").GetString()!.Split("--")[^1];
            var highlighted = string.Concat(pages[slug].QuerySelectorAll($"mark[data-note='{name}']").Select(m => m.TextContent));
            var exact = target.GetProperty("selector").EnumerateArray().Last().GetProperty("exact").GetString();
            Assert.False(string.IsNullOrEmpty(highlighted), $"no highlight for {name}");
            Assert.Equal(Collapse(highlighted), Collapse(exact!));
        }
    }

    [Fact]
    public void Each_text_page_links_its_own_notes_beside_it()
    {
        var files = Export.Value.Result.Rendered!.Files.ToDictionary(f => f.Path);
        var all = Export.Value.Root.GetProperty("first").GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        var perText = new List<string>();
        foreach (var text in Export.Value.Result.Site!.Site.Texts)
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(files[$"texts/{text.Slug}/index.html"].Content));
            var link = page.QuerySelector("link[rel=alternate][type='application/ld+json']");
            Assert.NotNull(link);
            Assert.Equal($"/sitegen/texts/{text.Slug}/annotations.jsonld", link.GetAttribute("href"));
            var export = JsonDocument.Parse(files[$"texts/{text.Slug}/annotations.jsonld"].Content).RootElement;
            Assert.Equal($"https://example.github.io/sitegen/texts/{text.Slug}/annotations.jsonld", export.GetProperty("id").GetString());
            var items = export.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(export.GetProperty("total").GetInt32(), items.Count);
            Assert.All(items, i => Assert.Equal($"https://example.github.io/sitegen/texts/{text.Slug}/", i.GetProperty("target").GetProperty("source").GetString()));
            perText.AddRange(items.Select(i => i.GetRawText()));
        }
        // Together, the texts' exports are the whole collection, note for note.
        Assert.Equal(all.Order(StringComparer.Ordinal), perText.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_a_base_path_and_no_published_address_the_export_names_pages_by_relative_IRIs()
    {
        // The fixture's site.yml gives no url:, so the address where the site will be published is unknown.
        var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Path.Combine(Repo.Fixture("basic"), "content"), Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")),
            BaseUrl: "/sitegen/", Write: false));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var root = JsonDocument.Parse(result.Rendered!.Files.Single(f => f.Path == "annotations.jsonld").Content).RootElement;
        Assert.Equal("/sitegen/annotations.jsonld", root.GetProperty("id").GetString());
        Assert.All(root.GetProperty("first").GetProperty("items").EnumerateArray(),
            i => Assert.StartsWith("/sitegen/texts/", i.GetProperty("target").GetProperty("source").GetString()));
    }

    [Fact]
    public void Offsets_count_the_paragraph_elements_text_with_breaks_emphasis_links_corrections_and_nested_notes()
    {
        // The oracle is the page parsed as a browser would (AngleSharp): the export's exact quote is
        // the text between its offsets in the paragraph element's textContent.
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news",
                "In 1978, *Chinese* leader Dening X Kodaira\\\nadvocated the [famous](https://example.org) theory `R&D` <3.\n")
            .Write("content/annotations/2021-06-10-t/outer.md", "---\ntext: 2021-06-10-t\nquote: Chinese leader Dening X Kodaira advocated\nkind: note\n---\nOuter.\n")
            .Write("content/annotations/2021-06-10-t/inner.md", "---\ntext: 2021-06-10-t\nquote: Dening X Kodaira\nkind: correction\ncorrection: Deng Xiaoping\n---\nInner.\n")
            .Write("content/annotations/2021-06-10-t/tail.md", "---\ntext: 2021-06-10-t\nquote: \"famous theory R&D <3.\"\nkind: note\n---\nTail.\n");
        var result = SiteBuilder.Build(new BuildOptions(site.Paths(), "https://example.org/", Write: false));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(result.Rendered!.Files.Single(f => f.Path == "texts/2021-06-10-t/index.html").Content));
        var export = JsonDocument.Parse(result.Rendered.Files.Single(f => f.Path == "texts/2021-06-10-t/annotations.jsonld").Content).RootElement;
        var items = export.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            var selectors = item.GetProperty("target").GetProperty("selector").EnumerateArray().ToList();
            var element = page.GetElementById(selectors[0].GetProperty("value").GetString()!)!;
            var quote = selectors[0].GetProperty("refinedBy");
            var position = selectors[1].GetProperty("refinedBy");
            var (start, end) = (position.GetProperty("start").GetInt32(), position.GetProperty("end").GetInt32());
            Assert.Equal(quote.GetProperty("exact").GetString(), element.TextContent[start..end]);
            Assert.Equal(quote.TryGetProperty("prefix", out var prefix) ? prefix.GetString() : "", element.TextContent[Math.Max(0, start - 32)..start]);
            var name = item.GetProperty("id").GetString()!.Split("--")[^1];
            Assert.Equal(string.Concat(element.QuerySelectorAll($"mark[data-note='{name}']").Select(m => m.TextContent)), element.TextContent[start..end]);
        }
        Assert.Contains("Kodaira\nadvocated", page.GetElementById("p1")!.TextContent);
    }

    private static string Collapse(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
}
