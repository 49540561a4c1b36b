using System.Runtime.InteropServices;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.FileSystem;

namespace SiteGen.Output;

/// <summary>
/// The last stage: writes the rendered site. It runs only after every page rendered without error,
/// and it never leaves a half-written site: the new site is written into a folder beside the
/// output, then swapped in with one atomic rename, so that at every instant the output folder is
/// the complete old site or the complete new one, even if the build is killed or the disk fills up.
/// A lock on the real folder makes concurrent builds of one output wait for each other, by whatever
/// path they name it. It writes only into a folder that is empty, new, or a previous SiteGen output
/// (it carries a <see cref="MarkerName"/> file), never into the project's own folders, and never
/// follows a symbolic link out of the output.
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

    /// <summary>
    /// How a file's bytes are written: tests put a failing writer here (a full disk, a read-only file system) for
    /// the builds of their own flow of execution.
    /// </summary>
    internal static readonly AsyncLocal<Action<string, byte[]>?> WriteBytesForTests = new();

    public sealed record Result(int Written, int Unchanged, int Removed);

    /// <summary>The folder an output path names: its real path, every symbolic link on the way resolved, when it exists.</summary>
    internal static string Resolve(string output) => FileSystem.RealPaths.OfNew(output);

    /// <summary>
    /// Opens the output for a new site, before anything is rendered: checks that the folder may be written, waits
    /// for any other build of it, and makes an empty staging folder beside it, which the files go into as they
    /// are rendered. Null, with a diagnostic, when the output may not or cannot be written.
    /// </summary>
    public static Staging? Open(ProjectPaths paths, bool clean, DiagnosticBag diagnostics)
    {
        var given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(paths.Output));
        var display = paths.Display(given);
        void Refuse(string why, string what = "choose another folder with --output") =>
            diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(display), $"refusing to write the site into '{display}': {why}; {what}");
        if (File.Exists(given))
        {
            Refuse("it is a file, not a folder", "give a folder to --output (a new one, or one SiteGen wrote)");
            return null;
        }
        if (new FileInfo(given).LinkTarget is not null && !Directory.Exists(given))
        {
            Refuse("it is a symbolic link that leads nowhere", "remove the link, or point it at a folder");
            return null;
        }
        // A link to the output is followed to its folder, which is replaced; the link stays as it was.
        var output = Resolve(given);
        if (OutputSafety.Refusal(output, paths) is { } unsafeWhy)
        {
            Refuse(unsafeWhy);
            return null;
        }
        // Checked before the lock (so that a refused folder gets no lock file beside it), and again under it.
        string? NotOurs() => Directory.Exists(output) && !IsOursOrEmpty(output) && output != Resolve(Path.Combine(paths.Root, "site"))
            ? $"it holds files that SiteGen did not write (there is no {MarkerName} file), and a build replaces the folder's content" : null;
        const string EmptyIt = "choose an empty or new folder with --output, or empty this one yourself";
        if (NotOurs() is { } notOurs)
        {
            Refuse(notOurs, EmptyIt);
            return null;
        }
        var parent = Path.GetDirectoryName(output)!;
        OutputLock? outputLock;
        try
        {
            Directory.CreateDirectory(parent);
            outputLock = OutputLock.Acquire(output, LockWait);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failed(diagnostics, display, ex, kept: Directory.Exists(output));
            return null;
        }
        if (outputLock is null)
        {
            diagnostics.Error(DiagnosticCodes.OutputBusy, SourceLocation.StartOf(display),
                $"another build has been writing '{display}' for more than {LockWait.TotalSeconds:0} s: wait for it to finish, or stop it, then build again");
            return null;
        }
        if (NotOurs() is { } stillNotOurs)
        {
            outputLock.Dispose();
            Refuse(stillNotOurs, EmptyIt);
            return null;
        }

        var staging = StagingFor(output);
        try
        {
            // A build that was killed may have left its staging folder, incomplete: it is ours if it has the marker
            // (deleted last, so that a half-deleted one keeps it) or nothing yet.
            if (Directory.Exists(staging))
            {
                if (!IsOursOrEmpty(staging))
                {
                    outputLock.Dispose();
                    diagnostics.Error(DiagnosticCodes.OutputUnsafe, SourceLocation.StartOf(paths.Display(staging)),
                        $"refusing to replace '{paths.Display(staging)}', which SiteGen writes a new site into before swapping it in: it holds files that SiteGen did not write; move them away");
                    return null;
                }
                DeleteOurs(staging);
            }
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, MarkerName), MarkerText);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outputLock.Dispose();
            Failed(diagnostics, display, ex, kept: Directory.Exists(output));
            return null;
        }
        return new Staging(staging, output, display, clean, outputLock);
    }

    private static string StagingFor(string output) => Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".sitegen-new");

    /// <summary>The error for a write the file system refused: a full disk, a read-only or immutable folder, permissions.</summary>
    private static void Failed(DiagnosticBag diagnostics, string display, Exception ex, bool kept) =>
        diagnostics.Error(DiagnosticCodes.OutputFailed, SourceLocation.StartOf(display),
            $"the site could not be written into '{display}' ({ex.Message.TrimEnd('.')}): " +
            (kept ? "the old site is kept as it was; " : "nothing was written; ") +
            "free some disk space, or make the folder writable (it may be on a read-only disk, or marked immutable), then build again");

    /// <summary>
    /// The new site as it is written, beside the output. <see cref="Commit"/> swaps it in whole; disposed without
    /// a commit (the build failed, or stopped), it is deleted and the output stays as it was.
    /// </summary>
    internal sealed class Staging(string folder, string output, string display, bool clean, OutputLock outputLock) : IFileSink, IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal) { [MarkerName] = 0 };
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
        private readonly bool _previous = Directory.Exists(output);
        private readonly Action<string, byte[]> _write = WriteBytesForTests.Value ?? File.WriteAllBytes;
        private int _written, _unchanged;
        private bool _committed;
        private Exception? _failure;

        /// <summary>Why a file could not be written (the first such failure: the rest are not tried); null while all is well.</summary>
        public Exception? Failure => Volatile.Read(ref _failure);

        /// <summary>Writes one file into the staging folder (from any thread); counts it as unchanged when the output has it as it is.</summary>
        public void Add(OutputFile file)
        {
            if (Failure is not null) return;
            var target = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"output path escapes the output folder: {file.Path}");
            if (!_produced.TryAdd(file.Path, 0)) throw new InvalidOperationException($"two files at one path: {file.Path}");
            try
            {
                var parent = Path.GetDirectoryName(target)!;
                // Made before it is remembered: another thread that finds it remembered may write into it at once.
                if (!_folders.ContainsKey(parent))
                {
                    Directory.CreateDirectory(parent);
                    _folders.TryAdd(parent, 0);
                }
                _write(target, file.Content);
                FailPoint.Reached("staged");
                // An unchanged file keeps its time stamp: servers and browsers see nothing new. A link in the old output is not followed.
                var previous = new FileInfo(Path.Combine(output, file.Path));
                if (_previous && previous.Exists && previous.LinkTarget is null && previous.Length == file.Content.Length
                    && File.ReadAllBytes(previous.FullName).AsSpan().SequenceEqual(file.Content))
                {
                    File.SetLastWriteTimeUtc(target, previous.LastWriteTimeUtc);
                    Interlocked.Increment(ref _unchanged);
                }
                else Interlocked.Increment(ref _written);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
            }
        }

        /// <summary>Carries over what must stay of the old output, then puts the new site in its place in one step; null, with a diagnostic, when the file system refused.</summary>
        public Result? Commit(DiagnosticBag diagnostics)
        {
            if (Failure is { } failure)
            {
                Failed(diagnostics, display, failure, kept: _previous);
                return null;
            }
            try
            {
                FailPoint.Reached("carry-over");
                var removed = CarryOver(output, folder, _produced, clean);
                FailPoint.Reached("swap");
                Swap(folder, output);
                FailPoint.Reached("swapped");
                _committed = true;
                return new Result(_written, _unchanged, removed);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failed(diagnostics, display, ex, kept: _previous);
                return null;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_committed && Directory.Exists(folder)) DeleteOurs(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // What cannot be deleted now (a full disk, a read-only folder) is recognised and removed by the next build.
            }
            finally
            {
                outputLock.Dispose();
            }
        }
    }

    /// <summary>
    /// Copies what the output holds that this build did not produce into the staging folder: the .gitignore always,
    /// the rest unless <paramref name="clean"/>. Symbolic links are not followed, nor carried: they would publish
    /// whatever they lead to. Returns how many files are dropped.
    /// </summary>
    private static int CarryOver(string output, string staging, IReadOnlyDictionary<string, byte> produced, bool clean)
    {
        if (!Directory.Exists(output)) return 0;
        var removed = 0;
        var pending = new Stack<string>();
        pending.Push(output);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(output, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is not null)
                {
                    removed++;
                    continue;
                }
                if (entry is DirectoryInfo) { pending.Push(entry.FullName); continue; }
                if (produced.ContainsKey(relative)) continue;
                if (clean && !Kept.Contains(relative)) { removed++; continue; }
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(entry.FullName, target);
                File.SetLastWriteTimeUtc(target, entry.LastWriteTimeUtc);
            }
        }
        return removed;
    }

    private static bool IsOursOrEmpty(string folder) =>
        File.Exists(Path.Combine(folder, MarkerName)) ||
        Directory.EnumerateFileSystemEntries(folder).All(e => Kept.Contains(Path.GetFileName(e)));

    /// <summary>
    /// Deletes a folder SiteGen wrote, its marker last, so that one a killed build half deleted still says whose it
    /// is; a symbolic link inside is removed, never followed.
    /// </summary>
    private static void DeleteOurs(string folder)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name == MarkerName) continue;
            if (entry is DirectoryInfo dir && entry.LinkTarget is null) dir.Delete(recursive: true);
            else entry.Delete();
        }
        var marker = Path.Combine(folder, MarkerName);
        if (File.Exists(marker)) File.Delete(marker);
        Directory.Delete(folder);
    }

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
            FailPoint.Reached("exchanged");
            DeleteOurs(staging);
            return;
        }
        // Where the two folders cannot be exchanged atomically, the output is missing for a moment.
        var old = staging[..^"new".Length] + "old";
        if (Directory.Exists(old)) DeleteOurs(old);
        Directory.Move(output, old);
        Directory.Move(staging, output);
        DeleteOurs(old);
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
    /// One build at a time per output folder: an exclusive lock (the operating system's, released when the process
    /// ends, however it ends) on a file beside the real folder, so that every path to one folder finds the same lock.
    /// </summary>
    internal sealed class OutputLock(FileStream stream) : IDisposable
    {
        /// <summary>The lock file of an output folder (given by its real path): <c>.site.sitegen-lock</c> beside <c>site/</c>.</summary>
        public static string PathFor(string output) =>
            Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".sitegen-lock");

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
                catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
                {
                    // Held by another build: poll until it lets go, within the deadline.
                    Thread.Sleep(100);
                }
                catch (IOException) when (File.Exists(path) && DateTime.UtcNow >= deadline)
                {
                    return null;
                }
            }
        }

        public void Dispose() => stream.Dispose();
    }
}
