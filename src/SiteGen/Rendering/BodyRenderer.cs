using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Walks a text's blocks and has each marked up by its partial (<c>partials/heading.html</c>,
/// <c>paragraph.html</c>, <c>caption.html</c>, <c>list.html</c>, <c>quotation.html</c>): this class
/// decides what goes where, the templates how it looks. The words of a paragraph are written by
/// <see cref="InlineRenderer"/>, with concept links and highlights laid over them.
/// </summary>
internal sealed class BodyRenderer(TextMarkup markup, string slug)
{
    public string Render(IReadOnlyList<Block> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks) html.Append(Render(block)).Append('\n');
        return html.ToString();
    }

    private string Render(Block block) => block switch
    {
        Heading heading => markup.Partial("partials/heading.html", new HeadingMarkup(heading.Level, Inline(heading.Content, []))),
        Paragraph paragraph => RenderParagraph(paragraph, "p"),
        Caption caption => markup.Partial("partials/caption.html", new CaptionMarkup(Inline(caption.Content, []))),
        ItemList list => markup.Partial("partials/list.html", new ListMarkup(list.Ordered ? "ol" : "ul",
            string.Concat(list.Items.Select(item => RenderParagraph(item, "li") + "\n")))),
        Quotation quotation => markup.Partial("partials/quotation.html", new QuotationMarkup(Render(quotation.Blocks))),
        _ => throw new InvalidOperationException($"no rule to render the block kind {block.GetType().Name}"),
    };

    private string RenderParagraph(Paragraph paragraph, string tag)
    {
        var key = new ParagraphRef(slug, paragraph.Number);
        var annotations = markup.MarginAnnotations(key);
        var related = markup.RelatedPassages(key);
        // Notes and related passages are flow content: inside an <li>, but around a <p>.
        var inUnit = tag == "p" && (annotations.Length > 0 || related.Length > 0);
        return markup.Partial("partials/paragraph.html", new ParagraphMarkup(tag, paragraph.Number, paragraph.Classes,
            Inline(paragraph.Content, markup.Decorations(key)), annotations, related, inUnit));
    }

    private static string Inline(IReadOnlyList<Inline> content, IReadOnlyList<Decoration> decorations)
    {
        var html = new StringBuilder();
        InlineRenderer.Render(html, content, decorations);
        return html.ToString();
    }
}
