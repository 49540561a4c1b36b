using Markdig;

namespace SiteGen.Rendering;

/// <summary>
/// Markdown written by the editors (the introduction, and later notes and commentary), rendered
/// with one shared Markdig pipeline. Raw HTML is not passed through.
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .UseGenericAttributes()
        .Build();

    public static string ToHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToHtml(markdown.Replace("\r\n", "\n"), Pipeline);
}
