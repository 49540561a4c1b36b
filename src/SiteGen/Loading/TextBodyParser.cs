using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MarkdigObject = Markdig.Syntax.MarkdownObject;
using SiteGen.Diagnostics;
using SiteGen.Model;
using MarkdigBlock = Markdig.Syntax.Block;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;
using MarkdigInline = Markdig.Syntax.Inlines.Inline;
using ModelBlock = SiteGen.Model.Block;
using ModelInline = SiteGen.Model.Inline;
using SiteGen.Rendering.Body;
using SiteGen.Addresses;

namespace SiteGen.Loading;

/// <summary>
/// Turns a text's Markdown body into the edition's own blocks and inlines, numbering paragraphs
/// in reading order. Markdig's syntax tree stays inside this class. A source text is prose: raw
/// HTML, code blocks and tables are reported, not passed through.
/// </summary>
internal sealed class TextBodyParser
{
    /// <summary>One pipeline for all texts: Markdig pipelines are immutable and thread-safe.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        // Inlines get their own line and column, for messages.
        .UsePreciseSourceLocation()
        .UseGenericAttributes()
        .Build();

    public const string CaptionClass = "caption";

    private readonly string _path;
    private readonly int _bodyLine;
    private readonly DiagnosticBag _diagnostics;
    private int _paragraphs;
    private readonly List<Paragraph> _numbered = [];

    private TextBodyParser(string path, int bodyLine, DiagnosticBag diagnostics)
    {
        _path = path;
        _bodyLine = bodyLine;
        _diagnostics = diagnostics;
    }

    public static (ImmutableArray<ModelBlock> Blocks, ImmutableArray<Paragraph> Paragraphs) Parse(
        string path, string body, int bodyLine, DiagnosticBag diagnostics)
    {
        var parser = new TextBodyParser(path, bodyLine, diagnostics);
        if (MarkdownLimits.Parse(body, Pipeline, path, bodyLine, diagnostics) is not { } document) return ([], []);
        var blocks = parser.Blocks(document);
        return ([.. blocks], [.. parser._numbered]);
    }

    private SourceLocation At(MarkdigObject node) => new(_path, _bodyLine + node.Line, node.Column + 1);

    private List<ModelBlock> Blocks(ContainerBlock container)
    {
        var blocks = new List<ModelBlock>();
        foreach (var block in container)
        {
            if (Convert(block) is { } converted) blocks.Add(converted);
        }
        return blocks;
    }

