using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// The fonts a browser test's Chromium may use, chosen by the test run (a fontconfig file of its own), never by what
/// the machine happens to have: the layout checks hold under each. <see cref="DejaVu"/> is the set every Debian
/// machine with Chromium has; <see cref="Liberation"/> what many have besides DejaVu (Liberation, URW's Nimbus and
/// P052, Droid Sans Fallback for Chinese), with the distribution's rules for which stands in for Arial or Palatino.
/// </summary>
public enum FontSet { DejaVu, Liberation }

/// <summary>
/// Debian's Chromium driven by Playwright, with built sites served from disk through request interception (no server,
/// no network). One Chromium for the whole run and for each font set: every test opens its pages in contexts of its
/// own, side by side. Tests using it are skipped where Chromium is not installed, except when
/// SITEGEN_REQUIRE_BROWSER=1 (CI), where its absence fails them.
/// </summary>
public sealed class Browser
{
    public const string Origin = "http://edition.test";

    /// <summary>Where the pages find axe-core when a test adds it (a path no site has).</summary>
    public const string AxeUrl = "/__tests/axe.min.js";
    /// <summary>Debian's Chromium, or the browser SITEGEN_CHROMIUM names (GitHub's runners have Google Chrome).</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("SITEGEN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? SkipReason =>
        File.Exists(Chromium) || Environment.GetEnvironmentVariable("SITEGEN_REQUIRE_BROWSER") == "1"
            ? null
            : "Chromium is not installed (apt-get install chromium)";

    /// <summary>Why a browser with a font set cannot be used on this machine (no Chromium, or the fonts are not installed), or null.</summary>
    public static string? FontSkipReason(FontSet set) =>
        SkipReason ?? (FontFolders(set).All(Directory.Exists) || Environment.GetEnvironmentVariable("SITEGEN_REQUIRE_BROWSER") == "1"
            ? null
            : $"the fonts of the {set} set are not installed (apt-get install {string.Join(' ', FontPackages(set))})");

    private static string[] FontFolders(FontSet set) => set switch
    {
        FontSet.DejaVu => ["/usr/share/fonts/truetype/dejavu"],
        _ => ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/opentype/urw-base35", "/usr/share/fonts/truetype/droid"],
    };

    public static string[] FontPackages(FontSet set) => set switch
    {
        FontSet.DejaVu => ["fonts-dejavu-core"],
        _ => ["fonts-dejavu-core", "fonts-liberation", "fonts-urw-base35", "fonts-droid-fallback"],
    };

    private static readonly ConcurrentDictionary<FontSet, Lazy<Task<Browser>>> Instances = new();
    private static int _launches;

    private static int _navigations;

    /// <summary>What the run costs, for the maintainers who keep it fast: SITEGEN_BROWSER_REPORT names a file that says it.</summary>
    private static void Report(int navigations)
    {
        if (Environment.GetEnvironmentVariable("SITEGEN_BROWSER_REPORT") is not { Length: > 0 } report) return;
        lock (Instances) File.WriteAllText(report, $"{Launches} browser launches, {navigations} page loads, {Editions.Builds} site builds for the browser tests\n");
    }

    /// <summary>How many pages this run's browsers loaded (a navigation, a reload, a link followed).</summary>
    public static int Navigations => Volatile.Read(ref _navigations);

    /// <summary>How many Chromium processes this run started (one per font set used).</summary>
    public static int Launches => Volatile.Read(ref _launches);

    /// <summary>The run's Chromium with <paramref name="fonts"/>, started on first use.</summary>
    public static Task<Browser> Shared(FontSet fonts = FontSet.DejaVu) =>
        Instances.GetOrAdd(fonts, set => new Lazy<Task<Browser>>(() => Launch(set))).Value;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _chromium;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        _chromium = chromium;
    }

    private static async Task<Browser> Launch(FontSet fonts)
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--mute-audio", "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CalculateNativeWinOcclusion", "--disable-renderer-backgrounding", "--process-per-site"],
            Env = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = FontConfig(fonts) },
        });
        Interlocked.Increment(ref _launches);
        var browser = new Browser(playwright, chromium);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => browser.Close();
        Report(Navigations);
        return browser;
    }

    private void Close()
    {
        try { _chromium.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (Exception ex) when (ex is AggregateException or PlaywrightException) { }
        _playwright.Dispose();
    }

    /// <summary>A fontconfig file with the set's folders only, and the distribution's rules (aliases, hinting).</summary>
    private static string FontConfig(FontSet fonts)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sitegen-fonts-{fonts}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(file, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
            {string.Concat(FontFolders(fonts).Select(d => $"  <dir>{d}</dir>\n"))}  <cachedir>{folder}/cache</cachedir>
              <include ignore_missing="yes">/etc/fonts/conf.d</include>
            </fontconfig>
            """);
        return file;
    }

    /// <summary>
    /// A page of its own context (its own cookies and storage) that serves every URL under <see cref="Origin"/> from
    /// <paramref name="siteFolder"/>. Close it, or the context of the test that opened it closes it.
    /// </summary>
    public async Task<IPage> OpenAsync(string siteFolder, int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await _chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = javaScript });
        await context.RouteAsync(Origin + "/**", async route =>
        {
            if (route.Request.ResourceType == "document") Report(Interlocked.Increment(ref _navigations));
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path == AxeUrl)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Path = BrowserTools.Axe, Headers = new Dictionary<string, string> { ["Cache-Control"] = "max-age=86400", ["Content-Type"] = "text/javascript" } });
                return;
            }
            var file = Path.Combine(siteFolder, Uri.UnescapeDataString(path.TrimStart('/')));
            if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
            if (File.Exists(file)) await route.FulfillAsync(new RouteFulfillOptions { Path = file });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(siteFolder, "404.html") });
        });
        var page = await context.NewPageAsync();
        page.Close += async (_, _) => await context.CloseAsync();
        return page;
    }
}
