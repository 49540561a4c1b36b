using SiteGen.Model;
using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.TextRules;
using SiteGen.FileSystem;

namespace SiteGen.Loading;

/// <summary>
/// The one way the generator lists and reads the files of <c>content/</c> or <c>templates/</c>. A
/// contributor's pull request decides what is in those folders, so a file is read only when it is a
/// regular file of a sensible size that really lies in the folder being read: a symbolic link that
/// leads out of that folder (to a secret, to the repository's <c>.git</c>), a dangling link, a link
/// loop, a named pipe or a device is refused with a diagnostic instead of being published, hanging the
/// build or filling the memory, and nothing under a version-control folder (<c>.git</c>, <c>.hg</c>,
/// <c>.svn</c>) is ever listed. Text must be valid UTF-8 without control characters; a bad byte or
/// character is reported at its line and column, never silently replaced.
/// </summary>
/// <param name="folder">The folder being read (<c>content/</c> or <c>templates/</c>): nothing outside it is read.</param>
internal sealed class ContentFiles(ProjectPaths paths, string folder, DiagnosticBag diagnostics)
{
    /// <summary>No content file or asset may be larger: a text of 10,000 paragraphs is about 5 MB.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Folders of version-control systems: their files (a repository's config, its credentials) are never content.</summary>
    private static readonly string[] VersionControl = [".git", ".hg", ".svn"];

    public static bool IsVersionControl(string name) => VersionControl.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder being read, every link on the way resolved (itself when it does not exist).</summary>
    private readonly string _realFolder = Path.TrimEndingDirectorySeparator(RealPath(folder) ?? Path.GetFullPath(folder));

    /// <summary>
    /// The files of <paramref name="under"/> (the folder being read, or one inside it) whose names match
    /// <paramref name="pattern"/>, in ordinal order of their paths; none when it is absent. Version-control folders
    /// are left out; a linked folder is followed only while it stays inside the folder being read (once), and one
    /// that leads out of it is reported.
    /// </summary>
    public IReadOnlyList<string> List(string under, string pattern, bool recursive = false)
    {
        var found = new List<string>();
        if (!Directory.Exists(under)) return found;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string dir)
        {
            if (RealPath(dir) is not { } real || !visited.Add(real)) return;
            foreach (var file in Directory.EnumerateFiles(dir, pattern)) found.Add(file);
            if (!recursive) return;
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (IsVersionControl(Path.GetFileName(sub))) continue;
                if (new DirectoryInfo(sub).LinkTarget is not null)
                {
                    var target = RealPath(sub);
                    if (target is null || !IsInside(target))
                    {
                        Refuse(paths.Display(sub), target is null
                            ? "it is a symbolic link that leads nowhere (its target is missing, or links loop): remove the link or restore its target"
                            : $"it is a symbolic link to a folder outside {paths.Display(folder)}/: nothing is read through it; copy the files into {paths.Display(folder)}/ instead");
                        continue;
                    }
                }
                Walk(sub);
            }
        }
        Walk(under);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The folders directly inside <paramref name="under"/>, in ordinal order, version-control folders left out.</summary>
    public IReadOnlyList<string> Folders(string under) =>
        Directory.Exists(under)
            ? [.. Directory.EnumerateDirectories(under).Where(d => !IsVersionControl(Path.GetFileName(d))).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The bytes of a file, or null with a diagnostic when it may not or cannot be read.</summary>
    public byte[]? ReadBytes(string path)
    {
        var display = paths.Display(path);
        FileInfo file;
        try
        {
            if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
                return Refuse(display, "it disappeared while the build read the content (deleted or renamed): build again");
            // The real path, every link on the way resolved: a linked folder leads outside as surely as a linked file.
            if (RealPath(path) is not { } real)
                return Refuse(display, "it is a symbolic link that leads nowhere (its target is missing, or links loop): remove the link or restore its target");
            if (!IsInside(real))
                return Refuse(display, $"it leads to '{real}', outside {paths.Display(folder)}/, through a symbolic link: copy the file into {paths.Display(folder)}/ instead of linking to it");
            file = new FileInfo(real);
            // Pipes, devices and the files of /proc report no length: they are not content.
            if (file.Length == 0) return [];
            if (file.Length > MaxBytes)
                return Refuse(display, string.Create(CultureInfo.InvariantCulture,
                    $"it is {file.Length:N0} bytes ({file.Length / (1024.0 * 1024):0.0} MB), more than the {MaxBytes:N0} bytes (16 MB) a content file may have: split it"));
            return File.ReadAllBytes(file.FullName);
        }
        catch (IOException ex)
        {
            // A link loop, a file deleted while the build runs, a disk error.
            return Refuse(display, $"it cannot be read ({ex.Message.TrimEnd('.')}): check that it is a plain file");
        }
        catch (UnauthorizedAccessException)
        {
            return Refuse(display, "it cannot be read (permission denied): check its permissions");
        }
    }

    /// <summary>A file's text, or null with a diagnostic when it cannot be read or is not valid UTF-8; a control character in it is an error too.</summary>
    public string? ReadText(string path)
    {
        if (ReadBytes(path) is not { } bytes) return null;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index);
            var before = StrictUtf8.GetString(bytes, 0, ValidPrefix(bytes, offset));
            var line = 1 + before.Count(c => c == '\n');
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(paths.Display(path), line, column),
                $"the file is not valid UTF-8 (byte {offset}: 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2}): save it as UTF-8 in your editor");
            return null;
        }
        // A character that may not be there is an error, which stops the build before anything is written; the file
        // is read on, so that its other mistakes, and those of the files that refer to it, come in the same run.
        TextCharacters.CheckFile(paths.Display(path), text, diagnostics);
        return text;
    }

    /// <summary>The length of the longest prefix before <paramref name="offset"/> that decodes (backs off a cut character).</summary>
    private static int ValidPrefix(byte[] bytes, int offset)
    {
        // A UTF-8 character is at most four bytes: the valid prefix ends at most three bytes before the bad one.
        for (var n = Math.Min(offset, bytes.Length); n > 0 && n >= offset - 4; n--)
        {
            try { StrictUtf8.GetCharCount(bytes, 0, n); return n; }
            catch (DecoderFallbackException) { }
        }
        return 0;
    }

    /// <summary>Whether a real path lies in the folder being read, and not in a version-control folder inside it.</summary>
    private bool IsInside(string realPath)
    {
        if (!(realPath == _realFolder || realPath.StartsWith(_realFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))) return false;
        return !Path.GetRelativePath(_realFolder, realPath).Split(Path.DirectorySeparatorChar).Any(IsVersionControl);
    }

    /// <summary>The canonical path with every symbolic link resolved; null when a link is dangling or loops.</summary>
    internal static string? RealPath(string path) => FileSystem.RealPaths.Of(path);

    private byte[]? Refuse(string display, string why)
    {
        diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(display), $"the file is not read: {why}");
        return null;
    }
}
