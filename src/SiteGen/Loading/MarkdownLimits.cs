using Markdig;
using Markdig.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Loading;

/// <summary>
/// Markdig refuses input nested thousands of levels deep (<c>&gt;&gt;&gt;…</c>, <c>[[[…</c>) by
/// throwing; such a body is reported as a mistake in the file, never as a crash.
/// </summary>
internal static class MarkdownLimits
{
    public static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, string path, int firstLine, DiagnosticBag diagnostics)
    {
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            diagnostics.Error(DiagnosticCodes.UnsupportedMarkdown, new SourceLocation(path, firstLine, 1),
                "the Markdown is nested too deeply (quotations, lists, brackets or emphasis inside one another thousands of times): write plain paragraphs");
            return null;
        }
    }
}
