using SiteGen.Model;
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
        Assert.Equal(5, site.Texts.Length);
        var parser = new HtmlParser();
        foreach (var text in site.Texts)
        {
            var file = Built.Value.Rendered!.Files.Single(f => f.Path == $"texts/{text.Slug}/index.html");
            var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            var ids = document.QuerySelectorAll(".para").Select(p => p.Id).ToList();
            Assert.Equal(Enumerable.Range(1, text.Paragraphs.Length).Select(n => $"p{n}"), ids);
            Assert.All(document.QuerySelectorAll(".para"), p => Assert.Equal("#" + p.Id, p.QuerySelector("a.pnum")!.GetAttribute("href")));
        }
    }

    [Fact]
    public void The_registry_has_at_least_thirty_concepts_each_mentioned_in_at_least_two_texts()
    {
        var site = Built.Value.Site!;
        Assert.True(site.Site.Concepts.Length >= 30, $"{site.Site.Concepts.Length} concepts");
        Assert.All(site.Site.Concepts, c =>
            Assert.True(site.MentionsByConcept[c.Id].Select(m => m.Slug).Distinct().Count() >= 2, $"{c.Id} is mentioned in fewer than two texts"));
        Assert.True(site.Site.Concepts.Select(c => c.Category).Distinct().Count() >= 6, "concepts span the categories");
    }

    [Fact]
    public void Every_concept_has_a_page_with_a_mention_line_for_each_mention()
    {
        var site = Built.Value.Site!;
        var parser = new HtmlParser();
        foreach (var concept in site.Site.Concepts)
        {
            var file = Built.Value.Rendered!.Files.Single(f => f.Path == $"concepts/{concept.Id}/index.html");
            var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            Assert.Equal(site.MentionsByConcept[concept.Id].Length, document.QuerySelectorAll(".kwic li").Length);
            Assert.NotNull(document.QuerySelector("svg.mention-chart title"));
        }
    }

    [Fact]
    public void At_least_forty_annotationViews_are_anchored_across_all_five_texts()
    {
        var site = Built.Value.Site!;
        Assert.True(site.Anchors.Length >= 40, $"{site.Anchors.Length} notes");
        Assert.Equal(site.Site.Texts.Select(t => t.Slug), site.Anchors.Select(a => a.Paragraph.Slug).Distinct());
        Assert.Equal(site.Site.Annotations.Length, site.Anchors.Length);
    }

    [Theory]
    [InlineData("Dening X Kodaira", "Deng Xiaoping")]
    [InlineData("Hokuto navigation satellite systems", "BeiDou Navigation Satellite System")]
    [InlineData("Xi Jinping Jintao", "Xi Jinping")]
    [InlineData("I am.", "")]
    [InlineData("I learned that.", "")]
    public void The_translation_errors_of_the_2021_news_feature_are_corrected(string published, string corrected)
    {
        var anchor = Built.Value.Site!.Anchors.Single(a => a.Paragraph.Slug == "2021-06-10-quality-development" && a.Annotation.Quote == published);
        Assert.Equal(corrected, anchor.Annotation.Correction);
    }

    [Fact]
    public void The_texts_keep_the_words_of_the_source_including_its_errors()
    {
        var text = Built.Value.Site!.Site.Texts.Single(t => t.Slug == "2021-06-10-quality-development");
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Dening X Kodaira", StringComparison.Ordinal));
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Hokuto navigation satellite systems", StringComparison.Ordinal));
    }
}
