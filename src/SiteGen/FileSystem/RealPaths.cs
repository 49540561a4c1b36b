using System.Runtime.InteropServices;

namespace SiteGen.FileSystem;

/// <summary>
/// Where a path really leads, every symbolic link on the way resolved: what the reading of content, the writing of
/// the site and the commands that write content compare, so that no link can take them out of their folder.
/// </summary>
internal static class RealPaths
{
    /// <summary>The canonical path; null when a link is dangling or loops, or nothing is there.</summary>
    public static string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? target.FullName : Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    /// <summary>Where a path would really be, when it or its last folders do not exist yet: the real path of what exists, and the rest as given.</summary>
    public static string OfNew(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Of(full) is { } real) return real;
        var existing = full;
        while (Path.GetDirectoryName(existing) is { } parent && !Directory.Exists(existing)) existing = parent;
        return Of(existing) is { } realExisting ? Path.Combine(realExisting, Path.GetRelativePath(existing, full)) : full;
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or inside it (both real paths).</summary>
    public static bool IsWithin(string inner, string outer)
    {
        outer = Path.TrimEndingDirectorySeparator(outer);
        return inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
