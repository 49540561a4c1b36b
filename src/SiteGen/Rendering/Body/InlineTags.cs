using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering.Body;

/// <summary>
/// The markup of inline elements (emphasis, code, links, a line break), from <c>partials/inline.html</c>: each
/// element's opening and closing tags, rendered once (a link's once per address) and laid around the words by
/// <see cref="InlineRenderer"/>, which builds no markup of its own.
/// </summary>
internal sealed class InlineTags
{
    private const string Template = "partials/inline.html";
    private readonly TemplateSet _templates;
    private readonly DiagnosticBag _diagnostics;
    private readonly FrozenDictionary<EmphasisKind, (string Open, string Close)> _emphasis;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Open, string Close)> _conceptLinks = new(StringComparer.Ordinal);

    public InlineTags(TemplateSet templates, DiagnosticBag diagnostics)
    {
        _templates = templates;
        _diagnostics = diagnostics;
        _emphasis = Enum.GetValues<EmphasisKind>().ToFrozenDictionary(k => k, k => Wrap(Element(k), ""));
        Code = Wrap("code", "");
        LineBreak = templates.Render(Template, new InlineView("br", "", ""), diagnostics);
    }

    public (string Open, string Close) Code { get; }

    public string LineBreak { get; }

    public (string Open, string Close) Emphasis(EmphasisKind kind) => _emphasis[kind];

    /// <summary>A link of the source to <paramref name="url"/> (addresses differ from link to link: rendered each time).</summary>
    public (string Open, string Close) Link(string url) => Wrap("link", url);

    /// <summary>A <c>[[id]]</c> link to a concept's page (the same few addresses recur: each rendered once).</summary>
    public (string Open, string Close) ConceptLink(string url) => _conceptLinks.GetOrAdd(url, u => Wrap("concept-link", u));

    private (string Open, string Close) Wrap(string element, string url) =>
        _templates.Wrapper(Template, new InlineView(element, url, TemplateSet.Inner), _diagnostics);

    private static string Element(EmphasisKind kind) => kind switch
    {
        EmphasisKind.Emphasis => "em",
        EmphasisKind.Strong => "strong",
        EmphasisKind.Deleted => "del",
        EmphasisKind.Inserted => "ins",
        EmphasisKind.Marked => "mark",
        EmphasisKind.Superscript => "sup",
        EmphasisKind.Subscript => "sub",
        _ => throw new InvalidOperationException($"no element for the emphasis {kind}"),
    };
}
