using SiteGen.Diagnostics;
using SiteGen.Model;
using Path = System.IO.Path;
using SiteGen.FileSystem;

namespace SiteGen.Loading;

/// <summary>
/// The first stage: reads everything under <c>content/</c> into an immutable <see cref="Site"/>.
/// Every problem found is added to the diagnostics; a file with errors is left out of the site.
/// </summary>
internal static class ContentLoader
{
    /// <summary>Annotations live in one folder per text: content/annotations/&lt;text-slug&gt;/&lt;name&gt;.md.</summary>
    private static List<Note> LoadAnnotations(ProjectPaths paths, ContentFiles reader, System.Collections.Concurrent.ConcurrentDictionary<string, string> digests, DiagnosticBag diagnostics)
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
        {
            if (reader.ReadText(files[i].File) is not { } text || NoteLoader.Load(paths.Display(files[i].File), files[i].Folder, text, diagnostics) is not { } note) return;
            annotations[i] = note;
            digests[Inputs.Note(note.Id)] = Inputs.Digest(text);
        });
        return annotations.OfType<Note>().ToList();
    }

    public static Site? Load(ProjectPaths paths, DiagnosticBag diagnostics)
    {
        var reader = new ContentFiles(paths, paths.Content, diagnostics);
        // Each file's digest, by its input's name: what an incremental build compares.
        var digests = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var siteFile = Path.Combine(paths.Content, "site.yml");
        SiteInfo? info = null;
        if (File.Exists(siteFile) || new FileInfo(siteFile).LinkTarget is not null)
        {
            var siteText = reader.ReadText(siteFile);
            info = siteText is null ? null : SiteInfoLoader.Load(paths.Display(siteFile), siteText, diagnostics);
            if (info is not null) digests[Inputs.Site] = Inputs.Digest(siteText!);
        }
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
        {
            if (reader.ReadText(files[i]) is not { } content || TextLoader.Load(paths.Display(files[i]), content, diagnostics) is not { } text) return;
            texts[i] = text;
            digests[Inputs.Text(text.Slug)] = Inputs.Digest(content);
        });

        var conceptFiles = reader.List(Path.Combine(paths.Content, "concepts"), "*.md");
        var concepts = new Concept?[conceptFiles.Count];
        Parallel.For(0, conceptFiles.Count, i =>
        {
            if (reader.ReadText(conceptFiles[i]) is not { } content || ConceptLoader.Load(paths.Display(conceptFiles[i]), content, diagnostics) is not { } concept) return;
            concepts[i] = concept;
            digests[Inputs.Concept(concept.Id)] = Inputs.Digest(content);
        });

        var annotations = LoadAnnotations(paths, reader, digests, diagnostics);

        if (info is null) return null;
        return new Site
        {
            Info = info,
            Texts = texts.OfType<Text>()
                .OrderBy(t => t.Date).ThenBy(t => t.Slug, StringComparer.Ordinal)
                .ToImmutableArray(),
            Concepts = concepts.OfType<Concept>().OrderBy(c => c.Id, StringComparer.Ordinal).ToImmutableArray(),
            Notes = [.. annotations],
            Digests = digests.ToFrozenDictionary(StringComparer.Ordinal),
            UnloadedTexts = files.Where((_, i) => texts[i] is null).Select(f => Path.GetFileNameWithoutExtension(f)).ToFrozenSet(StringComparer.Ordinal),
        };
    }
}
