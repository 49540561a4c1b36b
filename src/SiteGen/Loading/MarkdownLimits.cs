using System.Globalization;
using Markdig;
using Markdig.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Loading;

/// <summary>
/// Markdown that would take Markdig minutes, or make it throw, is a mistake in the file, reported at its line
/// before Markdig sees it. Markdig is linear on prose, but each unclosed bracket or emphasis mark of a paragraph
/// (<c>*a_[b](</c> over and over) may make it read the rest of the paragraph again, and nesting thousands of
/// levels deep (<c>&gt;&gt;&gt;…</c>, <c>[[[…</c>) makes it throw. A linear scan first counts each paragraph's
/// marks; a paragraph with more than prose ever has is refused, so that parsing any file costs time in proportion
/// to its size (at most <see cref="MaxMarks"/> readings of each paragraph).
/// </summary>
internal static class MarkdownLimits
{
    /// <summary>The most brackets and emphasis marks a paragraph may have: far more than prose uses (a hundred links).</summary>
    public const int MaxMarks = 200;

    /// <param name="code">The code of the error: <see cref="DiagnosticCodes.UnsupportedMarkdown"/> in a text, <see cref="DiagnosticCodes.RefusedMarkup"/> in editors' prose.</param>
    public static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, string path, int firstLine, DiagnosticBag diagnostics, int firstColumn = 1,
        string code = DiagnosticCodes.UnsupportedMarkdown)
    {
        if (Problem(markdown) is var (line, message))
        {
            diagnostics.Error(code, new SourceLocation(path, firstLine + line, firstColumn), message);
            return null;
        }
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            diagnostics.Error(code, new SourceLocation(path, firstLine, firstColumn),
                "the Markdown is nested too deeply (quotations, lists, brackets or emphasis inside one another thousands of times): write plain paragraphs");
            return null;
        }
    }

    /// <summary>The first paragraph (its 0-based line) that could make Markdig slow, with what to do; null when there is none.</summary>
    internal static (int Line, string Message)? Problem(string markdown)
    {
        var line = 0;
        var start = 0;           // the line where the paragraph at hand starts
        long length = 0, marks = 0;
        var blank = true;
        (int, string)? Check()
        {
            if (marks <= MaxMarks) return null;
            return (start, string.Create(CultureInfo.InvariantCulture,
                $"this paragraph has {marks:N0} brackets and emphasis marks ([ ] * _ ~ `) in {length:N0} characters, more than Markdown can be read in: split it into paragraphs at blank lines, or write the marks that are not Markdown as \\[, \\*, \\_"));
        }
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                line++;
                // A line of nothing but spaces ends the paragraph.
                var next = i + 1;
                while (next < markdown.Length && markdown[next] is ' ' or '\t' or '\r') next++;
                if (next >= markdown.Length || markdown[next] == '\n')
                {
                    if (!blank && Check() is { } problem) return problem;
                    blank = true;
                    length = marks = 0;
                }
                continue;
            }
            if (blank) { blank = false; start = line; }
            length++;
            if (c is '[' or ']' or '*' or '_' or '~' or '`' or '<' or '!' or '^' or '=' or '+' && (i == 0 || markdown[i - 1] != '\\')) marks++;
        }
        return blank ? null : Check();
    }
}
