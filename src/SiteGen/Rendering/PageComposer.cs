using System.Text;
using Scriban.Runtime;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering;

/// <summary>
/// Puts a page together: its template over its view, the layout around it with the header and footer (each rendered
/// once for a section), and the page's bulk (a text's body, a concept's mentions) spliced in after Scriban has rendered
/// the rest, so that the bulk is never copied through Scriban's output. The one place a page's bytes are made.
/// </summary>
internal sealed class PageComposer(TemplateSet templates, Urls urls, SiteView site, DiagnosticBag diagnostics)
{
    /// <summary>
    /// What a page's view holds in place of its bulk, and the layout in place of the page: the bulk is spliced in where
    /// this mark stands.
    /// </summary>
    internal const string Bulk = "\u0004";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _frames = new(StringComparer.Ordinal);

    /// <summary>Renders a page template, then the layout around it, then splices in <paramref name="bulk"/> where the view says <see cref="Bulk"/>.</summary>
    public OutputFile? Page(string template, PageView page, object view, string? bulk = null)
    {
        // The page's own view and what every page has (the site, the page, the main sections), as the templates' variables.
        var model = new ScriptObject();
        model.Import(view);
        model.Import(Layout(page));
        // The header and footer are the same on every page of a section: each is rendered once.
        model["header_html"] = _frames.GetOrAdd(page.Section, _ => Frame("partials/header.html", page));
        model["footer_html"] = _frames.GetOrAdd("\0footer", _ => Frame("partials/footer.html", page));
        var content = templates.Render(template, model, diagnostics);
        if (content is null) return null;
        model["content"] = Bulk;
        var layout = templates.Render("layout.html", model, diagnostics);
        if (layout is null) return null;
        // Where a template writes no mark (a layout without the page, a page without its body), nothing goes.
        var (top, bottom, hasContent) = Cut(layout);
        var (before, after, hasBulk) = Cut(content);
        string[] parts = !hasContent ? [top] : [top, before, hasBulk ? bulk ?? "" : "", after, bottom];
        var utf8 = new UTF8Encoding(false);
        var bytes = new byte[parts.Sum(part => utf8.GetByteCount(part))];
        var at = 0;
        foreach (var part in parts) at += utf8.GetBytes(part, 0, part.Length, bytes, at);
        return new OutputFile(urls.FileFor(page.Url), bytes);
    }

    private LayoutView Layout(PageView page) => new(site, page, urls.Concepts, urls.Annotations, urls.Glossary);

    /// <summary>A part of the layout that depends on the page's section only (the header), or on nothing of the page (the footer).</summary>
    private string Frame(string partial, PageView page)
    {
        var model = new ScriptObject();
        model.Import(Layout(page));
        return templates.Render(partial, model, diagnostics) ?? "";
    }

    /// <summary>What comes before and after the first <see cref="Bulk"/> mark (any other is dropped); line ends as \n.</summary>
    private static (string Before, string After, bool Marked) Cut(string html)
    {
        html = html.Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = html.IndexOf(Bulk, StringComparison.Ordinal);
        return at < 0 ? (html, "", false) : (html[..at], html[(at + 1)..].Replace(Bulk, "", StringComparison.Ordinal), true);
    }
}
