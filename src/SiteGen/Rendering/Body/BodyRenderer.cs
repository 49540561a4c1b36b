using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering.Body;

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
        Heading heading => markup.Partial("partials/heading.html", new HeadingView(heading.Level, TextMarkup.Number(heading.Number),
            Inline(heading.Content, markup.Decorations(new HeadingRef(slug, heading.Number))))),
        Paragraph paragraph => RenderParagraph(paragraph, inList: false),
        Caption caption => markup.Partial("partials/caption.html", new CaptionView(Inline(caption.Content, []))),
        ItemList list => markup.Partial("partials/list.html", new ListView(list.Ordered ? "ol" : "ul",
            string.Concat(list.Items.Select(item => RenderParagraph(item, inList: true) + "\n")))),
        Quotation quotation => markup.Partial("partials/quotation.html", new QuotationView(Render(quotation.Blocks))),
        _ => throw new InvalidOperationException($"no rule to render the block kind {block.GetType().Name}"),
    };

    /// <summary>
    /// A paragraph's element holds its words only (its text in the page is its plain text); its notes and related
    /// passages sit beside it, in its list item or, when it has any, in a unit around it.
    /// </summary>
    private string RenderParagraph(Paragraph paragraph, bool inList)
    {
        var key = new ParagraphRef(slug, paragraph.Number);
        var annotations = markup.MarginAnnotations(key);
        var related = markup.RelatedPassages(key);
        var inUnit = !inList && (annotations.Length > 0 || related.Length > 0);
        return markup.Partial("partials/paragraph.html", new ParagraphView(TextMarkup.Number(paragraph.Number), paragraph.Classes,
            Inline(paragraph.Content, markup.Decorations(key)), annotations, related, inList, inUnit));
    }

    private string Inline(IReadOnlyList<Inline> content, IReadOnlyList<Decoration> decorations)
    {
        var html = new StringBuilder();
        InlineRenderer.Render(html, markup.Inline, content, decorations);
        return html.ToString();
    }
}
