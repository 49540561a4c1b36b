using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Loading;

/// <summary>
/// Where a text comes from (speaker, delivery, the original, the English version, the translator) and the works a
/// note rests on (<c>sources:</c>): read, shown, exported, and every mistake reported at its line and column.
/// </summary>
public class ProvenanceTests
{
    private const string FullFront = """
        title: A report
        date: 2023-02-21
        speaker: Xi Jinping
        kind: report
        venue: A study session, Beijing
        delivered: 2023-02-21
        original:
          title: 切实加强基础研究
          language: zh
          publisher: Xinhua News Agency
          published: 2023-02-22
          url: https://www.news.cn/original
          archived: https://perma.cc/ABCD-1234
        source:
          publisher: not known
          published: not known
          translator: machine translation
          url: https://example.org/english
          note: A news report.
        """;

    private static TempSite Site(string front = FullFront) => new TempSite()
        .Text("2023-02-21-a", front, "Basic research matters.\n\nIt matters again.\n");

    [Fact]
    public void Every_provenance_field_is_read_into_the_model_with_not_known_kept_apart_from_absent()
    {
        using var site = Site();
        Assert.Empty(site.Errors());
        var text = site.Build().Site!.Site.Texts.Single();
        Assert.Null(text.Author);
        Assert.Equal("Xi Jinping", text.Speaker);
        Assert.Equal(new DateOnly(2023, 2, 21), text.Delivered?.Value);
        Assert.Equal(("切实加强基础研究", "zh", "Xinhua News Agency", new DateOnly(2023, 2, 22)),
            (text.Original!.Title, text.Original.Language, text.Original.Publication.Publisher, text.Original.Publication.Date?.Value));
        Assert.Equal("https://perma.cc/ABCD-1234", text.Original.Archived);
        Assert.NotNull(text.Source!.Publication.Date);            // given ...
        Assert.Null(text.Source.Publication.Date!.Value.Value);    // ... as "not known"
        Assert.Equal("machine translation", text.Source.Translator);
    }

    [Fact]
    public void The_text_page_shows_the_provenance_with_the_original_title_in_its_language_and_not_known_as_such()
    {
        using var site = Site();
        site.Build();
        var page = site.Read("site/texts/2023-02-21-a/index.html");
        Assert.Contains("<p class=\"original-title\" lang=\"zh\">切实加强基础研究</p>", page);
        Assert.Contains("<span class=\"speaker\">words of Xi Jinping</span>", page);
        Assert.Contains("<dt>Occasion</dt><dd>A study session, Beijing, <time datetime=\"2023-02-21\">21 February 2023</time></dd>", page);
        Assert.Contains("<dt>Original</dt><dd>Xinhua News Agency, <time datetime=\"2023-02-22\">22 February 2023</time> · <a href=\"https://www.news.cn/original\">The original online</a> · <a href=\"https://perma.cc/ABCD-1234\">archived copy</a></dd>", page);
        Assert.Contains("<dt>This English text</dt><dd>publisher <span class=\"not-known\">not known</span>; date <span class=\"not-known\">not known</span> · <a href=\"https://example.org/english\">This English text online</a></dd>", page);
        Assert.Contains("<dt>Translator</dt><dd>machine translation</dd>", page);
        var home = site.Read("site/index.html");
        Assert.Contains("<p class=\"original-title\" lang=\"zh\">切实加强基础研究</p>", home);
    }

