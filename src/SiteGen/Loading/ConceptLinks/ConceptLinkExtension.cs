using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteGen.Loading.ConceptLinks;

/// <summary>
/// Adds <c>[[id]]</c> links to Markdig, in the shape of Markdig's own extensions (extension, parser, inline): the
/// parser goes before Markdig's link parser, which would otherwise read <c>[[id]]</c> as brackets around a link.
/// Nothing is rendered by Markdig: <see cref="ProseParser"/> turns the syntax tree into the edition's model.
/// </summary>
internal sealed class ConceptLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<ConceptLinkParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new ConceptLinkParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
