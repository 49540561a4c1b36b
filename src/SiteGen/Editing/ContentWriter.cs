using System.Text;
using SiteGen.Loading;

namespace SiteGen.Editing;

/// <summary>
/// The one way the commands that write content (<c>new</c>, <c>import hypothesis</c>, <c>check --accept-drift</c>)
/// put a file a person will edit: only inside the folder it belongs in, never through a symbolic link (which
/// could lead anywhere), and whole: the text goes to a temporary file beside it, which then takes its name in one
/// step, so that a full disk or a killed command leaves the old file as it was.
/// </summary>
internal static class ContentWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Why <paramref name="file"/> may not be written as a file of <paramref name="folder"/>; null when it may.</summary>
    public static string? Refusal(string file, string folder)
    {
        var full = Path.GetFullPath(file);
        if (new FileInfo(full).LinkTarget is not null)
            return "it is a symbolic link, and SiteGen writes no file through one: replace the link with the file itself";
        // The folders on the way may be links too: where the file really is counts.
        var parent = Path.GetDirectoryName(full)!;
        var existing = parent;
        while (!Directory.Exists(existing)) existing = Path.GetDirectoryName(existing)!;
        var realParent = Path.Combine(ContentFiles.RealPath(existing) ?? existing, Path.GetRelativePath(existing, parent));
        var realFolder = ContentFiles.RealPath(folder) ?? Path.GetFullPath(folder);
        realParent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(realParent));
        realFolder = Path.TrimEndingDirectorySeparator(realFolder);
        if (realParent != realFolder && !realParent.StartsWith(realFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return $"it is not in {folder} once symbolic links are followed";
        return null;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/> whole; null on success, else what went wrong, said for the person who ran the command.</summary>
    public static string? Write(string file, string folder, string text)
    {
        if (Refusal(file, folder) is { } why) return why;
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "." + Path.GetFileName(file) + ".sitegen-tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(temporary, text, Utf8);
            File.Move(temporary, file, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            return $"it could not be written ({ex.Message.TrimEnd('.')}); the file is as it was";
        }
    }
}
