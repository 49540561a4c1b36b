namespace SiteGen.Diagnostics;

/// <summary>
/// A place in a source file, as contributors see it in their editor: the path relative to the
/// repository with forward slashes, and 1-based line and column. Every conversion from a
/// library's own positions (YamlDotNet, Markdig, Scriban) ends here.
/// </summary>
internal sealed record SourceLocation(string Path, int Line, int Column)
{
    /// <summary>The start of a file, for problems that belong to the whole file.</summary>
    public static SourceLocation StartOf(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
