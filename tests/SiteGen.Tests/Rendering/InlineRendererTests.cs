using System.Text;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Rendering.Body;

namespace SiteGen.Tests.Rendering;

public class InlineRendererTests
{
    private static string Render(IReadOnlyList<Inline> content, params Decoration[] decorations)
    {
        var html = new StringBuilder();
        InlineRenderer.Render(html, Support.RepoTemplates.Inline, Inlines.WithSpans(content), decorations);
        return html.ToString();
    }

    private static Decoration Link(int start, int end) => new(start, end, "<a>", "</a>");
    private static Decoration Mark(int start, int end, string after = "") => new(start, end, "<mark>", "</mark>", after);

    [Fact]
    public void Text_is_escaped_but_typography_is_left_alone()
    {
        Assert.Equal("Chang’e &amp; 1 &lt; 2 &quot;x&quot;", Render([new Words("Chang’e & 1 < 2 \"x\"")]));
    }

    [Fact]
    public void A_decoration_wraps_exactly_its_range()
    {
        Assert.Equal("basic <a>research</a> now", Render([new Words("basic research now")], Link(6, 14)));
    }

    [Fact]
    public void A_range_across_formatting_is_split_so_that_tags_nest()
    {
        // "self-reliance and *strength*": the mark crosses into the emphasis.
        var html = Render([new Words("self-reliance and "), new Emphasis(EmphasisKind.Emphasis, [new Words("strength")]), new Words(" here")], Mark(5, 26));
        Assert.Equal("self-<mark>reliance and </mark><em><mark>strength</mark></em> here", html);
    }

    [Fact]
    public void Overlapping_ranges_close_and_reopen_without_breaking_nesting()
    {
        var html = Render([new Words("abcdef")], Mark(0, 4), Link(2, 6));
        Assert.Equal("<mark>ab<a>cd</a></mark><a>ef</a>", html);
    }

    [Fact]
    public void Nested_ranges_open_outer_first()
    {
        Assert.Equal("<mark>a<a>bc</a>d</mark>", Render([new Words("abcd")], Link(1, 3), Mark(0, 4)));
    }

    [Fact]
    public void After_follows_the_last_piece_of_its_range_only()
    {
        var html = Render([new Words("ab"), new Emphasis(EmphasisKind.Strong, [new Words("cd")])], Mark(1, 4, "[1]"));
        Assert.Equal("a<mark>b</mark><strong><mark>cd</mark>[1]</strong>", html);
    }

    [Fact]
    public void Offsets_count_a_line_break_as_one_character()
    {
        Assert.Equal("ab<br>\n<a>cd</a>", Render([new Words("ab"), new Break(true), new Words("cd")], Link(3, 5)));
    }

    [Fact]
    public void A_note_marker_after_a_passage_inside_a_source_link_waits_until_the_link_is_closed()
    {
        // "see the report now": the passage "the report" is the words of a link in the source.
        var html = Render([new Words("see "), new Link("https://example.org/r", [new Words("the report")]), new Words(" now")],
            Mark(4, 14, after: "<a class=\"note-ref\" href=\"#note-x\">1</a>"));
        Assert.Equal("see <a href=\"https://example.org/r\"><mark>the report</mark></a><a class=\"note-ref\" href=\"#note-x\">1</a> now", html);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<p>{html}</p>");
        Assert.Empty(document.QuerySelectorAll("a a"));
    }
}
