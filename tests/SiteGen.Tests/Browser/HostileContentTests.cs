using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// A corpus with script payloads in every field and body that the generator accepts (as text),
/// built and then read in Chromium: every page loaded with alert, confirm and prompt trapped,
/// every element with an event-handler attribute hovered, focused and clicked, every link
/// clicked. Nothing may run. Constructs the generator refuses (raw HTML, script links,
/// attributes) are checked as diagnostics in EditorialMarkdownTests and HardeningTests.
/// </summary>
public class HostileContentTests : IAsyncLifetime
{
    /// <summary>Each payload calls alert with its own number, so a failure names the payload.</summary>
    public static readonly string[] Payloads =
    [
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(2)>",
        "<svg/onload=alert(3)>",
        "\" onmouseover=\"alert(4)\" x=\"",
        "javascript:alert(5)",
        "<iframe src=\"javascript:alert(6)\"></iframe>",
        "<object data=\"javascript:alert(7)\"></object><embed src=\"javascript:alert(8)\">",
        "</title><script>alert(9)</script>",
        "{{ 7*7 }}{{ alert(10) }}",
        "expression(alert(11)) url(javascript:alert(12))",
        "<a href=\"javascript:alert(13)\">x</a>",
        "<details open ontoggle=alert(14)>",
    ];

    private static string All => string.Join(" ", Payloads);

