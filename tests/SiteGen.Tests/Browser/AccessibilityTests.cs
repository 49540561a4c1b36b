using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// axe-core (from npm, injected by Playwright) on every page of the edition, light and dark, phone and desktop:
/// one class per combination, so that the four run side by side.
/// </summary>
public abstract class AccessibilityTests(ReadingTests.Edition edition, int width, string scheme) : IClassFixture<ReadingTests.Edition>
{
    [SkippableFact]
    public async Task Every_page_has_no_accessibility_violations_by_axe_core()
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.Axe);
        var page = await edition.Browser.OpenAsync(edition.Output, width);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var pages = ReadingTests.AllPages(edition.Output);
        var violations = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(Support.Browser.Origin + path);
            violations.AddRange((await BrowserTools.AxeViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        Assert.True(pages.Count > 60, $"only {pages.Count} pages");
        Assert.True(violations.Count == 0, $"{violations.Count} violations at {width}px, {scheme}:\n" + string.Join("\n", violations));
    }
}

public sealed class AccessibilityOnDesktopLight(ReadingTests.Edition edition) : AccessibilityTests(edition, 1280, "light");
public sealed class AccessibilityOnDesktopDark(ReadingTests.Edition edition) : AccessibilityTests(edition, 1280, "dark");
public sealed class AccessibilityOnPhoneLight(ReadingTests.Edition edition) : AccessibilityTests(edition, 375, "light");
public sealed class AccessibilityOnPhoneDark(ReadingTests.Edition edition) : AccessibilityTests(edition, 375, "dark");
