using System.Text;
using Markdig;
using Markdig.Extensions.SmartyPants;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Diagnostics;
using SiteGen.Loading.ConceptLinks;
using SiteGen.Model;
using SiteGen.TextRules;
using MarkdigBlock = Markdig.Syntax.Block;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;
using MarkdigInline = Markdig.Syntax.Inlines.Inline;
using MarkdigObject = Markdig.Syntax.MarkdownObject;
using ModelBlock = SiteGen.Model.Block;
using ModelInline = SiteGen.Model.Inline;
using SiteGen.Rendering.Body;
using SiteGen.Addresses;

namespace SiteGen.Loading;

/// <summary>
/// The one policy for the Markdown that editors and contributors write (notes, concept commentary, the
/// introduction), applied at load: it allows prose (emphasis and its extras, lists, quotations, code, headings,
/// links to http(s), mailto and pages of the site, typographic quotes) and <c>[[concept-id]]</c> links, and
/// refuses, with an error at the file's line and column, raw HTML, images, <c>{…}</c> attributes, any other kind
/// of link and invisible characters written as entities. What it accepts becomes the edition's own blocks and
/// inlines (<see cref="Prose"/>), which pages render through the templates, every value escaped: no HTML
/// written by a contributor ever reaches a page.
/// </summary>
internal sealed class ProseParser
{
    /// <summary>The one pipeline for editors' prose: Markdig pipelines are immutable and thread-safe.</summary>
    private static readonly MarkdownPipeline Pipeline = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            // Inlines get their own line and column, for messages.
            .UsePreciseSourceLocation()
            .UseEmphasisExtras()
            .UseSmartyPants()
            .UseAutoLinks()
            // Parsed only so that they can be reported: attributes are never passed through.
            .UseGenericAttributes();
        builder.Extensions.AddIfNotAlready<ConceptLinkExtension>();
        return builder.Build();
    }

    private readonly string _path;
    private readonly SourceLocation _start;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Located> _links = [];

    private ProseParser(string path, SourceLocation start, DiagnosticBag diagnostics)
    {
        _path = path;
        _start = start;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads <paramref name="markdown"/>, which starts at <paramref name="start"/> in its file, reporting every
    /// refused construct there; with the <c>[[id]]</c> links it holds, each at its place (for the analysis to check).
    /// </summary>
    public static (Prose Prose, ImmutableArray<Located> Links) Parse(string markdown, SourceLocation start, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return (Prose.Empty, []);
        var parser = new ProseParser(start.Path, start, diagnostics);
        if (MarkdownLimits.Parse(markdown.Replace("\r\n", "\n"), Pipeline, start.Path, start.Line, diagnostics, start.Column, DiagnosticCodes.RefusedMarkup) is not { } document)
            return (Prose.Empty, []);
        var blocks = parser.Blocks(document);
        return (new Prose([.. blocks]), [.. parser._links]);
    }

    /// <summary>
    /// Where a node of the Markdown is in the file: Markdig counts lines and columns from zero, within the Markdown,
    /// whose every line starts at the start's column (a body starts at column 1; the introduction is indented in site.yml).
    /// </summary>
    private SourceLocation At(MarkdigObject node) => new(_path, _start.Line + node.Line, _start.Column + node.Column);

    private void Refuse(MarkdigObject node, string code, string message) => _diagnostics.Error(code, At(node), message);

    private List<ModelBlock> Blocks(ContainerBlock container)
    {
        var blocks = new List<ModelBlock>();
        foreach (var block in container)
        {
            RefuseAttributes(block);
            if (Convert(block) is { } converted) blocks.Add(converted);
        }
        return blocks;
    }

    private ModelBlock? Convert(MarkdigBlock block)
    {
        var line = _start.Line + block.Line;
        switch (block)
        {
            case HeadingBlock heading:
                var content = Content(heading.Inline);
                return new Heading { Line = line, Level = Math.Max(2, heading.Level), Number = 0, Content = content, PlainText = Inlines.PlainText(content) };
            case ParagraphBlock paragraph:
                var words = Content(paragraph.Inline);
                return new Paragraph { Line = line, Number = 0, Content = words, PlainText = Inlines.PlainText(words) };
            case ListBlock list:
                return new ProseList { Line = line, Ordered = list.IsOrdered, Tight = !list.IsLoose, Items = [.. list.OfType<ListItemBlock>().Select(item => Blocks(item).ToImmutableArray())] };
            case QuoteBlock quote:
                return new Quotation { Line = line, Blocks = [.. Blocks(quote)] };
            case MarkdigCodeBlock code:
                return new Model.CodeBlock { Line = line, Code = Lines(code) };
            case ThematicBreakBlock:
                return new Rule { Line = line };
            case LinkReferenceDefinitionGroup or BlankLineBlock:
                return null;
            case HtmlBlock:
                Refuse(block, DiagnosticCodes.RefusedMarkup, RawHtml);
                return null;
            default:
                Refuse(block, DiagnosticCodes.RefusedMarkup, $"this kind of block ({block.GetType().Name.Replace("Block", "").ToLowerInvariant()}) is not allowed here: write paragraphs, lists, quotations and code");
                return null;
        }
    }

    private const string RawHtml = "raw HTML is not allowed here: write Markdown (*emphasis*, **bold**, [words](https://...)); to show a '<' as it is, write \\<";

    /// <summary>A code block's lines as written, without the fence.</summary>
    private static string Lines(LeafBlock block)
    {
        var text = new StringBuilder();
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) text.Append('\n');
            text.Append(lines.Lines[i].Slice.AsSpan());
        }
        return text.ToString();
    }

    private void RefuseAttributes(MarkdigObject node)
    {
        if (node.TryGetAttributes() is { } attributes && (attributes.Id is not null || attributes.Classes is { Count: > 0 } || attributes.Properties is { Count: > 0 }))
            Refuse(node, DiagnosticCodes.RefusedMarkup, "attributes in braces ({.class}, {#id}, {key=value}) are not allowed here: remove them");
    }

    /// <summary>The inlines of a paragraph or heading, placed (each knows its span of the plain text).</summary>
    private ImmutableArray<ModelInline> Content(ContainerInline? container) => Inlines.WithSpans(InlinesOf(container));

    private List<ModelInline> InlinesOf(ContainerInline? container)
    {
        var result = new List<ModelInline>();
        if (container is null) return result;
        var words = new StringBuilder();
        void Flush()
        {
            if (words.Length == 0) return;
            result.Add(new Words(words.ToString()));
            words.Clear();
        }
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            RefuseAttributes(inline);
            switch (inline)
            {
                // Words accumulate; anything else ends the run of words before it.
                case LiteralInline literal: words.Append(literal.Content.AsSpan()); break;
                case SmartyPant smarty: words.Append(Typographic(smarty.Type)); break;
                case HtmlEntityInline entity:
                    var decoded = entity.Transcoded.ToString();
                    if (TextCharacters.FirstForbidden(decoded) is >= 0 and var at)
                        Refuse(entity, DiagnosticCodes.ForbiddenCharacter, $"the entity {entity.Original} is the invisible character {TextCharacters.Name(decoded, at)}: remove it");
                    else words.Append(decoded);
                    break;
                default:
                    Flush();
                    result.AddRange(Convert(inline));
                    break;
            }
        }
        Flush();
        return result;
    }

    /// <summary>The character SmartyPants puts in place of straight quotes, dashes and dots.</summary>
    private static string Typographic(SmartyPantType type) => type switch
    {
        SmartyPantType.Quote or SmartyPantType.RightQuote => "’",
        SmartyPantType.LeftQuote => "‘",
        SmartyPantType.DoubleQuote or SmartyPantType.RightDoubleQuote => "”",
        SmartyPantType.LeftDoubleQuote => "“",
        SmartyPantType.LeftAngleQuote => "«",
        SmartyPantType.RightAngleQuote => "»",
        SmartyPantType.Ellipsis => "…",
        SmartyPantType.Dash2 => "–",
        SmartyPantType.Dash3 => "—",
        _ => "",
    };

    /// <summary>The edition's inlines for one Markdig inline that is not plain words; refused constructs give none.</summary>
    private IEnumerable<ModelInline> Convert(MarkdigInline inline)
    {
        switch (inline)
        {
            case LineBreakInline lineBreak:
                return [new Break(lineBreak.IsHard)];
            case EmphasisInline emphasis:
                return [new Emphasis(KindOf(emphasis), [.. InlinesOf(emphasis)])];
            case CodeInline code:
                return [new Code(code.Content)];
            case ConceptLinkInline concept:
                _links.Add(new Located(concept.ConceptId, At(concept)));
                return [new ConceptLink(concept.ConceptId, concept.Words is { } w ? [new Words(w)] : [])];
            case LinkInline { IsImage: true }:
                Refuse(inline, DiagnosticCodes.RefusedMarkup, "images are not allowed here: link to the picture instead, [what it shows](https://...)");
                return [];
            case LinkInline link:
                if (SafeUrl.Problem(link.Url ?? "") is { } problem)
                {
                    Refuse(link, DiagnosticCodes.RefusedUrl, $"the link '{link.Url}' is refused: {problem}");
                    return InlinesOf(link);
                }
                return [new Link(link.Url!, [.. InlinesOf(link)])];
            case AutolinkInline autolink:
                var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                if (SafeUrl.Problem(url) is { } refused)
                {
                    Refuse(autolink, DiagnosticCodes.RefusedUrl, $"the link '{autolink.Url}' is refused: {refused}");
                    return [new Words(autolink.Url)];
                }
                return [new Link(url, [new Words(autolink.Url)])];
            case HtmlInline { Tag: var tag } when tag.StartsWith("</", StringComparison.Ordinal):
                // One message per element: its closing tag is not reported again.
                return [];
            case HtmlInline:
                Refuse(inline, DiagnosticCodes.RefusedMarkup, RawHtml);
                return [];
            case ContainerInline nested:
                return InlinesOf(nested);
            default:
                return [new Words(inline.ToString() ?? "")];
        }
    }

    /// <summary>Which emphasis Markdig read: <c>*</c> and <c>_</c> once or twice, and the extras <c>~~ ~ ^ ++ ==</c>.</summary>
    private static EmphasisKind KindOf(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('~', 2) => EmphasisKind.Deleted,
        ('~', _) => EmphasisKind.Subscript,
        ('^', _) => EmphasisKind.Superscript,
        ('+', _) => EmphasisKind.Inserted,
        ('=', _) => EmphasisKind.Marked,
        (_, >= 2) => EmphasisKind.Strong,
        _ => EmphasisKind.Emphasis,
    };
}