    /// <summary>For YAML double-quoted strings.</summary>
    private static string Yaml(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>For Markdown: every payload as literal text (backslash-escaped, so that it is not raw HTML).</summary>
    private static string Md(string s) => s.Replace("\\", "\\\\").Replace("<", "\\<").Replace("[", "\\[").Replace("*", "\\*").Replace("`", "\\`").Replace("_", "\\_").Replace("{", "\\{");

    private readonly Support.Browser _browser = new();
    private readonly TempSite _site = new(withDefaults: false);
    private int _inputs;

    public async Task InitializeAsync()
    {
        var slug = "2021-05-28-hostile";
        _site.Write("content/site.yml",
            $"title: {Yaml("Edition " + All)}\ndescription: {Yaml(All)}\nlanguage: en\nrepository: https://example.org/repo\neditors: [{Yaml(Payloads[0])}, {Yaml(Payloads[1])}]\nintroduction: |\n  {Md(All)}\n");
        _site.Write($"content/texts/{slug}.md",
            $"---\ntitle: {Yaml("Text " + All)}\ndate: 2021-05-28\nauthor: {Yaml(All)}\nkind: speech\nvenue: {Yaml(All)}\nsummary: {Yaml(All)}\n" +
            $"source:\n  publisher: {Yaml(All)}\n  published: 2021-06-01\n  note: {Yaml(All)}\n  url: \"https://example.org/a?b=1&c=%22%3E%3Cscript%3Ealert(15)%3C/script%3E\"\n---\n" +
            $"## Heading {Md(All)}\n\nThe self-reliance paragraph names {Md(All)} and the words to annotate here.\n\n- A list item {Md(Payloads[2])}\n\n> A quotation {Md(Payloads[3])}\n\nA caption {Md(Payloads[1])} {{.caption}}\n\nSelf-reliance again, with a [link](https://example.org/x?q=%3Cscript%3E).\n");
        _site.Write($"content/texts/2022-01-01-other.md", "---\ntitle: Other\ndate: 2022-01-01\nkind: news\n---\nSelf-reliance in another text.\n");
        _site.Write("content/concepts/self-reliance.md",
            $"---\ntitle: {Yaml("Self-reliance")}\naliases: [{Yaml("the words to annotate")}]\ncategory: policy-goal\n---\nCommentary {Md(All)}, see [[self-reliance]].\n");
        _site.Write($"content/annotations/{slug}/hostile.md",
            $"---\ntext: {slug}\nquote: \"the words to annotate\"\nkind: correction\ncorrection: {Yaml(All)}\nconcepts: [self-reliance]\nauthor: {Yaml(All)}\ndate: 2026-11-22\n---\nA note {Md(All)}.\n");
        _inputs = 20 * Payloads.Length;
        var result = SiteBuilder.Build(new BuildOptions(_site.Paths(), BaseUrl: Support.Browser.Origin + "/"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _site.Dispose();
    }

    /// <summary>A fresh page at <paramref name="url"/> where alert, confirm and prompt report to <paramref name="executions"/>.</summary>
    private async Task<IPage> Open(string path, string url, List<string> executions)
    {
        var page = await _browser.OpenAsync(_site.Output);
        page.Dialog += async (_, dialog) => { lock (executions) executions.Add($"{path}: {dialog.Type} {dialog.Message}"); await dialog.DismissAsync(); };
        // Reported through a binding that outlives navigations, so a payload that runs as a link is followed still counts.
        await page.ExposeFunctionAsync("__sitegenRan", (string what) => { lock (executions) executions.Add($"{path}: {what}"); });
        await page.AddInitScriptAsync("for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (m) => window.__sitegenRan(f + ' ' + m);");
        await page.GotoAsync(url);
        return page;
    }

    [SkippableFact]
    public async Task No_payload_in_any_field_runs_on_any_page_whatever_the_reader_does()
    {
        Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);
        var pages = Directory.GetFiles(_site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(_site.Output, f).Replace('\\', '/').Replace("index.html", ""))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 7, string.Join(", ", pages));
        var executions = new List<string>();
        var handlers = 0;
        var clicks = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in pages)
        {
            var url = Support.Browser.Origin + path;
            var page = await Open(path, url, executions);
            foreach (var element in await page.QuerySelectorAllAsync("*"))
            {
                var names = await element.EvaluateAsync<string[]>("e => [...e.attributes].map(a => a.name).filter(n => n.startsWith('on'))");
                if (names.Length == 0) continue;
                handlers++;
                executions.Add($"{path}: an element carries {string.Join(", ", names)}");
                await element.HoverAsync(new ElementHandleHoverOptions { Force = true, Timeout = 2000 });
                await element.FocusAsync();
                await element.ClickAsync(new ElementHandleClickOptions { Force = true, Timeout = 2000 });
            }
            var hrefs = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
            foreach (var href in hrefs.Distinct(StringComparer.Ordinal))
            {
                if (!href.StartsWith("https://", StringComparison.Ordinal) && !href.StartsWith('/') && !href.StartsWith('#'))
                {
                    executions.Add($"{path}: a link to {href}");
                    continue;
                }
                // An outside address runs nothing of ours.
                if (href.StartsWith("https://", StringComparison.Ordinal)) continue;
                var target = new Uri(new Uri(url), href);
                var targetPage = target.GetLeftPart(UriPartial.Query);
                var isPage = target.AbsolutePath.EndsWith('/') || target.AbsolutePath.EndsWith(".html", StringComparison.Ordinal);
                // The first link to each other page is followed from a fresh copy of this one, and the page it leads to
                // is given the time to load and run. Every other link is clicked here: the page's own click handlers run,
                // and a link to a place in the page is followed; one to a page already followed (this one included), or to a file
                // that is downloaded (a citation, an export), is held back once the handlers have run (every page is loaded above anyway).
                var follow = isPage && targetPage != url && followed.Add(targetPage);
                var clicked = follow ? await Open(path, url, executions) : page;
                try
                {
                    await clicked.EvaluateAsync("""
                        ([href, hold]) => {
                          if (hold) window.addEventListener('click', e => e.preventDefault(), { once: true });
                          // A click event rather than click(), which links in SVG figures (the timeline's) do not have.
                          [...document.querySelectorAll('a[href]')].find(a => a.getAttribute('href') === href)
                            .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
                        }
                        """, new object[] { href, !follow && (targetPage != url || target.Fragment.Length == 0) });
                }
                catch (PlaywrightException ex)
                {
                    if (!follow) throw new InvalidOperationException($"{path}: clicking {href} left the page", ex);
                    // The page went away as the link was followed, before the script returned.
                }
                clicks++;
                if (!follow)
                {
                    // Whatever the click did, the next one starts from this page as it was loaded.
                    if (new Uri(page.Url).GetLeftPart(UriPartial.Query) != url) { await page.CloseAsync(); page = await Open(path, url, executions); }
                    continue;
                }
                try
                {
                    // A payload that runs reports through the binding either way.
                    await clicked.WaitForURLAsync(target.ToString(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = 10_000 });
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    // A slow machine is not an execution.
                }
                await clicked.CloseAsync();
            }
            await page.CloseAsync();
        }
        Assert.True(executions.Count == 0, $"{_inputs} hostile inputs, {pages.Count} pages, {handlers} elements with handlers, {clicks} links clicked; executions:\n" + string.Join("\n", executions.Distinct()));
        Assert.True(clicks > 30, $"only {clicks} links were clicked");
        // The payloads reached the pages, as text.
        var text = await File.ReadAllTextAsync(Path.Combine(_site.Output, "texts", "2021-05-28-hostile", "index.html"));
        Assert.Contains("&lt;svg/onload=alert(3)&gt;", text);
        Assert.Contains("{{ 7*7 }}", text);
    }
}
