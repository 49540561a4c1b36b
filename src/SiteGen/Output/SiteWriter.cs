using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>
/// The last stage: writes the rendered site. It runs only after every page rendered without error,
/// and it never leaves a half-written site: the new site is written into a folder beside the
/// output, then swapped in with one atomic rename, so that at every instant the output folder is
/// the complete old site or the complete new one, even if the build is killed. A lock makes
/// concurrent builds of one output wait for each other. It writes only into a folder that is
/// empty, new, or a previous SiteGen output (it carries a <see cref="MarkerName"/> file), and
/// never into the project's own folders.
/// </summary>
internal static class SiteWriter
{
    /// <summary>The file that marks a folder as SiteGen's output, which a build may replace whole.</summary>
    public const string MarkerName = ".sitegen-output";
    private const string MarkerText = "This folder is written by SiteGen: every build replaces its content.\n";

    /// <summary>Files of the output folder that every build keeps (the folder's own .gitignore).</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { ".gitignore" };

    /// <summary>How long a build waits for another build of the same output to finish.</summary>
    internal static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(60);

    public sealed record Result(int Written, int Unchanged, int Removed);

    /// <summary>Writes a site rendered in memory, whole.</summary>
    public static Result? Write(RenderedSite site, ProjectPaths paths, bool clean, DiagnosticBag diagnostics)
    {
        using var staging = Open(paths, clean, diagnostics);
        if (staging is null) return null;
        Parallel.ForEach(site.Files, staging.Add);
        return staging.Commit();
    }

