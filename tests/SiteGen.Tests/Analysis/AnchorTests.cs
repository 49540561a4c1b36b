using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Analysis;

/// <summary>Anchoring annotations by quote, prefix and suffix, and the messages when it fails.</summary>
public class AnchorTests
{
    private const string Body = "In 1978, Chinese leader Dening X Kodaira advocated the “primary productive force”.\n\n" +
                                "Science and technology are key. Science and technology, again.\n";

    private static (IReadOnlyList<AnchoredNote> Anchors, IReadOnlyList<string> Errors) Anchor(string frontMatter)
    {
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news", Body)
            .Write("content/annotations/2021-06-10-t/n.md", $"---\ntext: 2021-06-10-t\n{frontMatter.TrimEnd('\n')}\nkind: note\n---\nThe note.\n");
        var result = site.Build();
        return (result.Site?.Notes ?? [], result.Diagnostics.Select(d => d.ToString()).ToList());
    }

    private static string Anchored(AnchoredNote anchor) =>
        Body.Split("\n\n")[anchor.Paragraph.Number - 1].Replace("\n", " ").TrimEnd()[anchor.Start..anchor.End];

    [Fact]
    public void An_exact_quote_anchors_in_its_paragraph()
    {
        var (anchors, errors) = Anchor("quote: Dening X Kodaira");
        Assert.Empty(errors);
        var anchor = Assert.Single(anchors);
        Assert.Equal(new ParagraphRef("2021-06-10-t", 1), anchor.Paragraph);
        Assert.Equal("Dening X Kodaira", Anchored(anchor));
        Assert.Equal(1, anchor.Number);
    }

    [Fact]
    public void A_quote_matches_after_folding_case_quotes_and_dashes()
    {
        var (anchors, errors) = Anchor("quote: '\"PRIMARY productive-force\"'");
        Assert.Empty(errors);
        Assert.Equal("“primary productive force”", Anchored(Assert.Single(anchors)));
    }

    [Fact]
    public void A_prefix_decides_between_places()
    {
        var (anchors, errors) = Anchor("quote: Science and technology\nprefix: \"key. \"");
        Assert.Empty(errors);
        var anchor = Assert.Single(anchors);
        Assert.Equal(2, anchor.Paragraph.Number);
        Assert.Equal(32, anchor.Start);
    }

    [Fact]
    public void A_suffix_decides_between_places()
    {
        var (anchors, _) = Anchor("quote: Science and technology\nsuffix: \" are key\"");
        Assert.Equal(0, Assert.Single(anchors).Start);
    }

