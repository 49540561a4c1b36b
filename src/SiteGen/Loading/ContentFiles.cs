using SiteGen.Model;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Loading;

/// <summary>
/// The one way the generator reads a file of <c>content/</c> or <c>templates/</c>. A contributor's
/// pull request decides what is in those folders, so a file is read only when it is a regular
/// file of a sensible size inside the project: a symbolic link that leads outside it (to a
/// secret, say), a dangling link, a link loop, a named pipe or a device is refused with a
/// diagnostic instead of being published, hanging the build or filling the memory. Text must
/// be valid UTF-8; a bad byte is reported at its line and column, never silently replaced.
/// </summary>
internal sealed class ContentFiles(ProjectPaths paths, DiagnosticBag diagnostics)
{
    /// <summary>No content file or asset may be larger: a text of 10,000 paragraphs is about 5 MB.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The files of <paramref name="folder"/> matching <paramref name="pattern"/>, in ordinal order; none when the folder is absent.</summary>
    public static string[] List(string folder, string pattern, bool recursive = false) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray()
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
            if (!IsInsideProject(real))
                return Refuse(display, $"it leads to '{real}', outside the project, through a symbolic link: copy the file into the project instead of linking to it");
            file = new FileInfo(real);
            // Pipes, devices and the files of /proc report no length: they are not content.
            if (file.Length == 0) return [];
            if (file.Length > MaxBytes)
                return Refuse(display, $"it is {file.Length / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB a content file may have: split it");
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

    /// <summary>A file's text, or null with a diagnostic when it cannot be read or is not valid UTF-8.</summary>
    public string? ReadText(string path)
    {
        if (ReadBytes(path) is not { } bytes) return null;
        try
        {
            return StrictUtf8.GetString(bytes);
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
    }

    /// <summary>The length of the longest prefix before <paramref name="offset"/> that decodes (backs off a cut character).</summary>
    private static int ValidPrefix(byte[] bytes, int offset)
    {
        for (var n = Math.Min(offset, bytes.Length); n > 0; n--)
        {
            try { StrictUtf8.GetCharCount(bytes, 0, n); return n; }
            catch (DecoderFallbackException) { }
        }
        return 0;
    }

    private bool IsInsideProject(string realPath)
    {
        static bool Within(string inner, string outer)
        {
            outer = Path.TrimEndingDirectorySeparator(RealPath(outer) ?? Path.GetFullPath(outer));
            return inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        return Within(realPath, paths.Root) || Within(realPath, paths.Content) || Within(realPath, paths.Templates);
    }

    /// <summary>The canonical path with every symbolic link resolved; null when a link is dangling or loops.</summary>
    internal static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? target.FullName : null;
        }
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved); }
        finally { System.Runtime.InteropServices.Marshal.FreeHGlobal(resolved); }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    private byte[]? Refuse(string display, string why)
    {
        diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(display), $"the file is not read: {why}");
        return null;
    }
}
