using SiteGen.Model;
using SiteGen.FileSystem;
namespace SiteGen.Output;

/// <summary>
/// Which folders a build may replace. A build replaces the output folder's content whole, so
/// the output may be neither the repository, nor one of its folders (its sources, tests,
/// content, templates or version-control data), nor a folder that contains any of them.
/// </summary>
internal static class OutputSafety
{
    private static readonly string[] VersionControl = [".git", ".hg", ".svn"];

    /// <summary>A path as compared here: its real path (links resolved), so that no link makes two folders look apart.</summary>
    public static string Norm(string path) => FileSystem.RealPaths.OfNew(path);

    private static bool Within(string inner, string outer) =>
        inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Why <paramref name="output"/> may not be written, or null when it may.</summary>
    public static string? Refusal(string output, ProjectPaths paths)
    {
        var o = Norm(output);
        var root = Norm(paths.Root);
        if (Path.GetPathRoot(o) is { } fsRoot && Norm(fsRoot) == o) return "it is the root of the file system";
        if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home && o == Norm(home)) return "it is your home folder";
        if (o.Split(Path.DirectorySeparatorChar).Any(segment => VersionControl.Contains(segment, StringComparer.OrdinalIgnoreCase)))
            return "it is version-control data";
        if (Within(root, o)) return "it is or contains the repository";
        if (Within(Norm(paths.Content), o) || Within(o, Norm(paths.Content))) return "it overlaps the content folder";
        if (Within(Norm(paths.Templates), o) || Within(o, Norm(paths.Templates))) return "it overlaps the templates folder";
        if (VersionControl.Any(vc => Directory.Exists(Path.Combine(o, vc)))) return "it holds a version-control repository";
        var isRepository = File.Exists(Path.Combine(root, "SiteGen.sln")) || VersionControl.Any(vc => Directory.Exists(Path.Combine(root, vc)));
        if (isRepository && Within(o, root))
        {
            // Inside the repository, only a folder of its own may be the output: site/, or a new one.
            var top = Path.Combine(root, Path.GetRelativePath(root, o).Split(Path.DirectorySeparatorChar)[0]);
            if (Directory.Exists(top) && Norm(top) != Norm(Path.Combine(root, "site")) && !File.Exists(Path.Combine(top, SiteWriter.MarkerName)))
                return $"it is inside the repository's folder {Path.GetFileName(top)}/, which holds the project's own files";
        }
        return null;
    }
}
