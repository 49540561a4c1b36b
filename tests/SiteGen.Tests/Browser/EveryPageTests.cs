using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// Every page of the edition, at every width from 320 to 1920 px, light and dark, under each of two font sets (the
/// fonts the run chooses, never the machine's): no page scrolls sideways, axe-core finds no violation (WCAG 2.2 A/AA
/// and best practices: every rule on a laptop, light and dark, and the layout's rules on a phone), and on screens with a margin every note stands beside
/// its passage or in the flow, with none over another or the footer. Each page is navigated once a font set.
/// </summary>
public abstract class EveryPageTests(FontSet fonts)
{
    private static void SkipWithout(FontSet set)
    {
        Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);
        Skip.If(Support.Browser.FontSkipReason(set) is not null, Support.Browser.FontSkipReason(set));
    }

    private async Task<(PageSweep Sweep, BuiltSite Site)> Edition()
    {
        SkipWithout(fonts);
        var site = await Editions.Real;
        var sweep = await PageSweep.Of(site, fonts);
        Assert.True(sweep.Pages.Count > 60, $"only {sweep.Pages.Count} pages");
        Assert.Equal(sweep.Pages.Count, sweep.Navigations);
        return (sweep, site);
    }

    [SkippableFact]
    public async Task No_page_scrolls_sideways_at_any_width()
    {
        var (sweep, _) = await Edition();
        Assert.True(sweep.Looks.Count(l => l.Measured) >= sweep.Pages.Count * 4);
        var wide = sweep.Looks.Where(l => l.Overflow > 0).Select(l => $"{l.Page} at {l.Width}px scrolls sideways by {l.Overflow}px").ToList();
        Assert.True(wide.Count == 0, $"{fonts} fonts:\n" + string.Join("\n", wide));
    }

    [SkippableFact]
    public async Task No_page_has_an_accessibility_violation_by_axe_core_light_or_dark_phone_or_laptop()
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var (sweep, _) = await Edition();
        var looked = sweep.Looks.Where(l => l.Axed).ToList();
        Assert.Equal(sweep.Pages.Count * PageSweep.AxeLooks(fonts).Count, looked.Count);
        var violations = looked.SelectMany(l => l.Violations.Select(v => $"{l.Page} at {l.Width}px, {l.Scheme}: {v}")).ToList();
        Assert.True(violations.Count == 0, $"{violations.Count} violations, {fonts} fonts:\n" + string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task On_a_wide_screen_every_note_starts_within_200px_of_its_passage_or_stands_in_the_flow_and_none_overlaps_another_or_the_footer()
    {
        var (sweep, site) = await Edition();
        foreach (var width in PageSweep.NoteWidths)
        {
            var looks = sweep.Looks.Where(l => l.Width == width && l.Scheme == "light" && l.Notes.Count > 0).ToList();
            var notes = looks.SelectMany(l => l.Notes.Select(n => (l.Page, Note: n))).ToList();
            Assert.Equal(site.Site.Notes.Length, notes.Count);
            var problems = new List<string>();
            foreach (var (page, n) in notes)
            {
                if (n.Height == 0) problems.Add($"{page}: note {n.Name} is not shown");
                if (n.InFlow) continue;
                if (Math.Abs(n.Top - n.Anchor) > 200) problems.Add($"{page}: note {n.Name} starts {n.Top - n.Anchor:0} px from its passage");
                if (n.Bottom > n.Footer) problems.Add($"{page}: note {n.Name} runs into the footer");
                if (n.Left < n.Column + 35 * 18) problems.Add($"{page}: note {n.Name} is not in the margin (left {n.Left:0})");
            }
            foreach (var look in looks)
            {
                var margin = look.Notes.Where(n => !n.InFlow && n.Height > 0).OrderBy(n => n.Top).ToList();
                for (var i = 1; i < margin.Count; i++)
                    if (margin[i].Top < margin[i - 1].Bottom - 0.5) problems.Add($"{look.Page}: note {margin[i].Name} overlaps note {margin[i - 1].Name}");
            }
            Assert.True(problems.Count == 0, $"at {width}px, {fonts} fonts:\n" + string.Join("\n", problems));
            var inMargin = notes.Count(n => !n.Note.InFlow);
            Assert.True(inMargin * 3 >= notes.Count, $"at {width}px only {inMargin} of {notes.Count} notes stand in the margin");
        }
    }
}

public sealed class EveryPageWithDejaVuFonts() : EveryPageTests(FontSet.DejaVu);
public sealed class EveryPageWithLiberationFonts() : EveryPageTests(FontSet.Liberation);
