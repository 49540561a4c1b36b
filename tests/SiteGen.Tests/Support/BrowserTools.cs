namespace SiteGen.Tests.Support;

/// <summary>
/// npm tools that browser tests inject into pages (<c>tests/SiteGen.Tests/Browser/tools</c>,
/// installed by <c>npm ci &amp;&amp; npm run build</c> there, as <c>.ci/run</c> does): tests that
/// need them are skipped until they are installed, except in CI, where their absence fails them.
/// </summary>
public static class BrowserTools
{
    public static string Folder { get; } = Path.Combine(Repo.TestsFolder, "Browser", "tools");

    /// <summary>Hypothesis's dom-anchor-text-quote and Apache Annotator's matchers, as <c>window.anchoring</c>.</summary>
    public static string AnchoringClient { get; } = Path.Combine(Folder, "dist", "anchoring.js");

    /// <summary>Citation.js reading BibTeX and CSL-JSON, as <c>window.citations.read(text)</c>.</summary>
    public static string CitationReader { get; } = Path.Combine(Folder, "dist", "citations.js");

    /// <summary>axe-core, as <c>window.axe</c>.</summary>
    public static string Axe { get; } = Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    public static void SkipUnlessInstalled(string tool)
    {
        Skip.If(Browser.SkipReason is not null, Browser.SkipReason);
        if (File.Exists(tool)) return;
        const string Install = "npm ci && npm run build in tests/SiteGen.Tests/Browser/tools";
        if (Environment.GetEnvironmentVariable("SITEGEN_REQUIRE_BROWSER") == "1") Assert.Fail($"{Path.GetFileName(tool)} is not installed: run {Install}");
        Skip.If(true, $"{Path.GetFileName(tool)} is not installed ({Install})");
    }

    /// <summary>
    /// axe-core's violations of WCAG 2.0–2.2 A/AA and its best practices on <paramref name="page"/>, within the elements
    /// <paramref name="include"/> selects (the whole document when null), each as "rule: the first elements"; only the
    /// rules of <paramref name="rules"/> when given.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(Microsoft.Playwright.IPage page, string? include = null, IReadOnlyList<string>? rules = null)
    {
        // Loaded from the site's origin as a cacheable script, so that Chromium compiles it once, not once a page.
        if (!await page.EvaluateAsync<bool>("typeof window.axe !== 'undefined'")) await page.AddScriptTagAsync(new() { Url = Browser.AxeUrl });
        // Without selectors first (computing them is most of axe's time on a long page); only a failing run is made
        // again with them, to say which elements fail.
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async ([include, rules]) => {
              const run = (selectors) => axe.run(include ? { include: include.split(',').map(s => [s.trim()]) } : document, {
                runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                rules: include ? { 'region': { enabled: false } } : {},
                // Only violations are wanted: axe then skips collecting every pass, which takes most of its time.
                resultTypes: ['violations'], selectors, ancestry: false, xpath: false,
              });
              let result = await run(false);
              if (result.violations.length > 0) result = await run(true);
              return result.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + (v.nodes.length > 3 ? ' …' : ''));
            }
            """, new object?[] { include, rules });
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>The rules whose outcome the colour scheme can change: in dark mode, only these are run again.</summary>
    public static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    /// <summary>The rules whose outcome the width of the screen and the fonts can change: the sizes of targets, and what scrolls.</summary>
    public static readonly string[] LayoutRules = ["target-size", "scrollable-region-focusable"];
}
