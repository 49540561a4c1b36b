using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Parser;
using SiteGen.Model;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;
using SiteGen.Addresses;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// What reference managers, search engines and feed readers read of the edition, read back as they
/// would: every text page's citation tags and JSON-LD parsed out of the page, the sitemap validated
/// against the sitemaps.org schema, the Atom feed parsed by .NET's own syndication reader.
/// </summary>
public class DiscoveryTests : IClassFixture<DiscoveryTests.PublishedBuild>
{
    public const string Published = "https://example.org/edition/";

    /// <summary>The real edition, built for an absolute address (as the workflow builds it for GitHub Pages).</summary>
    public sealed class PublishedBuild
    {
        internal BuildResult Result { get; } = SiteBuilder.Build(new BuildOptions(
            new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")), BaseUrl: Published, Write: false));

        internal IReadOnlyDictionary<string, byte[]> Files => Result.Rendered!.Files.ToDictionary(f => f.Path, f => f.Content);

        internal AngleSharp.Dom.IDocument Page(string path) => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Files[path]));
    }

    private readonly PublishedBuild _build;

    public DiscoveryTests(PublishedBuild build)
    {
        _build = build;
        Assert.True(build.Result.Succeeded, string.Join("\n", build.Result.Diagnostics));
    }

    private static string? Meta(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

    private static IReadOnlyList<string> Metas(AngleSharp.Dom.IDocument page, string name) =>
        [.. page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!)];

    [Fact]
    public void Every_text_page_carries_citation_tags_and_JSON_LD_that_state_the_text()
    {
        foreach (var text in _build.Result.Site!.Site.Texts)
        {
            var url = $"{Published}texts/{text.Slug}/";
            var page = _build.Page($"texts/{text.Slug}/index.html");
            Assert.Equal(text.Title, Meta(page, "citation_title"));
            var creator = text.Speaker ?? text.Author;
            Assert.Equal(creator is null ? [] : [creator], Metas(page, "citation_author"));
            Assert.Equal(text.Date.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), Meta(page, "citation_publication_date"));
            Assert.Equal(url, Meta(page, "citation_public_url"));
            Assert.Equal("en", Meta(page, "citation_language"));
            if (text.Source?.Publication.Publisher is { } publisher && publisher != "not known") Assert.Equal(publisher, Meta(page, "citation_publisher"));

            Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(url, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
            Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));

            var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
            var ld = JsonDocument.Parse(Assert.Single(scripts).TextContent).RootElement;
            Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
            Assert.Equal(text.Kind == TextKind.News ? "NewsArticle" : "Article", ld.GetProperty("@type").GetString());
            Assert.Equal(text.Title, ld.GetProperty("headline").GetString());
            Assert.Equal(url, ld.GetProperty("url").GetString());
            Assert.Equal(text.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ld.GetProperty("datePublished").GetString());
            if (creator is not null) Assert.Equal(creator, ld.GetProperty("author").GetProperty("name").GetString());
            Assert.Equal(Published, ld.GetProperty("isPartOf").GetProperty("url").GetString());
            if (text.Original?.Title is { } original) Assert.Equal(original, ld.GetProperty("translationOfWork").GetProperty("name").GetString());

