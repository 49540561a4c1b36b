using System.Diagnostics;
using SiteGen.Analysis;
using SiteGen.Checking;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Output;
using SiteGen.Rendering;

namespace SiteGen;

/// <summary>What a build was asked to do.</summary>
/// <param name="CheckLinks">Parse the rendered pages and check every internal link, anchor, title and description.</param>
/// <param name="Strict">Warnings stop the build too.</param>
internal sealed record BuildOptions(ProjectPaths Paths, string? BaseUrl = null, bool Clean = false, bool Write = true, bool CheckLinks = false, bool Strict = false);

/// <summary>What a build did: the diagnostics of the whole run, and what it wrote.</summary>
internal sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, AnalysedSite? Site, RenderedSite? Rendered, SiteWriter.Result? Written, TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>Whether the run passes: no errors, and under --strict no warnings either.</summary>
    public bool Passes(bool strict) => strict ? Diagnostics.Count == 0 : Succeeded;
}

/// <summary>
/// Runs the stages in order — load, analyse, render, write — and stops after any stage that
/// reported an error, so that nothing is written from content with mistakes in it.
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
        BuildResult Stop(AnalysedSite? analysed = null, RenderedSite? rendered = null, SiteWriter.Result? written = null) =>
            new(diagnostics.Sorted(), analysed, rendered, written, clock.Elapsed, stages);

        var warming = HtmlSanitizer.WarmUp();
        // Templates are parsed alongside the content, so one run reports the problems of both.
        var site = ContentLoader.Load(paths, diagnostics);
        var theme = ThemeLoader.Load(paths, diagnostics);
        var templates = theme is null ? null : TemplateSet.Parse(theme, diagnostics);
        Lap("load");
        if (site is null) return Stop();

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

        warming.Wait();
        var rendered = SiteRenderer.Render(analysed, templates, theme!.Assets, diagnostics);
        Lap("render");
        var search = SearchIndex.Build(analysed, new Urls(analysed.Site.Info));
        rendered = new RenderedSite([.. rendered.Files.Concat(search).OrderBy(f => f.Path, StringComparer.Ordinal)]);
        Lap("render: search index");
        if (diagnostics.HasErrors) return Stop(analysed, rendered);

        if (options.CheckLinks)
        {
            LinkChecker.Check(rendered, BaseUrl.PathOf(site.Info.BaseUrl), file => paths.Display(Path.Combine(paths.Output, file)), diagnostics);
            Lap("check links");
        }
        if (diagnostics.HasErrors || !options.Write || (options.Strict && diagnostics.Count > 0)) return Stop(analysed, rendered);

        var written = SiteWriter.Write(rendered, paths, options.Clean, diagnostics);
        Lap("write");
        return Stop(analysed, rendered, written);
    }
}
