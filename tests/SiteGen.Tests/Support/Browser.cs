using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, with a built site served from disk through request
/// interception (no server, no network). Tests using it are skipped where Chromium is not
/// installed, except when SITEGEN_REQUIRE_BROWSER=1 (CI), where its absence fails them.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Origin = "http://edition.test";
    /// <summary>Debian's Chromium, or the browser SITEGEN_CHROMIUM names (GitHub's runners have Google Chrome).</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("SITEGEN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser? Instance { get; private set; }

    public static string? SkipReason =>
        File.Exists(Chromium) || Environment.GetEnvironmentVariable("SITEGEN_REQUIRE_BROWSER") == "1"
            ? null
            : "Chromium is not installed (apt-get install chromium)";

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page of the given width that serves every URL under <see cref="Origin"/> from <paramref name="siteFolder"/>.</summary>
    public async Task<IPage> OpenAsync(string siteFolder, int width = 1280, int height = 900, bool javaScript = true)
    {
        var page = await Instance!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = javaScript });
        await page.RouteAsync(Origin + "/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            var file = Path.Combine(siteFolder, Uri.UnescapeDataString(path.TrimStart('/')));
            if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
            if (File.Exists(file)) await route.FulfillAsync(new RouteFulfillOptions { Path = file });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(siteFolder, "404.html") });
        });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}
