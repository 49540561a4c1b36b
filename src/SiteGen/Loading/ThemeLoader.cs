using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.FileSystem;

namespace SiteGen.Loading;

/// <summary>Reads <c>templates/</c>: the Scriban templates as text, and the assets as bytes, through <see cref="ContentFiles"/>.</summary>
internal static class ThemeLoader
{
    public static Theme? Load(ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var folder = paths.Templates;
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.TemplateMissing, SourceLocation.StartOf(paths.Display(folder)),
                "the templates folder does not exist: pass --templates or restore templates/");
            return null;
        }
        var reader = new ContentFiles(paths, folder, diagnostics);
        string NameOf(string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');
        var templates = reader.List(folder, "*.html", recursive: true)
            .Where(f => !NameOf(f).StartsWith("assets/", StringComparison.Ordinal))
            .Select(f => reader.ReadText(f) is { } text ? new TemplateSource(NameOf(f), text.Replace("\r\n", "\n"), paths.Display(f)) : null)
            .ToList();
        var assets = reader.List(Path.Combine(folder, "assets"), "*", recursive: true)
            .Select(f => reader.ReadBytes(f) is { } bytes ? new OutputFile(NameOf(f), bytes) : null)
            .ToList();
        if (templates.Contains(null) || assets.Contains(null)) return null;
        return new Theme { Templates = [.. templates!], Assets = [.. assets!], DisplayFolder = paths.Display(folder) };
    }
}
