using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Templates;

namespace SiteGen.Rendering;

/// <summary>
/// The third stage: the catalogue of the site's page kinds. Each kind plans its files, each with the inputs it is made
/// from; the pages are independent, so they are made side by side and each is handed at once to the sink, so that none
/// waits in memory. The files' order does not depend on the number of cores: the sink sorts or the writer places them.
/// </summary>
internal static class SiteRenderer
{
    /// <summary>Every file of the site, planned: the HTML pages, then the data files beside them, then the assets.</summary>
    public static IReadOnlyList<PlannedFile> Plan(AnalysedSite site, TemplateSet templates, IReadOnlyList<OutputFile> assets, DiagnosticBag diagnostics)
    {
        var r = new RenderContext(site, templates, assets, diagnostics);
        IPageKind[] kinds =
        [
            new HomePage(r), new YearPages(r), new TextPages(r), new ConceptIndexPage(r), new ConceptPages(r), new ConceptTextPages(r),
            new NotePages(r), new GlossaryPage(r), new TimelinePage(r), new SearchPage(r), new NotFoundPage(r),
            new TextFiles(r), new NoteCollection(r), new ConceptPreviews(r), new ConcordanceFiles(r), new AssetFiles(r),
        ];
        var files = kinds.SelectMany(k => k.Plan()).ToList();
        files.AddRange(new DiscoveryFiles(r, [.. files.Select(f => f.Path)]).Plan());
        return files;
    }

    /// <summary>Renders every page and file of the site into <paramref name="sink"/>, each as soon as it is made.</summary>
    /// <param name="previous">What the last build made: a file whose inputs have the same <paramref name="fingerprints"/> is taken from it, not made again.</param>
    /// <returns>What this build made, with <paramref name="fingerprints"/>, for the next build; null without them.</returns>
    public static MadeFiles? Render(AnalysedSite site, TemplateSet templates, IReadOnlyList<OutputFile> assets, IFileSink sink, DiagnosticBag diagnostics,
        FrozenDictionary<string, string>? fingerprints = null, MadeFiles? previous = null)
    {
        var files = Plan(site, templates, assets, diagnostics);
        // What was made is kept only for a build that remembers it (serve): otherwise each file leaves memory once handed on.
        var made = fingerprints is null ? null : new OutputFile?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = (fingerprints is null ? null : previous?.Unchanged(files[i], fingerprints)) ?? files[i].Make();
            if (file is null) return;
            if (made is not null) made[i] = file;
            sink.Add(file);
        });
        if (made is null || fingerprints is null) return null;
        return new MadeFiles(fingerprints, files.Select((f, i) => (f, i)).Where(x => made[x.i] is not null)
            .ToFrozenDictionary(x => x.f.Path, x => (x.f.Inputs, made[x.i]!), StringComparer.Ordinal));
    }
}
