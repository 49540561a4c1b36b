using System.Diagnostics;
using SiteGen.Analysis;
using SiteGen.Checking;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Exports;
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;
using SiteGen.FileSystem;

namespace SiteGen;

/// <summary>What a build was asked to do.</summary>
/// <param name="CheckLinks">Parse the rendered pages and check every internal link, anchor, title and description.</param>
/// <param name="Strict">Warnings stop the build too.</param>
/// <param name="KeepFiles">Also keep every rendered file in memory (<see cref="BuildResult.Rendered"/>); always so when nothing is written.</param>
/// <param name="Stencils">Fill the partials used thousands of times as stencils (<see cref="Rendering.Templates.Stencils"/>); off, Scriban renders every one: the pages must be the same.</param>
/// <param name="Previous">What the last build made (<see cref="BuildResult.Made"/>): a file none of whose declared inputs changed is taken from it.</param>
/// <param name="Remember">Keep what this build made, with its inputs' fingerprints, for the next (<see cref="BuildResult.Made"/>).</param>
internal sealed record BuildOptions(ProjectPaths Paths, string? BaseUrl = null, bool Clean = false, bool Write = true, bool CheckLinks = false, bool Strict = false,
    bool KeepFiles = false, BuildProgress? Progress = null, TemplateCache? Templates = null, bool Stencils = true, MadeFiles? Previous = null, bool Remember = false);

/// <summary>What a build did: the diagnostics of the whole run, and what it wrote.</summary>
/// <param name="Rendered">Every file, in memory, when the build kept them (<see cref="BuildOptions.KeepFiles"/>, or nothing written).</param>
/// <param name="Files">How many files the site has.</param>
/// <param name="Made">What the build made, for the next (<see cref="BuildOptions.Remember"/>).</param>
internal sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, AnalysedSite? Site, RenderedSite? Rendered, SiteWriter.Result? Written, TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages, int Files = 0, int PartialsLeftToScriban = 0, MadeFiles? Made = null)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>Whether the run passes: no errors, and under --strict no warnings either.</summary>
    public bool Passes(bool strict) => strict ? Diagnostics.Count == 0 : Succeeded;
}

/// <summary>
/// Runs the stages in order — load, analyse, render, write — and stops after any stage that
/// reported an error, so that nothing is written from content with mistakes in it. Rendering hands
/// each file to the output stage as soon as it is made, which writes it into a staging folder beside
/// the output: no page is held until the end, and the new site replaces the old one only once all of
/// it rendered without error (otherwise the staging folder is deleted, and the output is untouched).
/// </summary>
internal static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var paths = options.Paths;
        var stages = new List<(string, TimeSpan)>();
        var lap = Stopwatch.StartNew();
        void Lap(string stage) { stages.Add((stage, lap.Elapsed)); lap.Restart(); }
        var files = 0;
        TemplateSet? templates = null;
        MadeFiles? made = null;
        BuildResult Stop(AnalysedSite? analysed = null, RenderedSite? rendered = null, SiteWriter.Result? written = null) =>
            new(diagnostics.Sorted(), analysed, rendered, written, clock.Elapsed, stages, files, templates?.LeftToScriban ?? 0, made);

        // Templates are parsed alongside the content, so one run reports the problems of both.
        var site = ContentLoader.Load(paths, diagnostics);
        var theme = ThemeLoader.Load(paths, diagnostics);
        templates = theme is null ? null : options.Templates is { } cache ? cache.Parse(theme, diagnostics) : TemplateSet.Parse(theme, diagnostics, options.Stencils);
        Lap("load");
        if (site is null) return Stop();
        var progress = options.Progress;
        progress?.Loaded(site.Texts.Length);
        progress?.Enter("finding the concepts and anchoring the notes");

        if (options.BaseUrl is { } baseUrl)
        {
            if (!BaseUrl.TryNormalise(baseUrl, out var normalised))
            {
                diagnostics.Error(DiagnosticCodes.BadValue, new SourceLocation("--base-url", 1, 1),
                    $"'{baseUrl}' is neither a path such as /sitegen/ nor an http(s) URL");
                return Stop();
            }
            site = site with { Info = site.Info with { BaseUrl = normalised } };
        }

        if (site.Info is { Feed: true, PublishedUrl: null })
        {
            diagnostics.Error(DiagnosticCodes.FeedWithoutAddress, site.Info.FeedLocation,
                "'feed: true' needs the address where the edition is published, for the feed's absolute links: " +
                "add 'url: https://…/' to content/site.yml or build with --base-url https://…/, or set 'feed: false'");
        }

        // Analysis runs even when some files had errors, on what did load, so that a contributor
        // sees the problems of the concepts and annotations too; nothing is rendered then.
        var analysed = SiteAnalyser.Analyse(site, diagnostics, Lap);
        if (templates is null || diagnostics.HasErrors) return Stop(analysed);

        // The output is opened (checked, locked, a staging folder made) before the rendering that fills it.
        using var staging = options.Write ? SiteWriter.Open(paths, options.Clean, diagnostics) : null;
        if (diagnostics.HasErrors) return Stop(analysed);
        var memory = !options.Write || options.KeepFiles || options.CheckLinks ? new MemorySink() : null;
        var counted = new Counter(progress);
        IFileSink sink = (staging, memory) switch
        {
            ({ } s, { } m) => new Tee(s, m, counted),
            ({ } s, null) => new Tee(s, counted),
            (null, { } m) => new Tee(m, counted),
            _ => counted,
        };

        progress?.Enter("rendering the pages");
        var fingerprints = options.Remember || options.Previous is not null ? Fingerprints.Of(analysed, theme!) : null;
        made = SiteRenderer.Render(analysed, templates, theme!.Assets, sink, diagnostics, fingerprints, options.Previous);
        Lap("render and write pages");
        progress?.Enter("building the search index");
        SearchIndex.Build(analysed, new Urls(analysed.Site.Info), sink);
        Lap("search index");
        files = counted.Count;
        var rendered = memory?.ToSite();
        if (diagnostics.HasErrors) return Stop(analysed, rendered);

        if (options.CheckLinks)
        {
            LinkChecker.Check(rendered!, BaseUrl.PathOf(site.Info.BaseUrl), file => paths.Display(Path.Combine(paths.Output, file)), diagnostics);
            Lap("check links");
        }
        if (diagnostics.HasErrors || staging is null || (options.Strict && diagnostics.Count > 0)) return Stop(analysed, rendered);

        progress?.Enter("swapping in the new site");
        var written = staging.Commit(diagnostics);
        Lap("swap in the new site");
        return Stop(analysed, rendered, written);
    }

    /// <summary>Counts the files of the site.</summary>
    private sealed class Counter(BuildProgress? progress) : IFileSink
    {
        private int _count;
        public int Count => _count;
        public void Add(OutputFile file)
        {
            Interlocked.Increment(ref _count);
            progress?.FileDone(file.Path.StartsWith("texts/", StringComparison.Ordinal) && file.Path.EndsWith("/index.html", StringComparison.Ordinal));
        }
    }
}
