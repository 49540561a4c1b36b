using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The edition's own content, built as CI builds it.</summary>
public class RealContentTests
{
    private static readonly Lazy<BuildResult> Built = new(() =>
        SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")), Write: false)));

    [Fact]
    public void The_real_content_builds_without_errors_or_warnings() =>
        Assert.Empty(Built.Value.Diagnostics);

    [Fact]
    public void Every_text_is_published_with_every_paragraph_numbered_and_addressable()
    {
        var site = Built.Value.Site!.Site;
        Assert.Equal(5, site.Texts.Count);
        var parser = new HtmlParser();
        foreach (var text in site.Texts)
        {
            var file = Built.Value.Rendered!.Files.Single(f => f.Path == $"texts/{text.Slug}/index.html");
            var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            var ids = document.QuerySelectorAll(".para").Select(p => p.Id).ToList();
            Assert.Equal(Enumerable.Range(1, text.Paragraphs.Count).Select(n => $"p{n}"), ids);
            Assert.All(document.QuerySelectorAll(".para"), p => Assert.Equal("#" + p.Id, p.QuerySelector("a.pnum")!.GetAttribute("href")));
        }
    }

    [Fact]
    public void The_texts_keep_the_words_of_the_source_including_its_errors()
    {
        var text = Built.Value.Site!.Site.Texts.Single(t => t.Slug == "2021-06-10-quality-development");
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Dening X Kodaira", StringComparison.Ordinal));
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Hokuto navigation satellite systems", StringComparison.Ordinal));
    }
}
