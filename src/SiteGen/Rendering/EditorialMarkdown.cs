using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The one policy for Markdown that editors and contributors write: concept commentary, notes
/// and the site's introduction. It allows prose (emphasis, lists, quotations, code, links to
/// http(s), mailto and pages of the site) and <c>[[concept-id]]</c> links; it refuses, with an
/// error at the file's line and column, raw HTML, images, <c>{…}</c> attributes and any other
/// kind of link. Whatever it renders is then cleaned by <see cref="HtmlSanitizer"/> as a second
/// line of defence, so that no script can reach a page even if a check were missed.
/// </summary>
internal sealed class EditorialMarkdown
{
    private readonly MarkdownPipeline _pipeline;

    /// <param name="conceptTitles">The title of each concept by id, for <c>[[id]]</c> links.</param>
    public EditorialMarkdown(IReadOnlyDictionary<string, string> conceptTitles, Urls urls)
    {
        var builder = new MarkdownPipelineBuilder()
            // Inlines get their own line and column, for messages.
            .UsePreciseSourceLocation()
            .UseEmphasisExtras()
            .UseSmartyPants()
            .UseAutoLinks()
            // Parsed only so that they can be reported: attributes are never passed through.
            .UseGenericAttributes();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new ConceptLinkParser(conceptTitles, urls));
        _pipeline = builder.Build();
    }

    /// <summary>
    /// Renders <paramref name="markdown"/>, which starts at <paramref name="start"/> in its file,
    /// reporting every refused construct there; the HTML is sanitized in any case.
    /// </summary>
    public string ToHtml(string markdown, SourceLocation start, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown.Replace("\r\n", "\n"), _pipeline);
        }
        catch (ArgumentException)
        {
            diagnostics.Error(DiagnosticCodes.RefusedMarkup, start,
                "the Markdown is nested too deeply (quotations, lists, brackets or emphasis inside one another thousands of times): write plain paragraphs");
            return "";
        }
        foreach (var node in document.Descendants())
        {
            if (Refusal(node) is var (code, why))
                diagnostics.Error(code, new SourceLocation(start.Path, start.Line + node.Line, start.Column + node.Column), why);
        }
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return Html.MarkChinese(HtmlSanitizer.Clean(writer.ToString()));
    }

    private static (string Code, string Message)? Refusal(MarkdownObject node)
    {
        switch (node)
        {
            // One message per element: its closing tag is not reported again.
            case HtmlInline { Tag: var tag } when tag.StartsWith("</", StringComparison.Ordinal):
                return null;
            case HtmlBlock or HtmlInline:
                return (DiagnosticCodes.RefusedMarkup, "raw HTML is not allowed here: write Markdown (*emphasis*, **bold**, [words](https://...)); to show a '<' as it is, write \\<");
            case LinkInline { IsImage: true }:
                return (DiagnosticCodes.RefusedMarkup, "images are not allowed here: link to the picture instead, [what it shows](https://...)");
            case LinkInline link when link.GetDynamicUrl is null && !IsConceptLink(link) && SafeUrl.Problem(link.Url ?? "") is { } problem:
                return (DiagnosticCodes.RefusedUrl, $"the link '{link.Url}' is refused: {problem}");
            case AutolinkInline autolink when SafeUrl.Problem(autolink.Url) is { } problem:
                return (DiagnosticCodes.RefusedUrl, $"the link '{autolink.Url}' is refused: {problem}");
        }
        if (!IsConceptLink(node) && node.TryGetAttributes() is { } attributes &&
            (attributes.Id is not null || attributes.Classes is { Count: > 0 } || attributes.Properties is { Count: > 0 }))
            return (DiagnosticCodes.RefusedMarkup, "attributes in braces ({.class}, {#id}, {key=value}) are not allowed here: remove them");
        return null;
    }

    private static bool IsConceptLink(MarkdownObject node) => node is LinkInline link && link.GetData(ConceptLinkParser.Marker) is true;

    /// <summary>
    /// <c>[[concept-id]]</c>: a link to the concept's page, with its title as the words (or, written
    /// <c>[[concept-id|other words]]</c>, with the words that fit the sentence). An id
    /// that names no concept is left as written (analysis reports it).
    /// </summary>
    private sealed class ConceptLinkParser : InlineParser
    {
        public static readonly object Marker = new();
        private readonly IReadOnlyDictionary<string, string> _titles;
        private readonly Urls _urls;

        public ConceptLinkParser(IReadOnlyDictionary<string, string> titles, Urls urls)
        {
            _titles = titles;
            _urls = urls;
            OpeningCharacters = ['['];
        }

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (slice.PeekChar() != '[') return false;
            var text = slice.Text;
            var from = slice.Start + 2;
            var close = text.IndexOf("]]", from, StringComparison.Ordinal);
            if (close < 0 || close > slice.End) return false;
            // [[id]] shows the concept's title; [[id|words]] shows the words, to fit the sentence.
            var target = text[from..close];
            var bar = target.IndexOf('|');
            var id = bar < 0 ? target : target[..bar];
            var words = bar < 0 ? "" : target[(bar + 1)..].Trim();
            if (!_titles.TryGetValue(id, out var title)) return false;
            if (words.Length > 0) title = words;
            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            var link = new LinkInline(_urls.Concept(id), "")
            {
                Span = new SourceSpan(start, start + close + 2 - slice.Start - 1),
                Line = line,
                Column = column,
                IsClosed = true,
            };
            link.AppendChild(new LiteralInline(title));
            link.GetAttributes().AddClass("concept-link");
            link.SetData(Marker, true);
            processor.Inline = link;
            slice.Start = close + 2;
            return true;
        }
    }
}
