using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;

namespace SiteGen.Tests.Loading;

public class TextLoaderTests
{
    private const string Front = "---\ntitle: T\ndate: 2021-05-28\nkind: speech\n---\n";

    private static (Text? Text, IReadOnlyList<Diagnostic> Diagnostics) Load(string content, string name = "2021-05-28-t")
    {
        var diagnostics = new DiagnosticBag();
        var text = TextLoader.Load($"content/texts/{name}.md", content, diagnostics);
        return (text, diagnostics.Sorted());
    }

    [Fact]
    public void Paragraphs_are_numbered_in_reading_order_through_lists_and_quotations_but_not_headings_or_captions()
    {
        var (text, diagnostics) = Load(Front + "One.\n\n## A heading\n\n> Two.\n\nA photo. {.caption}\n\n- Three;\n- Four.\n\nFive.\n");
        Assert.Empty(diagnostics);
        Assert.Equal([1, 2, 3, 4, 5], text!.Paragraphs.Select(p => p.Number));
        Assert.Equal(["One.", "Two.", "Three;", "Four.", "Five."], text.Paragraphs.Select(p => p.PlainText));
        Assert.Collection(text.Blocks,
            b => Assert.IsType<Paragraph>(b),
            b => Assert.IsType<Heading>(b),
            b => Assert.IsType<Quotation>(b),
            b => Assert.IsType<Caption>(b),
            b => Assert.Equal(2, Assert.IsType<ItemList>(b).Items.Length),
            b => Assert.IsType<Paragraph>(b));
    }

    [Fact]
    public void Block_lines_are_lines_of_the_file()
    {
        var (text, _) = Load(Front + "One.\n\nTwo.\n");
        Assert.Equal([6, 8], text!.Paragraphs.Select(p => p.Line));
    }

    [Fact]
    public void Plain_text_drops_formatting_and_turns_line_breaks_into_spaces()
    {
        var (text, _) = Load(Front + "Deng *Xiaoping* said **that** [this](https://e.org)\nruns `on`.\n");
        Assert.Equal("Deng Xiaoping said that this runs on.", text!.Paragraphs[0].PlainText);
    }

    [Fact]
    public void A_class_at_the_end_of_a_paragraph_is_kept_and_leaves_no_trailing_space()
    {
        var (text, _) = Load(Front + "Closing note. {.attribution}\n");
        var p = text!.Paragraphs[0];
        Assert.Equal(new[] { "attribution" }, p.Classes);
        Assert.Equal("Closing note.", p.PlainText);
    }

    [Fact]
    public void Front_matter_is_read_into_typed_fields()
    {
        var (text, diagnostics) = Load("---\ntitle: T\ndate: 2024-06-24\nauthor: Xi Jinping\nkind: speech\nvenue: Beijing\nsource:\n  publisher: Qiushi Journal\n  published: 2025-04-01\nsummary: S.\n---\nBody.\n", "2024-06-24-t");
        Assert.Empty(diagnostics);
        Assert.Equal(new DateOnly(2024, 6, 24), text!.Date);
        Assert.Equal(TextKind.Speech, text.Kind);
        Assert.Equal("Qiushi Journal", text.Source!.Publication.Publisher);
        Assert.Equal(new DateOnly(2025, 4, 1), text.Source.Publication.Date?.Value);
    }

    [Fact]
    public void Raw_html_in_a_text_is_reported_at_its_position()
    {
        var (_, diagnostics) = Load(Front + "One.\n\n<div>raw</div>\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnsupportedMarkdown, d.Code);
        Assert.Equal(new SourceLocation("content/texts/2021-05-28-t.md", 8, 1), d.Location);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_change_nothing()
    {
        var (unix, _) = Load(Front + "One.\n\nTwo.\n");
        var (windows, diagnostics) = Load("\uFEFF" + (Front + "One.\n\nTwo.\n").Replace("\n", "\r\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(unix!.Paragraphs.Select(p => (p.PlainText, p.Line)), windows!.Paragraphs.Select(p => (p.PlainText, p.Line)));
    }
}
