using SiteGen.Diagnostics;
using SiteGen.Model;
using Path = System.IO.Path;

namespace SiteGen.Loading;

/// <summary>
/// The first stage: reads everything under <c>content/</c> into an immutable <see cref="Site"/>.
/// Every problem found is added to the diagnostics; a file with errors is left out of the site.
/// </summary>
internal static class ContentLoader
{
    /// <summary>Annotations live in one folder per text: content/annotations/&lt;text-slug&gt;/&lt;name&gt;.md.</summary>
    private static List<Note> LoadAnnotations(ProjectPaths paths, ContentFiles reader, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(paths.Content, "annotations");
        if (!Directory.Exists(folder)) return [];
        foreach (var stray in reader.List(folder, "*.md"))
            diagnostics.Error(DiagnosticCodes.MisplacedFile, SourceLocation.StartOf(paths.Display(stray)),
                "an annotation must be in the folder of its text: move it to content/annotations/<text-slug>/");
        var files = reader.Folders(folder)
            .SelectMany(d => reader.List(d, "*.md").Select(f => (Folder: Path.GetFileName(d), File: f))).ToArray();
        var annotations = new Note?[files.Length];
        Parallel.For(0, files.Length, i =>
            annotations[i] = reader.ReadText(files[i].File) is { } text ? NoteLoader.Load(paths.Display(files[i].File), files[i].Folder, text, diagnostics) : null);
        return annotations.OfType<Note>().ToList();
    }

    public static Site? Load(ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var reader = new ContentFiles(paths, paths.Content, diagnostics);
        var siteFile = Path.Combine(paths.Content, "site.yml");
        SiteInfo? info = null;
        if (File.Exists(siteFile) || new FileInfo(siteFile).LinkTarget is not null)
            info = reader.ReadText(siteFile) is { } siteText ? SiteInfoLoader.Load(paths.Display(siteFile), siteText, diagnostics) : null;
        else
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(paths.Display(siteFile)),
                "there is no site.yml: create it with at least 'title:' and 'description:'");

        var textsFolder = Path.Combine(paths.Content, "texts");
        var files = reader.List(textsFolder, "*.md");
        if (files.Count == 0)
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.StartOf(paths.Display(textsFolder)),
                "there are no texts: add one Markdown file per text to content/texts/");

        var texts = new Text?[files.Count];
        Parallel.For(0, files.Count, i =>
            texts[i] = reader.ReadText(files[i]) is { } text ? TextLoader.Load(paths.Display(files[i]), text, diagnostics) : null);

        var conceptFiles = reader.List(Path.Combine(paths.Content, "concepts"), "*.md");
        var concepts = new Concept?[conceptFiles.Count];
        Parallel.For(0, conceptFiles.Count, i =>
            concepts[i] = reader.ReadText(conceptFiles[i]) is { } text ? ConceptLoader.Load(paths.Display(conceptFiles[i]), text, diagnostics) : null);

        var annotations = LoadAnnotations(paths, reader, diagnostics);

        if (info is null) return null;
        return new Site
        {
            Info = info,
            Texts = texts.OfType<Text>()
                .OrderBy(t => t.Date).ThenBy(t => t.Slug, StringComparer.Ordinal)
                .ToImmutableArray(),
            Concepts = concepts.OfType<Concept>().OrderBy(c => c.Id, StringComparer.Ordinal).ToImmutableArray(),
            Annotations = [.. annotations],
            UnloadedTexts = files.Where((_, i) => texts[i] is null).Select(f => Path.GetFileNameWithoutExtension(f)).ToFrozenSet(StringComparer.Ordinal),
        };
    }
}
