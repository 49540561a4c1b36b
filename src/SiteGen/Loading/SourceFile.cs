using SiteGen.Diagnostics;

namespace SiteGen.Loading;

/// <summary>
/// A content file split into its YAML front matter and its Markdown body, with the line on
/// which each starts, so that positions inside either can be reported against the whole file.
/// </summary>
internal sealed record SourceFile(string Path, string Yaml, int YamlLine, string Body, int BodyLine)
{
    /// <summary>Where the body starts once the blank lines before it are left out (as the model keeps it).</summary>
    public SourceLocation TrimmedBodyStart => new(Path, BodyLine + (Body.Length - Body.TrimStart('\n').Length), 1);

    /// <summary>
    /// Splits a content file and parses its front matter; null, with diagnostics, when either fails.
    /// </summary>
    public static (SourceFile File, FrontMatter Fields)? Read(string path, string content, DiagnosticBag diagnostics)
    {
        var file = Split(path, content, diagnostics);
        if (file is null) return null;
        var fields = FrontMatter.Parse(path, file.Yaml, file.YamlLine, diagnostics);
        return fields is null ? null : (file, fields);
    }

    /// <summary>
    /// Splits <paramref name="content"/> at its <c>---</c> fences. Returns null, with a diagnostic,
    /// when there is no front matter or it is never closed.
    /// </summary>
    public static SourceFile? Split(string path, string content, DiagnosticBag diagnostics)
    {
        // Line endings and a byte-order mark must not change positions or output.
        content = content.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = content.Split('\n');
        switch (ClosingFence(lines))
        {
            case Fence.Missing:
                diagnostics.Error(DiagnosticCodes.FrontMatterMissing, SourceLocation.StartOf(path),
                    "the file does not start with front matter: put a line '---' first, then the fields (title: ..., date: ...), then another '---'");
                return null;
            case Fence.Unclosed:
                diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, SourceLocation.StartOf(path),
                    "the front matter is never closed: add a line '---' after its last field");
                return null;
            case var close:
                var yaml = string.Join('\n', lines[1..(int)close]);
                var body = string.Join('\n', lines[((int)close + 1)..]);
                return new SourceFile(path, yaml, 2, body, (int)close + 2);
        }
    }

    /// <summary>What <see cref="ClosingFence"/> finds when it finds no closing line.</summary>
    public enum Fence { Missing = -1, Unclosed = -2 }

    /// <summary>
    /// The one rule for where front matter is, shared by reading and by the commands that change a file: it opens
    /// with a first line <c>---</c> and closes at the next line <c>---</c> or <c>...</c> (spaces after either allowed).
    /// The index of the closing line, or <see cref="Fence.Missing"/> / <see cref="Fence.Unclosed"/>. Lines may end in '\r'.
    /// </summary>
    public static Fence ClosingFence(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines[0].TrimStart('\uFEFF').TrimEnd() != "---") return Fence.Missing;
        for (var i = 1; i < lines.Count; i++)
            if (lines[i].TrimEnd() is "---" or "...") return (Fence)i;
        return Fence.Unclosed;
    }
}
