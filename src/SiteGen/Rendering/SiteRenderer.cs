using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The third stage: renders every page of the analysed site through the templates, and adds the
/// static assets, all in memory. Pages are independent, so they render in parallel; the result is
/// sorted, so it does not depend on the number of cores.
/// </summary>
public sealed class SiteRenderer
{
    private readonly AnalysedSite _site;
    private readonly TemplateSet _templates;
    private readonly Urls _urls;
    private readonly SiteView _siteView;
    private readonly IReadOnlyDictionary<string, TextSummaryView> _summaries;
    private readonly List<OutputFile> _assets;
    private readonly DiagnosticBag _diagnostics;

    private SiteRenderer(AnalysedSite site, TemplateSet templates, string assetsFolder, DiagnosticBag diagnostics)
    {
        _site = site;
        _templates = templates;
        _diagnostics = diagnostics;
        _urls = new Urls(site.Site.Info.BaseUrl);
        _assets = ReadAssets(assetsFolder);
        var info = site.Site.Info;
        _siteView = new SiteView(info.Title, info.Description, info.Language, info.Repository, _urls.BasePath,
            AssetUrl("site.css"), AssetUrl("site.js"), info.Editors);
        _summaries = site.Site.Texts.ToDictionary(t => t.Slug, Summary, StringComparer.Ordinal);
    }

    public static RenderedSite Render(AnalysedSite site, TemplateSet templates, string assetsFolder, DiagnosticBag diagnostics) =>
        new SiteRenderer(site, templates, assetsFolder, diagnostics).RenderAll();

    private RenderedSite RenderAll()
    {
        var pages = new List<Func<OutputFile?>>
        {
            HomePage,
            () => Page("404.html", _urls.BasePath + "404.html", new PageView("Page not found", "This page does not exist.", _urls.BasePath + "404.html", _urls.Absolute(_urls.BasePath + "404.html"), "none"), new ScriptObject()),
        };
        var texts = _site.Site.Texts;
        for (var i = 0; i < texts.Count; i++)
        {
            var index = i;
            pages.Add(() => TextPage(index));
        }
        var files = new OutputFile?[pages.Count];
        Parallel.For(0, pages.Count, i => files[i] = pages[i]());
        var all = files.OfType<OutputFile>().Concat(_assets).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new RenderedSite(all);
    }

    private OutputFile? HomePage()
    {
        var model = new ScriptObject
        {
            ["introduction_html"] = NoteMarkdown.ToHtml(_site.Site.Info.Introduction),
            ["texts"] = _site.Site.Texts.Select(t => _summaries[t.Slug]).ToList(),
        };
        var info = _site.Site.Info;
        return Page("home.html", _urls.Home, new PageView(info.Title, info.Description, _urls.Home, _urls.Absolute(_urls.Home), "home"), model);
    }

    private OutputFile? TextPage(int index)
    {
        var texts = _site.Site.Texts;
        var text = texts[index];
        var source = text.Source is { } s
            ? new SourceView(s.Publisher, s.Published is { } p ? Dates.Iso(p) : null, s.Published is { } q ? Dates.Display(q) : null, s.Note, s.Url)
            : null;
        var view = new TextView(
            _summaries[text.Slug],
            source,
            BodyRenderer.Plain.Render(text.Blocks),
            index > 0 ? _summaries[texts[index - 1].Slug] : null,
            index < texts.Count - 1 ? _summaries[texts[index + 1].Slug] : null);
        var url = _urls.Text(text.Slug);
        var description = text.Summary ?? $"{text.Title} ({Dates.Display(text.Date)})";
        return Page("text.html", url, new PageView(text.Title, description, url, _urls.Absolute(url), "texts"), new ScriptObject { ["text_page"] = view });
    }

    /// <summary>Renders a page template, then the layout around it.</summary>
    private OutputFile? Page(string template, string url, PageView page, ScriptObject model)
    {
        model["site"] = _siteView;
        model["page"] = page;
        var content = _templates.Render(template, model, _diagnostics);
        if (content is null) return null;
        model["content"] = content;
        var html = _templates.Render("layout.html", model, _diagnostics);
        if (html is null) return null;
        var path = url.EndsWith(".html", StringComparison.Ordinal) ? url[_urls.BasePath.Length..] : _urls.FileFor(url);
        return new OutputFile(path, Encoding.UTF8.GetBytes(NormaliseNewlines(html)));
    }

    private static string NormaliseNewlines(string html) => html.Replace("\r\n", "\n");

    private TextSummaryView Summary(Text text) => new(
        text.Slug, text.Title, _urls.Text(text.Slug), Dates.Iso(text.Date), Dates.Display(text.Date),
        text.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        text.Author, text.Kind.ToString().ToLowerInvariant(), text.Venue, text.Summary, text.Paragraphs.Count);

    /// <summary>Asset URLs carry a hash of the file, so browsers never keep a stale stylesheet.</summary>
    private string AssetUrl(string name)
    {
        var file = _assets.FirstOrDefault(a => a.Path == "assets/" + name);
        var version = file is null ? "" : "?v=" + Convert.ToHexStringLower(SHA256.HashData(file.Content))[..10];
        return _urls.Asset(name) + version;
    }

    private static List<OutputFile> ReadAssets(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => new OutputFile("assets/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
    }
}
