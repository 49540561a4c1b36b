using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering.Body;

namespace SiteGen.Checking;

/// <summary>
/// Checks the rendered site as a reader's browser would meet it: every internal link and
/// <c>#anchor</c> must lead to a page and an element that exist, and every page needs a title and a
/// description. The pages are parsed with AngleSharp, keeping source positions, so a problem is
/// reported at its line and column in the generated page.
/// </summary>
internal static class LinkChecker
{
    private sealed record Page(string Path, IReadOnlySet<string> Ids, IReadOnlyList<(string Url, SourceLocation Location)> Links);

    /// <param name="display">Turns an output path into the path shown in messages.</param>
    public static void Check(RenderedSite site, string basePath, Func<string, string> display, DiagnosticBag diagnostics)
    {
        var files = site.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var pages = new ConcurrentDictionary<string, Page>(StringComparer.Ordinal);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        Parallel.ForEach(site.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), file =>
        {
            var shown = display(file.Path);
            var document = parser.ParseDocument(Encoding.UTF8.GetString(file.Content));
            var ids = document.All.Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            var links = new List<(string, SourceLocation)>();
            foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src], img[src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                links.Add((url, At(shown, element)));
            }
            if (string.IsNullOrWhiteSpace(document.Title))
                diagnostics.Error(DiagnosticCodes.PageWithoutTitle, At(shown, document.Head ?? document.DocumentElement),
                    "the page has no <title>: give its template a title (the layout writes page.title)");
            var description = document.QuerySelector("meta[name=description]");
            if (string.IsNullOrWhiteSpace(description?.GetAttribute("content")))
                diagnostics.Error(DiagnosticCodes.PageWithoutDescription, At(shown, description ?? document.Head ?? document.DocumentElement),
                    "the page has no description: add a summary to its content file, or <meta name=\"description\"> to its template");
            pages[file.Path] = new Page(file.Path, ids, links);
        });

        foreach (var page in pages.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            foreach (var (url, location) in page.Links)
            {
                if (Resolve(url, page.Path, basePath) is not var (target, fragment)) continue;
                if (!files.Contains(target))
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"the link to '{url}' leads nowhere: there is no page {target} in the site");
                    continue;
                }
                if (fragment.Length > 0 && pages.TryGetValue(target, out var targetPage) && !targetPage.Ids.Contains(Uri.UnescapeDataString(fragment)))
                    diagnostics.Error(DiagnosticCodes.BrokenLink, location, $"the link to '{url}' leads nowhere: {target} has no element with id '{fragment}'");
            }
        }
    }

    private static SourceLocation At(string path, IElement element) =>
        element.SourceReference is { } source ? new SourceLocation(path, source.Position.Line, source.Position.Column) : SourceLocation.StartOf(path);

    /// <summary>The output file and fragment an internal link points to, or null for external links.</summary>
    internal static (string File, string Fragment)? Resolve(string url, string fromPage, string basePath)
    {
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal)) return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is not "file") return null;
        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? url[(hash + 1)..] : "";
        var path = hash >= 0 ? url[..hash] : url;
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        string relative;
        if (path.Length == 0) relative = fromPage;
        else if (path.StartsWith('/'))
        {
            if (!path.StartsWith(basePath, StringComparison.Ordinal)) return ("(outside the site) " + path, fragment);
            relative = path[basePath.Length..];
        }
        else
        {
            var folder = fromPage.Contains('/') ? fromPage[..(fromPage.LastIndexOf('/') + 1)] : "";
            relative = new Uri(new Uri("http://site/" + folder), path).AbsolutePath.TrimStart('/');
        }
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        return (Uri.UnescapeDataString(relative), fragment);
    }
}
