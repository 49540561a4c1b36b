using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// A corpus with script payloads in every field and body that the generator accepts (as text),
/// built and then read in Chromium: every page loaded with alert, confirm and prompt trapped,
/// every element with an event-handler attribute hovered, focused and clicked, every link
/// clicked. Nothing may run. Constructs the generator refuses (raw HTML, script links,
/// attributes) are checked as diagnostics in ProseTests and HardeningTests.
/// </summary>
public class HostileContentTests : IClassFixture<HostileContentTests.Hostile>
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

    /// <summary>The corpus, built once for the run; its pages in the run's Chromium.</summary>
    public sealed class Hostile() : BrowserFixture(() => Corpus.Value);

    private static readonly Lazy<Task<BuiltSite>> Corpus = new(() => Task.Run(() =>
    {
        var site = new TempSite(withDefaults: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
        var slug = "2021-05-28-hostile";
        site.Write("content/site.yml",
            $"title: {Yaml("Edition " + All)}\ndescription: {Yaml(All)}\nlanguage: en\nrepository: https://example.org/repo\neditors: [{Yaml(Payloads[0])}, {Yaml(Payloads[1])}]\nintroduction: |\n  {Md(All)}\n");
        site.Write($"content/texts/{slug}.md",
            $"---\ntitle: {Yaml("Text " + All)}\ndate: 2021-05-28\nauthor: {Yaml(All)}\nkind: speech\nvenue: {Yaml(All)}\nsummary: {Yaml(All)}\n" +
            $"source:\n  publisher: {Yaml(All)}\n  published: 2021-06-01\n  note: {Yaml(All)}\n  url: \"https://example.org/a?b=1&c=%22%3E%3Cscript%3Ealert(15)%3C/script%3E\"\n---\n" +
            $"## Heading {Md(All)}\n\nThe self-reliance paragraph names {Md(All)} and the words to annotate here.\n\n- A list item {Md(Payloads[2])}\n\n> A quotation {Md(Payloads[3])}\n\nA caption {Md(Payloads[1])} {{.caption}}\n\nSelf-reliance again, with a [link](https://example.org/x?q=%3Cscript%3E).\n");
        site.Write("content/texts/2022-01-01-other.md", "---\ntitle: Other\ndate: 2022-01-01\nkind: news\n---\nSelf-reliance in another text.\n");
        site.Write("content/concepts/self-reliance.md",
            $"---\ntitle: {Yaml("Self-reliance")}\naliases: [{Yaml("the words to annotate")}]\ncategory: policy-goal\n---\nCommentary {Md(All)}, see [[self-reliance]].\n");
        site.Write($"content/annotations/{slug}/hostile.md",
            $"---\ntext: {slug}\nquote: \"the words to annotate\"\nkind: correction\ncorrection: {Yaml(All)}\nconcepts: [self-reliance]\nauthor: {Yaml(All)}\ndate: 2026-11-22\n---\nA note {Md(All)}.\n");
        return Editions.Build("hostile", site.Root, site.Content);
    }));

    /// <summary>How many hostile inputs the corpus holds: each payload in about twenty fields.</summary>
    private static readonly int Inputs = 20 * Payloads.Length;

    private readonly Hostile _hostile;
    public HostileContentTests(Hostile hostile) => _hostile = hostile;

    /// <summary>
    /// On the page: every element that carries a handler attribute (none should) hovered, focused and clicked; every
    /// link clicked (its page's own click handlers run; the navigation itself is held back: each page is visited
    /// anyway) and each link to a place in the page followed. What the reader can do, in one call.
    /// </summary>
    private const string Interact = """
        async () => {
          const found = [], hrefs = [];
          window.addEventListener('click', e => e.preventDefault());
          for (const e of document.querySelectorAll('*')) {
            const handlers = [...e.attributes].map(a => a.name).filter(n => n.startsWith('on'));
            if (handlers.length === 0) continue;
            found.push(e.tagName + ' ' + handlers.join(','));
            for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle']) e.dispatchEvent(new Event(type, { bubbles: true }));
            if (e.focus) e.focus();
          }
          for (const a of document.querySelectorAll('a[href]')) {
            const href = a.getAttribute('href');
            hrefs.push(href);
            a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
            if (href.startsWith('#')) location.hash = href;
          }
          // What the handlers started (an image's error, a timer) has its turn before the page is left.
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          return { found, hrefs };
        }
        """;

    [SkippableFact]
    public async Task No_payload_in_any_field_runs_on_any_page_whatever_the_reader_does()
    {
        Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);
        var pages = _hostile.Built.Pages().Concat(["/404.html"]).ToList();
        Assert.True(pages.Count >= 7, string.Join(", ", pages));
        var executions = new List<string>();
        var handlers = 0;
        var clicks = 0;
        await Task.WhenAll(pages.Select(async path =>
        {
            var page = await _hostile.Browser.OpenAsync(_hostile.Output);
            page.Dialog += async (_, dialog) => { lock (executions) executions.Add($"{path}: {dialog.Type} {dialog.Message}"); await dialog.DismissAsync(); };
            await page.ExposeFunctionAsync("__sitegenRan", (string what) => { lock (executions) executions.Add($"{path}: {what}"); });
            await page.AddInitScriptAsync("for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (m) => window.__sitegenRan(f + ' ' + m);");
            await page.GotoAsync(Support.Browser.Origin + path);
            var done = await page.EvaluateAsync<System.Text.Json.JsonElement>(Interact);
            lock (executions)
            {
                foreach (var e in done.GetProperty("found").EnumerateArray()) { handlers++; executions.Add($"{path}: an element carries {e.GetString()}"); }
                foreach (var href in done.GetProperty("hrefs").EnumerateArray().Select(h => h.GetString()!))
                {
                    clicks++;
                    if (!href.StartsWith("https://", StringComparison.Ordinal) && !href.StartsWith('/') && !href.StartsWith('#')) executions.Add($"{path}: a link to {href}");
                }
            }
            await page.CloseAsync();
        }));
        Assert.True(executions.Count == 0, $"{Inputs} hostile inputs, {pages.Count} pages, {handlers} elements with handlers, {clicks} links clicked; executions:\n" + string.Join("\n", executions.Distinct()));
        Assert.True(clicks > 30, $"only {clicks} links were clicked");
        // The payloads reached the pages, as text.
        var text = await File.ReadAllTextAsync(Path.Combine(_hostile.Output, "texts", "2021-05-28-hostile", "index.html"));
        Assert.Contains("&lt;svg/onload=alert(3)&gt;", text);
        Assert.Contains("{{ 7*7 }}", text);
    }
}