    /// <summary>
    /// Opens the output for a new site, before anything is rendered: checks that the folder may be written, waits
    /// for any other build of it, and makes an empty staging folder beside it, which the files go into as they
    /// are rendered. Null, with a diagnostic, when the output may not be written.
    /// </summary>
    public static Staging? Open(ProjectPaths paths, bool clean, DiagnosticBag diagnostics)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(paths.Output));
        var display = paths.Display(output);
        if (OutputSafety.Refusal(output, paths) is { } why)
        {
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(display),
                $"refusing to write the site into '{display}': {why}; choose another folder with --output");
            return null;
        }
        var outputLock = OutputLock.Acquire(output, LockWait);
        if (outputLock is null)
        {
            diagnostics.Error(DiagnosticCodes.OutputBusy, SourceLocation.StartOf(display),
                $"another build has been writing '{display}' for more than {LockWait.TotalSeconds:0} s: wait for it to finish, or stop it, then build again");
            return null;
        }
        if (Directory.Exists(output) && !IsOursOrEmpty(output) && output != OutputSafety.Norm(Path.Combine(paths.Root, "site")))
        {
            outputLock.Dispose();
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(display),
                $"refusing to write the site into '{display}': it holds files that SiteGen did not write (there is no {MarkerName} file), and a build replaces the folder's content; " +
                "choose an empty or new folder with --output, or empty this one yourself");
            return null;
        }

        var staging = Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".sitegen-new");
        // A build that was killed may have left its staging folder, incomplete: it is ours if it has the marker (or nothing yet).
        if (Directory.Exists(staging))
        {
            if (!IsOursOrEmpty(staging))
            {
                outputLock.Dispose();
                diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(paths.Display(staging)),
                    $"refusing to replace '{paths.Display(staging)}', which SiteGen writes a new site into before swapping it in: it holds files that SiteGen did not write; move them away");
                return null;
            }
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerName), MarkerText);
        return new Staging(staging, output, clean, outputLock);
    }

    /// <summary>
    /// The new site as it is written, beside the output. <see cref="Commit"/> swaps it in whole; disposed without
    /// a commit (the build failed, or stopped), it is deleted and the output stays as it was.
    /// </summary>
    internal sealed class Staging(string folder, string output, bool clean, OutputLock outputLock) : IFileSink, IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal) { [MarkerName] = 0 };
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
        private readonly bool _previous = Directory.Exists(output);
        private int _written, _unchanged;
        private bool _committed;

        /// <summary>Writes one file into the staging folder (from any thread); counts it as unchanged when the output has it as it is.</summary>
        public void Add(OutputFile file)
        {
            var target = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"output path escapes the output folder: {file.Path}");
            if (!_produced.TryAdd(file.Path, 0)) throw new InvalidOperationException($"two files at one path: {file.Path}");
            var parent = Path.GetDirectoryName(target)!;
            // Made before it is remembered: another thread that finds it remembered may write into it at once.
            if (!_folders.ContainsKey(parent))
            {
                Directory.CreateDirectory(parent);
                _folders.TryAdd(parent, 0);
            }
            File.WriteAllBytes(target, file.Content);
            // An unchanged file keeps its time stamp: servers and browsers see nothing new.
            var previous = Path.Combine(output, file.Path);
            if (_previous && new FileInfo(previous) is { Exists: true } old && old.Length == file.Content.Length && File.ReadAllBytes(previous).AsSpan().SequenceEqual(file.Content))
            {
                File.SetLastWriteTimeUtc(target, old.LastWriteTimeUtc);
                Interlocked.Increment(ref _unchanged);
            }
            else Interlocked.Increment(ref _written);
        }

        /// <summary>Carries over what must stay of the old output, then puts the new site in its place in one step.</summary>
        public Result Commit()
        {
            var removed = CarryOver(output, folder, _produced, clean);
            Swap(folder, output);
            _committed = true;
            return new Result(_written, _unchanged, removed);
        }

        public void Dispose()
        {
            try
            {
                if (!_committed && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            finally
            {
                outputLock.Dispose();
            }
        }
    }

    /// <summary>
    /// Copies what the output holds that this build did not produce into the staging folder: the
    /// .gitignore always, the rest unless <paramref name="clean"/>. Returns how many files are dropped.
    /// </summary>
    private static int CarryOver(string output, string staging, IReadOnlyDictionary<string, byte> produced, bool clean)
    {
        if (!Directory.Exists(output)) return 0;
        var removed = 0;
        foreach (var old in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, old).Replace('\\', '/');
            if (produced.ContainsKey(relative)) continue;
            if (clean && !Kept.Contains(relative)) { removed++; continue; }
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(old, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(old));
        }
        return removed;
    }

    private static bool IsOursOrEmpty(string folder) =>
        File.Exists(Path.Combine(folder, MarkerName)) ||
        Directory.EnumerateFileSystemEntries(folder).All(e => Kept.Contains(Path.GetFileName(e)));

    /// <summary>Puts the staged site in place of the output in one step, then deletes the old site.</summary>
    private static void Swap(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        if (!OperatingSystem.IsWindows() && Exchange(staging, output))
        {
            Directory.Delete(staging, recursive: true);
            return;
        }
        // Where the two folders cannot be exchanged atomically, the output is missing for a moment.
        var old = staging[..^"new".Length] + "old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        Directory.Move(output, old);
        Directory.Move(staging, output);
        Directory.Delete(old, recursive: true);
    }

    /// <summary>Linux's renameat2(RENAME_EXCHANGE): both names swap their folders atomically.</summary>
    private static bool Exchange(string a, string b)
    {
        try { return renameat2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int oldFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>
    /// One build at a time per output folder: an exclusive lock on a file in the temporary folder
    /// (named after the output's path, so that nothing is added to the project).
    /// </summary>
    internal sealed class OutputLock(FileStream stream) : IDisposable
    {
        /// <summary>The lock file of an output folder.</summary>
        public static string PathFor(string output) =>
            Path.Combine(Path.GetTempPath(), "sitegen-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)))))[..16] + ".lock");

        public static OutputLock? Acquire(string output, TimeSpan wait)
        {
            var path = PathFor(output);
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                try
                {
                    return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
                catch (IOException)
                {
                    return null;
                }
            }
        }

        public void Dispose() => stream.Dispose();
    }
}
