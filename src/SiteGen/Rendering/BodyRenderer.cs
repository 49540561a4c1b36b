using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Writes a text's blocks as HTML: numbered paragraphs with their permanent anchors and ¶ links,
/// headings, captions, lists and quotations. Ranges of a paragraph (concept mentions, annotated
/// passages) are laid over the words by <see cref="Decoration"/>s without ever breaking the
/// nesting of the HTML.
/// </summary>
/// <param name="decorationsOf">Ranges of a paragraph to mark up (mentions, annotated passages).</param>
/// <param name="besideParagraph">What stands beside a paragraph (its notes), written before it so that it can float into the margin.</param>
/// <param name="afterParagraph">What follows a paragraph (passages in other texts).</param>
internal sealed class BodyRenderer(Func<Paragraph, IReadOnlyList<Decoration>> decorationsOf, Func<Paragraph, string> besideParagraph, Func<Paragraph, string> afterParagraph)
{
    public string Render(IReadOnlyList<Block> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks) Render(html, block);
        return html.ToString();
    }

    private void Render(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Heading heading:
                html.Append("<h").Append(heading.Level).Append('>');
                InlineRenderer.Render(html, heading.Content, []);
                html.Append("</h").Append(heading.Level).Append(">\n");
                break;
            case Paragraph paragraph:
                RenderParagraph(html, paragraph, "p");
                break;
            case Caption caption:
                html.Append("<p class=\"caption\">");
                InlineRenderer.Render(html, caption.Content, []);
                html.Append("</p>\n");
                break;
            case ItemList list:
                var tag = list.Ordered ? "ol" : "ul";
                html.Append('<').Append(tag).Append(">\n");
                foreach (var item in list.Items) RenderParagraph(html, item, "li");
                html.Append("</").Append(tag).Append(">\n");
                break;
            case Quotation quotation:
                html.Append("<blockquote>\n");
                foreach (var inner in quotation.Blocks) Render(html, inner);
                html.Append("</blockquote>\n");
                break;
            default:
                throw new InvalidOperationException($"no rule to render the block kind {block.GetType().Name}");
        }
    }

    private void RenderParagraph(StringBuilder html, Paragraph paragraph, string tag)
    {
        var n = paragraph.Number;
        // Notes and related passages are flow content: inside an <li>, but around a <p>.
        var beside = besideParagraph(paragraph);
        var extra = afterParagraph(paragraph);
        var wrap = tag == "p" && (extra.Length > 0 || beside.Length > 0);
        if (wrap) html.Append("<div class=\"para-unit\">").Append(beside);
        html.Append('<').Append(tag).Append(" id=\"p").Append(n).Append("\" class=\"para");
        foreach (var c in paragraph.Classes) html.Append(' ').Append(Html.Escape(c));
        html.Append("\"><a class=\"pnum\" href=\"#p").Append(n).Append("\" aria-label=\"Link to paragraph ").Append(n)
            .Append("\">¶").Append(n).Append("</a> ");
        if (!wrap) html.Append(beside);
        InlineRenderer.Render(html, paragraph.Content, decorationsOf(paragraph));
        if (!wrap) html.Append(extra);
        html.Append("</").Append(tag).Append('>');
        if (wrap) html.Append(extra).Append("</div>");
        html.Append('\n');
    }
}
