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
    /// <paramref name="include"/> selects (the whole document when null), each as "rule: the first elements".
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(Microsoft.Playwright.IPage page, string? include = null)
    {
        await page.AddScriptTagAsync(new() { Path = Axe });
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async include => (await axe.run(include ? { include: include.split(',').map(s => [s.trim()]) } : document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
              rules: include ? { 'region': { enabled: false } } : {},
              // Only violations are wanted: axe then skips collecting every pass, which takes most of its time.
              resultTypes: ['violations'],
            })).violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + (v.nodes.length > 3 ? ' …' : ''))
            """, include);
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }
}
