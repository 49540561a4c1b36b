namespace SiteGen.FileSystem;

/// <summary>
/// The folders a run reads and writes, and the repository root that paths in messages are
/// relative to.
/// </summary>
internal sealed record ProjectPaths(string Root, string Content, string Templates, string Output)
{
    /// <summary>
    /// The repository is found from <paramref name="start"/> upwards: the first folder that has a
    /// <c>content/</c> folder or a <c>SiteGen.sln</c>. Options override each folder.
    /// </summary>
    public static ProjectPaths Resolve(string start, string? content, string? templates, string? output)
    {
        var root = FindRoot(Path.GetFullPath(start)) ?? Path.GetFullPath(start);
        string Full(string? given, string fallback) =>
            Path.TrimEndingDirectorySeparator(given is null ? Path.Combine(root, fallback) : Path.GetFullPath(given, Path.GetFullPath(start)));
        return new ProjectPaths(root, Full(content, "content"), Full(templates, "templates"), Full(output, "site"));
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")) || Directory.Exists(Path.Combine(dir.FullName, "content")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>A path as messages show it: relative to the repository, with forward slashes.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = fullPath;
        return relative.Replace('\\', '/');
    }
}
