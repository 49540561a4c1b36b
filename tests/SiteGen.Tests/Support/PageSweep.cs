using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// Every page of a site, each navigated once, then looked at in place at every screen width and in both colour
/// schemes: how far it scrolls sideways, what axe-core finds (every rule in light; in dark, those colours decide;
/// under a second font set, those the fonts decide), where its notes stand. Measured once a run for each site
/// and font set, by two pages side by side; the tests then read the measurements. A run navigates each page once a
/// font set, rather than once a width, a scheme and a check.
/// </summary>
internal sealed class PageSweep
{
    /// <summary>The widths every page must fit, from a small phone to a large desktop.</summary>
    public static readonly int[] Widths = [320, 375, 768, 1024, 1280, 1600, 1920];

    /// <summary>
    /// Where axe-core looks, and with which rules: every rule on a laptop in light; in dark, the rules colours decide;
    /// on a phone, the rules the layout decides (targets' sizes, what scrolls). Under a second font set, the rules
    /// the fonts can change (sizes and what scrolls), on a phone. Contrast is a matter of colours, which
    /// neither width nor fonts change: it is checked once a scheme.
    /// </summary>
    public static IReadOnlyList<(int Width, string Scheme, IReadOnlyList<string>? Rules)> AxeLooks(FontSet fonts) => fonts == FontSet.DejaVu
        ? [(1280, "light", null), (1280, "dark", BrowserTools.ColourRules), (375, "light", BrowserTools.LayoutRules)]
        : [(375, "light", BrowserTools.LayoutRules)];

    /// <summary>Where the notes' places are measured: screens with a margin for them.</summary>
    public static readonly int[] NoteWidths = [1280, 1600];

    /// <summary>One page at one width and scheme.</summary>
    /// <param name="Axed">Whether axe-core ran on this look (its violations are then <paramref name="Violations"/>).</param>
    /// <param name="Measured">Whether the page's width and notes were measured on this look.</param>
    public sealed record Look(string Page, int Width, string Scheme, int Overflow, IReadOnlyList<string> Violations, IReadOnlyList<NoteBox> Notes, bool Axed, bool Measured);

    /// <summary>A note's box, its passage's first line, and whether it stands in the margin or in the flow.</summary>
    public sealed record NoteBox(string Name, double Top, double Bottom, double Left, double Height, double Anchor, bool InFlow, double Footer, double Column);

    public required IReadOnlyList<Look> Looks { get; init; }
    public required IReadOnlyList<string> Pages { get; init; }
    /// <summary>How many times a page was navigated to (one per page).</summary>
    public required int Navigations { get; init; }

    private static readonly ConcurrentDictionary<(string, FontSet), Lazy<Task<PageSweep>>> Sweeps = new();

    /// <summary>The sweep of <paramref name="site"/> (of all its pages, or <paramref name="pages"/>) under <paramref name="fonts"/>, made once a run.</summary>
    /// <param name="axe">Whether axe-core runs too, or only the widths and notes are measured.</param>
    public static Task<PageSweep> Of(BuiltSite site, FontSet fonts, IReadOnlyList<string>? pages = null, bool axe = true) =>
        Sweeps.GetOrAdd((site.Output, fonts), _ => new Lazy<Task<PageSweep>>(() => Make(site, fonts, pages ?? site.Pages(), axe))).Value;

    /// <summary>The notes' boxes once the page's script has laid them out for the new width.</summary>
    private const string NotesAfterLayout = """
        () => new Promise(function placed(resolve) {
          // The page's script says which width it last placed the notes for.
          const body = document.querySelector('.text-body');
          if (!body || !body.querySelector('.margin-notes') || body.dataset.notesPlaced === String(innerWidth)) resolve();
          else requestAnimationFrame(() => placed(resolve));
        }).then(() => {
          const footer = document.querySelector('.site-footer').getBoundingClientRect();
          const body = document.querySelector('.text-body');
          if (!body) return [];
          const column = body.getBoundingClientRect().left;
          return [...document.querySelectorAll('.margin-notes .note')].map(n => {
            const name = n.id.slice('note-'.length);
            const mark = [...document.querySelectorAll('mark.passage')].find(m => m.dataset.note === name);
            const box = n.getBoundingClientRect(), line = mark.getClientRects()[0];
            return { name, top: box.top, bottom: box.bottom, left: box.left, height: box.height, anchor: line.top,
                     inFlow: n.parentElement.classList.contains('in-flow'), footer: footer.top, column };
          });
        })
        """;

    private static async Task<PageSweep> Make(BuiltSite site, FontSet fonts, IReadOnlyList<string> pages, bool axe)
    {
        var browser = await Browser.Shared(fonts);
        var looks = new ConcurrentBag<Look>();
        var queue = new ConcurrentQueue<string>(pages);
        var navigations = 0;
        async Task Worker()
        {
            var page = await browser.OpenAsync(site.Output, Widths[^1]);
            try
            {
                while (queue.TryDequeue(out var path))
                {
                    await page.GotoAsync(Browser.Origin + path);
                    Interlocked.Increment(ref navigations);
                    await page.EvaluateAsync("document.fonts.ready");
                    foreach (var scheme in new[] { "light", "dark" })
                    {
                        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
                        foreach (var width in Widths)
                        {
                            // Overflow and notes do not depend on the scheme: they are measured in light. The second font set
                            // is measured at the widths where fonts make the difference: phones, a tablet, laptops.
                            var measure = scheme == "light" && (fonts == FontSet.DejaVu || width is 320 or 375 or 768 or 1280 or 1600);
                            var axeLook = AxeLooks(fonts).Where(a => a.Width == width && a.Scheme == scheme).ToList();
                            var runAxe = axe && axeLook.Count > 0;
                            var rules = runAxe ? axeLook[0].Rules : null;
                            if (!measure && !runAxe) continue;
                            await page.SetViewportSizeAsync(width, 900);
                            var overflow = measure ? await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") : 0;
                            var notes = measure && NoteWidths.Contains(width) && path.StartsWith("/texts/", StringComparison.Ordinal)
                                ? (await page.EvaluateAsync<JsonElement>(NotesAfterLayout)).Deserialize<List<NoteBox>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!
                                : [];
                            var violations = runAxe ? await BrowserTools.AxeViolationsAsync(page, rules: rules) : [];
                            looks.Add(new Look(path, width, scheme, overflow, violations, notes, runAxe, measure));
                        }
                    }
                }
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        await Task.WhenAll(Worker(), Worker());
        return new PageSweep { Looks = [.. looks.OrderBy(l => l.Page, StringComparer.Ordinal).ThenBy(l => l.Width).ThenBy(l => l.Scheme, StringComparer.Ordinal)], Pages = pages, Navigations = navigations };
    }
}