    [Fact]
    public void A_quote_over_a_concept_mention_anchors_and_the_mention_stays()
    {
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news", Body)
            .Text("2022-01-01-u", "title: U\ndate: 2022-01-01\nkind: news", "The primary productive force again.\n")
            .Write("content/concepts/productive-force.md", "---\ntitle: Primary productive force\ncategory: term\n---\nC.\n")
            .Write("content/annotations/2021-06-10-t/n.md", "---\ntext: 2021-06-10-t\nquote: advocated the “primary\nkind: note\n---\nN.\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Site!.Notes);
        Assert.Equal(2, result.Site.Mentions.Length);
        var html = site.Read("site/texts/2021-06-10-t/index.html");
        // The link is split where the highlight ends, and the marker stands outside it.
        Assert.Contains("<mark class=\"passage passage-note\" data-note=\"n\">advocated the “<a class=\"mention\" href=\"/concepts/productive-force/\">primary</a></mark>" +
            "<a class=\"note-ref\" id=\"ref-n\" href=\"#note-n\" aria-label=\"Note 1\" data-n=\"1\"></a>" +
            "<a class=\"mention\" href=\"/concepts/productive-force/\"> productive force</a>", html);
    }

    [Fact]
    public void A_quote_found_nowhere_shows_the_closest_passage_and_the_line_to_paste()
    {
        var (anchors, errors) = Anchor("quote: Dening X. Kodaira advocated");
        Assert.Empty(anchors);
        Assert.Equal(["content/annotations/2021-06-10-t/n.md:3:8: error: the quote is not in 2021-06-10-t; the closest passage is in ¶1 (96% alike): “Dening X Kodaira advocated”. If that is the passage, write: quote: \"Dening X Kodaira advocated\" [SG0502]"], errors);
    }

    [Fact]
    public void A_quote_across_two_paragraphs_is_not_found()
    {
        var (anchors, errors) = Anchor("quote: productive force”. Science and technology");
        Assert.Empty(anchors);
        Assert.Contains("SG0502", Assert.Single(errors));
    }

    [Fact]
    public void An_ambiguous_quote_lists_each_place_and_what_decides_it()
    {
        var (anchors, errors) = Anchor("quote: Science and technology");
        Assert.Empty(anchors);
        Assert.Equal(["content/annotations/2021-06-10-t/n.md:3:8: error: the quote occurs twice in 2021-06-10-t, so the note cannot be placed: " +
                      "¶2 “[Science and technology] are key. Science and…” — to choose it, add suffix: \" are\"; " +
                      "¶2 “…and technology are key. [Science and technology], again.” — to choose it, add prefix: \"key. \" [SG0503]"], errors);
    }

    [Fact]
    public void A_prefix_that_matches_no_place_says_so()
    {
        var (_, errors) = Anchor("quote: Science and technology\nprefix: \"nothing \"");
        Assert.StartsWith("content/annotations/2021-06-10-t/n.md:3:8: error: the quote occurs twice in 2021-06-10-t, but the prefix or suffix matches none of them", Assert.Single(errors));
    }

    [Fact]
    public void An_annotation_of_an_unknown_text_names_the_nearest()
    {
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news", Body)
            .Write("content/annotations/2021-06-10-x/n.md", "---\ntext: 2021-06-10-x\nquote: Dening\nkind: note\n---\nN.\n");
        Assert.Equal(["content/annotations/2021-06-10-x/n.md:2:7: error: there is no text '2021-06-10-x': did you mean '2021-06-10-t'? [SG0501]"], site.Errors());
    }

    [Fact]
    public void A_correction_without_its_reading_is_an_error()
    {
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news", Body)
            .Write("content/annotations/2021-06-10-t/n.md", "---\ntext: 2021-06-10-t\nquote: Dening X Kodaira\nkind: correction\n---\nN.\n");
        Assert.Equal(["content/annotations/2021-06-10-t/n.md:4:1: error: a correction needs the right reading: add 'correction: <the right words>' (or 'correction: \"\"' when the words should be deleted) [SG0105]"], site.Errors());
    }

    [Fact]
    public void Overlapping_and_nested_annotations_all_anchor_and_are_numbered_in_reading_order()
    {
        using var site = new TempSite()
            .Text("2021-06-10-t", "title: T\ndate: 2021-06-10\nkind: news", Body)
            .Write("content/annotations/2021-06-10-t/outer.md", "---\ntext: 2021-06-10-t\nquote: Chinese leader Dening X Kodaira advocated\nkind: note\n---\nOuter.\n")
            .Write("content/annotations/2021-06-10-t/inner.md", "---\ntext: 2021-06-10-t\nquote: Dening X Kodaira\nkind: correction\ncorrection: Deng Xiaoping\n---\nInner.\n")
            .Write("content/annotations/2021-06-10-t/overlap.md", "---\ntext: 2021-06-10-t\nquote: advocated the\nkind: note\n---\nOverlap.\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["outer", "inner", "overlap"], result.Site!.Notes.Select(a => a.Note.Name));
        Assert.Equal([1, 2, 3], result.Site.Notes.Select(a => a.Number));
        var html = site.Read("site/texts/2021-06-10-t/index.html");
        Assert.Contains("<mark class=\"passage passage-note\" data-note=\"outer\">Chinese leader <mark class=\"passage passage-correction\" data-note=\"inner\">Dening X Kodaira</mark>" +
            "<span class=\"correction\" data-reading=\"Deng Xiaoping\"></span>" +
            "<a class=\"note-ref\" id=\"ref-inner\" href=\"#note-inner\" aria-label=\"Correction 2\" data-n=\"2\"></a> <mark class=\"passage passage-note\" data-note=\"overlap\">advocated</mark></mark>" +
            "<a class=\"note-ref\" id=\"ref-outer\" href=\"#note-outer\" aria-label=\"Note 1\" data-n=\"1\"></a>" +
            "<mark class=\"passage passage-note\" data-note=\"overlap\"> the</mark><a class=\"note-ref\" id=\"ref-overlap\" href=\"#note-overlap\" aria-label=\"Note 3\" data-n=\"3\"></a>", html);
    }

    [Fact]
    public void Closest_substring_finds_the_best_approximate_match()
    {
        const string text = "leader dening x kodiara advocated";
        var (distance, start, end) = NoteAnchorer.ClosestSubstring("kodaira", text);
        Assert.Equal(2, distance);
        Assert.InRange(start, 16, 23);
        Assert.InRange(end, start + 4, 23);
        Assert.Equal((7, 0, 0), NoteAnchorer.ClosestSubstring("kodaira", ""));
    }
}
