using Markdig;

namespace SiteGen.Rendering;

/// <summary>
/// Markdown written by the editors (the introduction, and later notes and commentary), rendered
/// with one shared Markdig pipeline. Raw HTML is not passed through; straight quotes and
/// dashes become typographic ones (the source texts are never touched: they are not Markdown
/// rendered here).
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseSmartyPants()
        .UseAutoLinks()
        .DisableHtml()
        .UseGenericAttributes()
        .Build();

    public static string ToHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown.Replace("\r\n", "\n"), Pipeline);
}