    [Theory]
    [InlineData("delivered: last spring", "content/texts/2023-02-21-a.md:5:12: error: 'delivered: last spring' is not a date: write it as YYYY-MM-DD (e.g. 'delivered: 2024-06-24'), or 'delivered: not known' when no source gives it [SG0107]")]
    [InlineData("original:\n  language: Chinese", "content/texts/2023-02-21-a.md:6:13: error: 'language: Chinese' is not a language tag: write it as browsers read lang=\"\", e.g. 'language: en', 'language: zh' or 'language: zh-Hans' [SG0109]")]
    [InlineData("original:\n  titl: 讲话", "content/texts/2023-02-21-a.md:6:3: error: unknown key 'titl': did you mean 'title'? [SG0104]")]
    [InlineData("original:\n  url: javascript:alert(1)", "content/texts/2023-02-21-a.md:6:8: error: 'url: javascript:alert(1)' is refused: 'javascript:' addresses are not allowed: link to an http(s) address, e.g. 'url: http://www.news.cn/politics/leaders/2024-06/24/c_1130168826.htm' [SG0113]")]
    [InlineData("source:\n  archived: web.archive.org/x", "content/texts/2023-02-21-a.md:6:13: error: 'archived: web.archive.org/x' is refused: the address is not a full http(s) URL: write it as https://..., e.g. 'archived: https://web.archive.org/web/2024/https://example.org/article' [SG0113]")]
    [InlineData("source:\n  published: 1 April 2025", "content/texts/2023-02-21-a.md:6:14: error: 'published: 1 April 2025' is not a date: write it as YYYY-MM-DD (e.g. 'published: 2024-06-24'), or 'published: not known' when no source gives it [SG0107]")]
    public void A_malformed_provenance_field_is_an_error_at_its_place_with_the_fix(string field, string expected)
    {
        using var site = Site($"title: A report\ndate: 2023-02-21\nkind: report\n{field}");
        Assert.Equal(expected, Assert.Single(site.Errors()));
    }

    private static TempSite WithNote(string sources) => new TempSite()
        .Text("2023-02-21-a", "title: A\ndate: 2023-02-21\nkind: report", "Basic research matters.\n")
        .Write("content/annotations/2023-02-21-a/basic.md",
            $"---\ntext: 2023-02-21-a\nquote: Basic research\nkind: context\n{sources}---\nA fact.\n");

    [Fact]
    public void A_notes_sources_are_shown_under_it_and_exported_as_citations()
    {
        using var site = WithNote("sources:\n  - title: Xi stresses basic research\n    publisher: Xinhua\n    date: 2023-02-22\n    url: http://en.people.cn/x.html\n" +
            "  - title: A book without an address\n    date: not known\n");
        Assert.Empty(site.Errors());
        var page = site.Read("site/texts/2023-02-21-a/index.html");
        Assert.Contains("<p class=\"note-sources\"><span class=\"label\">Sources:</span> <cite><a href=\"http://en.people.cn/x.html\">Xi stresses basic research</a></cite>, Xinhua, <time datetime=\"2023-02-22\">22 February 2023</time>; <cite>A book without an address</cite>, <span class=\"not-known\">not known</span>.</p>", page);
        using var export = JsonDocument.Parse(site.Read("site/texts/2023-02-21-a/annotations.jsonld"));
        var citations = export.RootElement.GetProperty("first").GetProperty("items")[0].GetProperty("schema:citation");
        Assert.Equal(2, citations.GetArrayLength());
        Assert.Equal("Xi stresses basic research", citations[0].GetProperty("schema:name").GetString());
        Assert.Equal("2023-02-22", citations[0].GetProperty("schema:datePublished").GetString());
        Assert.Equal("http://en.people.cn/x.html", citations[0].GetProperty("schema:url").GetString());
        Assert.False(citations[1].TryGetProperty("schema:datePublished", out _));
    }

    [Theory]
    [InlineData("sources: Xinhua\n", "content/annotations/2023-02-21-a/basic.md:5:10: error: 'sources' must be a list of groups of fields, one per '- ', e.g.\n    sources:\n      - title: Full text of Xi's speech at sci-tech conference\n        publisher: Xinhua\n        date: 2024-06-28\n        url: https://english.news.cn/... [SG0106]")]
    [InlineData("sources:\n  - publisher: Xinhua\n", "content/annotations/2023-02-21-a/basic.md:6:5: error: 'title' is missing: add a line 'title: Full text of Xi's speech at sci-tech conference' to the front matter [SG0105]")]
    [InlineData("sources:\n  - title: T\n    url: ftp://x.org/\n", "content/annotations/2023-02-21-a/basic.md:7:10: error: 'url: ftp://x.org/' is refused: 'ftp:' addresses are not allowed: link to an http(s) address, e.g. 'url: https://english.news.cn/20240628/example.html' [SG0113]")]
    [InlineData("sources:\n  - title: T\n    dated: 2020-01-01\n", "content/annotations/2023-02-21-a/basic.md:7:5: error: unknown key 'dated': did you mean 'date'? [SG0104]")]
    public void A_malformed_source_is_an_error_at_its_place_with_the_fix(string sources, string expected)
    {
        using var site = WithNote(sources);
        Assert.Equal(expected, Assert.Single(site.Errors()));
    }
}
