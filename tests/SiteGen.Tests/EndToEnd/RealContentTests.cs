using SiteGen.Model;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Body;
using SiteGen.TextRules;
using SiteGen.FileSystem;

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
        Assert.True(site.Notes.Length >= 40, $"{site.Notes.Length} notes");
        Assert.Equal(site.Site.Texts.Select(t => t.Slug), site.Notes.Select(a => a.Paragraph.Slug).Distinct());
        Assert.Equal(site.Site.Notes.Length, site.Notes.Length);
    }

    [Theory]
    [InlineData("Dening X Kodaira", "Deng Xiaoping")]
    [InlineData("Hokuto navigation satellite systems", "BeiDou Navigation Satellite System")]
    [InlineData("Xi Jinping Jintao", "Xi Jinping")]
    [InlineData("I am.", "")]
    [InlineData("I learned that.", "")]
    public void The_translation_errors_of_the_2021_news_feature_are_corrected(string published, string corrected)
    {
        var anchor = Built.Value.Site!.Notes.Single(a => a.Paragraph.Slug == "2021-06-10-quality-development" && a.Note.Quote == published);
        Assert.Equal(corrected, anchor.Note.Correction);
    }

    [Fact]
    public void The_texts_keep_the_words_of_the_source_including_its_errors()
    {
        var text = Built.Value.Site!.Site.Texts.Single(t => t.Slug == "2021-06-10-quality-development");
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Dening X Kodaira", StringComparison.Ordinal));
        Assert.Contains(text.Paragraphs, p => p.PlainText.Contains("Hokuto navigation satellite systems", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Path, AngleSharp.Html.Dom.IHtmlDocument Document)> Pages()
    {
        var parser = new HtmlParser();
        return Built.Value.Rendered!.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => (f.Path, parser.ParseDocument(System.Text.Encoding.UTF8.GetString(f.Content))));
    }

    private static IEnumerable<AngleSharp.Dom.IText> TextNodes(AngleSharp.Dom.INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText text) yield return text;
            else foreach (var inner in TextNodes(child)) yield return inner;
        }
    }

    [Fact]
    public void Every_run_of_Chinese_on_every_page_is_marked_as_Chinese()
    {
        var runs = 0;
        var unmarked = new List<string>();
        foreach (var (path, document) in Pages())
        {
            var walker = TextNodes(document.Body!);
            foreach (var node in walker)
            {
                if (!Scripts.HasHan(node.Data) || node.ParentElement is { LocalName: "script" or "style" }) continue;
                runs++;
                var lang = node.ParentElement?.Closest("[lang]")?.GetAttribute("lang") ?? "";
                if (!lang.StartsWith("zh", StringComparison.Ordinal)) unmarked.Add($"{path}: “{node.Data.Trim()}” (lang=\"{lang}\")");
            }
        }
        Assert.True(runs > 100, $"only {runs} Chinese runs found: the check would prove little");
        Assert.Empty(unmarked);
    }

    [Fact]
    public void The_glossary_lists_every_concept_with_its_Chinese_term_pinyin_texts_and_mentions()
    {
        var site = Built.Value.Site!;
        var glossary = Pages().Single(p => p.Path == "glossary/index.html").Document;
        var rows = glossary.QuerySelectorAll("table.glossary-table tbody tr").ToList();
        Assert.Equal(site.Site.Concepts.Length, rows.Count);
        Assert.All(site.Site.Concepts, c => Assert.False(string.IsNullOrEmpty(c.Chinese), $"{c.Id} has no zh"));
        foreach (var concept in site.Site.Concepts)
        {
            var row = rows.Single(r => r.QuerySelector("th a")!.GetAttribute("href")!.EndsWith($"/concepts/{concept.Id}/", StringComparison.Ordinal));
            var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
            var mentions = site.MentionsByConcept[concept.Id];
            Assert.Equal([concept.Title, concept.Chinese!, concept.Pinyin!, mentions.Select(m => m.Slug).Distinct().Count().ToString(), mentions.Length.ToString()], cells);
        }
        // Without JavaScript the table is in English alphabetical order.
        var titles = rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(titles.Order(StringComparer.OrdinalIgnoreCase), titles);
    }

    [Fact]
    public void Every_text_states_its_provenance_in_full()
    {
        foreach (var text in Built.Value.Site!.Site.Texts)
        {
            Assert.True(text.Original is not null, $"{text.Slug}: original");
            Assert.True(text.Original!.Publication.Date is not null, $"{text.Slug}: original publication date (or 'not known')");
            Assert.True(text.Source?.Publication.Date is not null, $"{text.Slug}: English publication date (or 'not known')");
            Assert.False(string.IsNullOrEmpty(text.Source!.Translator), $"{text.Slug}: translator");
            Assert.True(text.Kind != TextKind.Speech || text.Delivered is not null, $"{text.Slug}: delivery date of a speech");
        }
        Assert.Null(Built.Value.Site!.TextOf("2023-02-21-basic-research").Author);
        Assert.Equal("Xi Jinping", Built.Value.Site!.TextOf("2023-02-21-basic-research").Speaker);
    }

    [Fact]
    public void At_least_seventy_five_notes_and_every_context_note_names_its_sources()
    {
        var anchors = Built.Value.Site!.Notes;
        Assert.True(anchors.Length >= 75, $"{anchors.Length} notes");
        Assert.All(anchors.Where(a => a.Note.Kind == NoteKind.Context),
            a => Assert.False(a.Note.Sources.IsEmpty, $"{a.Note.Id} states facts without a source"));
    }
}