            // The citation on the page names the same address, and the downloads exist.
            Assert.Equal(url, page.QuerySelector("#cite-text .cite-url")!.TextContent);
            foreach (var download in page.QuerySelectorAll("#cite a[download]"))
                Assert.True(_build.Files.ContainsKey(download.GetAttribute("href")!["/edition/".Length..]), download.GetAttribute("href"));
        }
    }

    [Fact]
    public void Every_page_names_its_absolute_canonical_address_and_its_kind()
    {
        foreach (var (path, _) in _build.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = _build.Page(path);
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            var expected = Published + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
            Assert.Equal(expected, canonical);
            Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
            Assert.Equal(path.StartsWith("texts/", StringComparison.Ordinal) ? "article" : "website", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
            Assert.Equal($"{Published}feed.xml", new Uri(new Uri(Published), page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")).ToString());
            Assert.NotNull(page.QuerySelector("link[rel=icon][type='image/svg+xml']"));
        }
    }

    [Fact]
    public void Without_a_published_address_pages_have_no_og_url_and_there_is_no_sitemap_or_feed()
    {
        var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Path.Combine(Repo.Fixture("basic"), "content"), Repo.Templates,
            Path.Combine(Path.GetTempPath(), "unused")), Write: false));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = result.Rendered!.Files.Select(f => f.Path).ToHashSet();
        Assert.DoesNotContain("sitemap.xml", files);
        Assert.DoesNotContain("feed.xml", files);
        Assert.DoesNotContain("robots.txt", files);
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(result.Rendered.Files.Single(f => f.Path == "index.html").Content));
        Assert.Null(page.QuerySelector("meta[property='og:url']"));
        Assert.Null(page.QuerySelector("link[type='application/atom+xml']"));
        Assert.Equal("/edition/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    /// <summary>The sitemaps.org 0.9 protocol (sitemaps.org/protocol.html) as a schema: a urlset of urls, each with one absolute loc.</summary>
    private const string SitemapSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
                   xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
          <xs:element name="urlset">
            <xs:complexType><xs:sequence><xs:element name="url" maxOccurs="50000">
              <xs:complexType><xs:all>
                <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI"><xs:minLength value="12"/><xs:maxLength value="2048"/></xs:restriction></xs:simpleType></xs:element>
                <xs:element name="lastmod" type="xs:string" minOccurs="0"/>
                <xs:element name="changefreq" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
                  <xs:enumeration value="always"/><xs:enumeration value="hourly"/><xs:enumeration value="daily"/><xs:enumeration value="weekly"/>
                  <xs:enumeration value="monthly"/><xs:enumeration value="yearly"/><xs:enumeration value="never"/></xs:restriction></xs:simpleType></xs:element>
                <xs:element name="priority" minOccurs="0"><xs:simpleType><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/><xs:maxInclusive value="1"/></xs:restriction></xs:simpleType></xs:element>
              </xs:all></xs:complexType>
            </xs:element></xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    [Fact]
    public void The_sitemap_is_valid_and_lists_every_page_but_the_404_once_by_its_absolute_address()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(XmlSchema.Read(new StringReader(SitemapSchema), null)!);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(new MemoryStream(_build.Files["sitemap.xml"]), settings)) while (reader.Read()) { }
        Assert.Empty(errors);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Load(new MemoryStream(_build.Files["sitemap.xml"])).Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Equal(locs.Count, locs.Distinct().Count());
        var pages = _build.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html")
            .Select(p => Published + (p.EndsWith("index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)).Order(StringComparer.Ordinal);
        Assert.Equal(pages, locs.Order(StringComparer.Ordinal));

        var robots = Encoding.UTF8.GetString(_build.Files["robots.txt"]);
        Assert.Contains($"Sitemap: {Published}sitemap.xml\n", robots);
        Assert.StartsWith("User-agent: *\n", robots);
    }

    [Fact]
    public void The_feed_is_Atom_that_a_feed_reader_parses_with_every_text_and_note_linked_absolutely()
    {
        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(_build.Files["feed.xml"])));
        var site = _build.Result.Site!;
        Assert.Equal(site.Site.Info.Title, feed.Title.Text);
        Assert.Equal(Published, feed.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == $"{Published}feed.xml");
        Assert.Equal(site.Site.Texts.Length + site.Notes.Length, feed.Items.Count());
        Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct().Count());
        // Newest first, and the feed's date is its newest entry's, so the same content gives the same feed.
        var dates = feed.Items.Select(i => i.LastUpdatedTime).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(dates[0], feed.LastUpdatedTime);
        foreach (var item in feed.Items)
        {
            var link = Assert.Single(item.Links, l => l.RelationshipType == "alternate").Uri;
            Assert.True(link.IsAbsoluteUri, link.ToString());
            Assert.Equal(item.Id, link.ToString());
            Assert.StartsWith(Published, link.ToString());
            var file = link.AbsolutePath["/edition/".Length..];
            Assert.True(_build.Files.ContainsKey(file.Length == 0 || file.EndsWith('/') ? file + "index.html" : file), link.ToString());
            Assert.False(string.IsNullOrWhiteSpace(item.Title.Text));
            Assert.True(item.Authors.Count > 0 || feed.Authors.Count > 0);
        }
        foreach (var text in site.Site.Texts)
            Assert.Contains(feed.Items, i => i.Id == $"{Published}texts/{text.Slug}/" && i.Title.Text == text.Title && i.LastUpdatedTime.UtcDateTime.Date == text.Date.ToDateTime(TimeOnly.MinValue));
        // A note's links to the site are absolute, since a feed reader shows it away from the site.
        foreach (var note in feed.Items.Where(i => i.Categories.Any(c => c.Name == "note")))
        {
            var html = ((TextSyndicationContent)note.Content).Text;
            Assert.DoesNotContain("href=\"/", html);
        }
    }
}