    private ModelBlock? Convert(MarkdigBlock block)
    {
        var line = _bodyLine + block.Line;
        switch (block)
        {
            case HeadingBlock heading:
            {
                var content = Trimmed(InlinesOf(heading.Inline));
                return new Heading { Line = line, Level = Math.Max(2, heading.Level), Number = ++_headings, Content = content, PlainText = Model.Inlines.PlainText(content) };
            }
            case ParagraphBlock paragraph:
                var attributes = paragraph.GetAttributes();
                if (attributes.Id is not null || attributes.Properties is { Count: > 0 })
                    _diagnostics.Error(DiagnosticCodes.RefusedMarkup, At(paragraph),
                        "a paragraph of a text may carry only a style, such as {.attribution} or {.caption}: remove the id or key=value attributes");
                var classes = attributes.Classes?.ToList() ?? [];
                if (classes.Remove(CaptionClass))
                    return new Caption { Line = line, Content = Trimmed(InlinesOf(paragraph.Inline)) };
                return NumberedParagraph(paragraph, classes);
            case ListBlock list:
                var items = new List<Paragraph>();
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var paragraphs = item.OfType<ParagraphBlock>().ToList();
                    if (paragraphs.Count != 1 || item.Count != 1)
                    {
                        Unsupported(item, "a list item must be a single paragraph");
                        continue;
                    }
                    items.Add(NumberedParagraph(paragraphs[0], []));
                }
                return new ItemList { Line = line, Ordered = list.IsOrdered, Items = [.. items] };
            case QuoteBlock quote:
                return new Quotation { Line = line, Blocks = [.. Blocks(quote)] };
            case LinkReferenceDefinitionGroup:
            case BlankLineBlock:
            case ThematicBreakBlock:
                return null;
            case HtmlBlock:
                Unsupported(block, "raw HTML is not allowed in a text: write the passage as Markdown, and give a style with {.class} at the end of a paragraph");
                return null;
            case MarkdigCodeBlock:
                Unsupported(block, "code blocks are not allowed in a text (an indented line counts as one): remove the indentation");
                return null;
            default:
                Unsupported(block, $"this kind of block ({block.GetType().Name.Replace("Block", "").ToLowerInvariant()}) is not allowed in a text: use paragraphs, '## headings', '- lists' and '> quotations'");
                return null;
        }
    }

    private int _headings;

    private Paragraph NumberedParagraph(ParagraphBlock paragraph, List<string> classes)
    {
        var content = Trimmed(InlinesOf(paragraph.Inline));
        var numbered = new Paragraph
        {
            Line = _bodyLine + paragraph.Line,
            Number = ++_paragraphs,
            Classes = [.. classes],
            Content = content,
            PlainText = Model.Inlines.PlainText(content),
        };
        _numbered.Add(numbered);
        return numbered;
    }

    /// <summary>
    /// Without the space before a trailing {.class} and similar edges, so that offsets into the
    /// plain text start and end on words.
    /// </summary>
    private static ImmutableArray<ModelInline> Trimmed(IReadOnlyList<ModelInline> content) => Model.Inlines.WithSpans(TrimmedEdges(content));

    private static IReadOnlyList<ModelInline> TrimmedEdges(IReadOnlyList<ModelInline> content)
    {
        var list = content.ToList();
        while (list.Count > 0 && list[^1] is Break) list.RemoveAt(list.Count - 1);
        if (list.Count > 0 && list[^1] is Words last) list[^1] = new Words(last.Value.TrimEnd());
        if (list.Count > 0 && list[0] is Words first) list[0] = new Words(first.Value.TrimStart());
        list.RemoveAll(i => i is Words { Value.Length: 0 });
        return list;
    }

    private void RefuseUnsafe(MarkdigObject node, string url)
    {
        if (SafeUrl.Problem(url) is { } problem)
            _diagnostics.Error(DiagnosticCodes.RefusedUrl, At(node), $"the link '{url}' is refused: {problem}");
    }

    private void Unsupported(MarkdigObject node, string message) =>
        _diagnostics.Error(DiagnosticCodes.UnsupportedMarkdown, At(node), message);

    /// <summary>The edition's inlines for one Markdig inline that is not plain words; refused constructs give none.</summary>
    private IEnumerable<ModelInline> Convert(MarkdigInline inline)
    {
        switch (inline)
        {
            case LineBreakInline lineBreak:
                return [new Break(lineBreak.IsHard)];
            case EmphasisInline emphasis:
                return [new Emphasis(emphasis.DelimiterCount >= 2 ? EmphasisKind.Strong : EmphasisKind.Emphasis, [.. InlinesOf(emphasis)])];
            case LinkInline { IsImage: true }:
                Unsupported(inline, "images are not allowed in a text: describe the picture in a caption paragraph ending with {.caption}");
                return [];
            case LinkInline link:
                RefuseUnsafe(link, link.Url ?? "");
                return [new Link(link.Url ?? "", [.. InlinesOf(link)])];
            case AutolinkInline autolink:
                RefuseUnsafe(autolink, autolink.Url);
                return [new Link(autolink.Url, [new Words(autolink.Url)])];
            case CodeInline code:
                return [new Code(code.Content)];
            case HtmlInline:
                Unsupported(inline, "raw HTML is not allowed in a text: write the passage as Markdown");
                return [];
            case ContainerInline nested:
                return InlinesOf(nested);
            default:
                return [new Words(inline.ToString() ?? "")];
        }
    }

    private IReadOnlyList<ModelInline> InlinesOf(ContainerInline? container)
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
            // Words accumulate; anything else ends the run of words before it.
            if (inline is LiteralInline literal) words.Append(literal.Content.AsSpan());
            else if (inline is HtmlEntityInline entity)
            {
                var decoded = entity.Transcoded.ToString();
                if (TextRules.TextCharacters.CheckValue(decoded, At(entity), $"the entity {entity.Original}", _diagnostics)) words.Append(decoded);
            }
            else
            {
                Flush();
                result.AddRange(Convert(inline));
            }
        }
        Flush();
        return result;
    }
}
