using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering.Body;

/// <summary>
/// Editors' prose (a note, a concept's commentary, the introduction) through the partials that texts' blocks use
/// (<c>partials/paragraph.html</c>, <c>heading.html</c>, <c>list.html</c>, <c>quotation.html</c>) and those only prose
/// has (<c>list-item.html</c>, <c>code-block.html</c>, <c>rule.html</c>); its words, with <c>[[id]]</c> links, by
/// <see cref="InlineRenderer"/>. Every value is escaped on the way: no HTML a contributor wrote reaches a page.
/// </summary>
/// <param name="address">A link's address as it is to be written: as it stands on the site's pages, or absolute for the feed.</param>
internal sealed class ProseMarkup(TemplateSet templates, InlineTags tags, Func<string, (string Url, string Title)?> concepts, DiagnosticBag diagnostics,
    Func<string, string>? address = null)
{
    public string Html(Prose prose)
    {
        var html = new StringBuilder();
        foreach (var block in prose.Blocks) html.Append(Block(block, tight: false)).Append('\n');
        return html.ToString();
    }

    private string Partial(string template, object view) => templates.Render(template, view, diagnostics);

    private string Block(Block block, bool tight) => block switch
    {
        // A tight list's items are their words, without paragraph spacing.
        Paragraph p when tight => Inline(p.Content),
        Paragraph p => Partial("partials/paragraph.html", new ParagraphView("", [], Inline(p.Content), "", "", InList: false, InUnit: false, Numbered: false)),
        Heading h => Partial("partials/heading.html", new HeadingView(h.Level, "", Inline(h.Content), Numbered: false)),
        Quotation q => Partial("partials/quotation.html", new QuotationView(Blocks(q.Blocks, tight: false))),
        ProseList l => Partial("partials/list.html", new ListView(l.Ordered ? "ol" : "ul",
            string.Concat(l.Items.Select(item => Partial("partials/list-item.html", new ListItemView(Blocks(item, l.Tight).TrimEnd('\n'))) + "\n")))),
        CodeBlock c => Partial("partials/code-block.html", new CodeBlockView(c.Code)),
        Rule => Partial("partials/rule.html", new RuleView()),
        _ => throw new InvalidOperationException($"no rule to render the block kind {block.GetType().Name} in prose"),
    };

    private string Blocks(IEnumerable<Block> blocks, bool tight)
    {
        var html = new StringBuilder();
        foreach (var block in blocks) html.Append(Block(block, tight)).Append('\n');
        return html.ToString();
    }

    private string Inline(IReadOnlyList<Inline> content)
    {
        var html = new StringBuilder();
        InlineRenderer.Render(html, tags, content, [], concepts, address);
        return html.ToString();
    }
}
