using SiteGen.Diagnostics;
using SiteGen.Rendering;

namespace SiteGen.Output;

/// <summary>
/// The last stage: writes the rendered site into the output folder. It runs only after every page
/// rendered without error, so bad content never leaves a half-written site. It only ever deletes
/// inside the output folder, and refuses an output folder that holds the project's own files.
/// </summary>
public static class SiteWriter
{
    /// <summary>Files in the output folder that a clean build keeps (the folder's own .gitignore).</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { ".gitignore" };

    public sealed record Result(int Written, int Unchanged, int Removed);

    public static Result? Write(RenderedSite site, ProjectPaths paths, bool clean, DiagnosticBag diagnostics)
    {
        var output = Path.GetFullPath(paths.Output);
        if (!IsSafe(output, paths, out var why))
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(paths.Display(output)),
                $"refusing to write the site into '{paths.Display(output)}': {why}; choose an empty folder with --output");
            return null;
        }
        Directory.CreateDirectory(output);
        var removed = clean ? Clean(output) : 0;

        var written = 0;
        var unchanged = 0;
        Parallel.ForEach(site.Files, file =>
        {
            var target = Path.GetFullPath(Path.Combine(output, file.Path));
            if (!target.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"output path escapes the output folder: {file.Path}");
            // An unchanged file keeps its time stamp: servers and browsers see nothing new.
            if (File.Exists(target) && new FileInfo(target).Length == file.Content.Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(file.Content))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content);
            Interlocked.Increment(ref written);
        });
        return new Result(written, unchanged, removed);
    }

    /// <summary>Empties the output folder, keeping its .gitignore; returns how many files went.</summary>
    private static int Clean(string output)
    {
        var count = 0;
        foreach (var entry in new DirectoryInfo(output).EnumerateFileSystemInfos())
        {
            if (Kept.Contains(entry.Name)) continue;
            if (entry is DirectoryInfo dir)
            {
                count += dir.EnumerateFiles("*", SearchOption.AllDirectories).Count();
                dir.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
                count++;
            }
        }
        return count;
    }

    private static bool IsSafe(string output, ProjectPaths paths, out string why)
    {
        string Norm(string p) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p));
        var o = Norm(output);
        bool Within(string inner, string outer) =>
            inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        why = "";
        if (Path.GetPathRoot(o) == o + Path.DirectorySeparatorChar || o == Path.GetPathRoot(o)) why = "it is the root of the file system";
        else if (o == Norm(paths.Root)) why = "it is the repository itself";
        else if (Within(Norm(paths.Content), o) || Within(o, Norm(paths.Content))) why = "it overlaps the content folder";
        else if (Within(Norm(paths.Templates), o) || Within(o, Norm(paths.Templates))) why = "it overlaps the templates folder";
        else if (Directory.Exists(Path.Combine(o, ".git"))) why = "it holds a git repository";
        else if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home && o == Norm(home)) why = "it is your home folder";
        return why.Length == 0;
    }
}
