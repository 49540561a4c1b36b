using System.Text.Json;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>Where the editors' notes stand on every text page of the edition: beside their passages, or in the flow.</summary>
public class NoteLayoutTests(ReadingTests.Edition edition) : IClassFixture<ReadingTests.Edition>
{
    private static void SkipWithoutBrowser() => Skip.If(Support.Browser.SkipReason is not null, Support.Browser.SkipReason);

    private IReadOnlyList<string> TextPages() =>
        [.. edition.Site.Site.Texts.Where(t => edition.Site.Notes.Any(a => a.Paragraph.Slug == t.Slug)).Select(t => $"/texts/{t.Slug}/")];

    /// <summary>Each note's box, its passage's first line, and whether it stands in the margin or in the flow.</summary>
    private const string Measure = """
        () => {
          const footer = document.querySelector('.site-footer').getBoundingClientRect();
          const body = document.querySelector('.text-body').getBoundingClientRect();
          return [...document.querySelectorAll('.margin-notes .note')].map(n => {
            const name = n.id.slice('note-'.length);
            const mark = [...document.querySelectorAll('mark.passage')].find(m => m.dataset.note === name);
            const box = n.getBoundingClientRect(), line = mark.getClientRects()[0];
            return { name, top: box.top, bottom: box.bottom, left: box.left, height: box.height, anchor: line.top,
                     inFlow: n.parentElement.classList.contains('in-flow'), footer: footer.top, column: body.left };
          });
        }
        """;

    private sealed record NoteBox(string Name, double Top, double Bottom, double Left, double Height, double Anchor, bool InFlow, double Footer, double Column);

    private static async Task<List<NoteBox>> MeasureAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(Measure)).Deserialize<List<NoteBox>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [SkippableFact]
    public async Task Without_JavaScript_notes_float_beside_their_paragraphs_and_never_over_the_footer()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output, 1280, javaScript: false);
        var problems = new List<string>();
        foreach (var path in TextPages())
        {
            await page.GotoAsync(Support.Browser.Origin + path);
            var footer = await page.EvaluateAsync<double>("document.querySelector('.site-footer').getBoundingClientRect().top");
            var bottoms = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.margin-notes')].map(a => a.getBoundingClientRect().bottom)");
            if (bottoms.Any(b => b > footer)) problems.Add($"{path}: a note runs into the footer");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task Opening_a_related_passages_list_moves_the_notes_below_it_with_their_passages()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output, 1280);
        var path = TextPages()[0];
        await page.GotoAsync(Support.Browser.Origin + path);
        var before = (await MeasureAsync(page)).Where(n => !n.InFlow).ToList();
        // The first paragraph with related passages above the last note in the margin.
        var opened = await page.EvaluateAsync<bool>("""
            (() => { const last = [...document.querySelectorAll('.margin-notes:not(.in-flow) .note')].pop();
              const d = [...document.querySelectorAll('.text-body details.xref')].find(x => x.getBoundingClientRect().top < last.getBoundingClientRect().top - 400);
              if (!d) return false; d.open = true; return true; })()
            """);
        Assert.True(opened, "no related passages above a note in the margin");
        // The page lays its notes out again when a list opens: once every note in the margin is level with or below its passage.
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('.margin-notes:not(.in-flow) .note')].every(n => {
              const mark = [...document.querySelectorAll('mark.passage')].find(m => m.dataset.note === n.id.slice(5));
              return n.getBoundingClientRect().top >= mark.getClientRects()[0].top - 0.5; })
            """);
        var after = (await MeasureAsync(page)).Where(n => !n.InFlow).ToList();
        Assert.True(after.Count > 0);
        Assert.All(after, n => Assert.True(n.Top >= n.Anchor - 0.5 && n.Top - n.Anchor <= 200, $"{n.Name}: {n.Top - n.Anchor:0} px from its passage"));
        Assert.True(after[^1].Anchor > before.Single(b => b.Name == after[^1].Name).Anchor, "the passage did not move");
    }

    /// <summary>
    /// Notes shown in the flow stand under their own paragraph however often the page is laid out again (a window
    /// made narrower and wider, a phone turned): never under a later one.
    /// </summary>
    [SkippableFact]
    public async Task Notes_in_the_flow_stay_under_their_own_paragraph_when_the_width_changes_back_and_forth()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output, 1280);
        // The paragraph each note is anchored in, from the passage, and the one the note's box follows in the page.
        const string Where = """
            async width => {
              await new Promise(function placed(resolve) {
                if (document.querySelector('.text-body').dataset.notesPlaced === String(innerWidth)) resolve();
                else requestAnimationFrame(() => placed(resolve));
              });
              return [...document.querySelectorAll('.margin-notes.in-flow')].flatMap(aside => {
                let before = aside.previousElementSibling;
                while (before && !before.classList.contains('para')) before = before.previousElementSibling;
                return [...aside.querySelectorAll('.note')].map(n => {
                  const mark = [...document.querySelectorAll('mark.passage')].find(m => m.dataset.note === n.id.slice(5));
                  return n.id + ' ' + width + ': under ' + (before ? before.id : 'nothing') + ', anchored in ' + mark.closest('.para').id;
                });
              });
            }
            """;
        var path = TextPages().OrderByDescending(p => edition.Site.Notes.Count(a => $"/texts/{a.Paragraph.Slug}/" == p)).First();
        await page.GotoAsync(Support.Browser.Origin + path);
        var inFlow = 0;
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 375, 1600, 1280, 1100, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var notes = (await page.EvaluateAsync<string[]>(Where, width)).ToList();
            if (width >= 1024) inFlow += notes.Count;
            problems.AddRange(notes.Where(n => n.Split(": under ")[1].Split(", anchored in ") is var p && p[0] != p[1]));
        }
        Assert.True(inFlow > 0, $"{path}: no note stands in the flow at any width");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task On_a_phone_opening_any_note_shows_it_with_its_passage_in_view_or_a_way_back_that_lands_on_the_passage()
    {
        SkipWithoutBrowser();
        var page = await edition.Browser.OpenAsync(edition.Output, 375, 740);
        var problems = new List<string>();
        var both = 0;
        var total = 0;
        // Each note opened from its marker and closed by its number, measured each time: in one call for each text.
        const string OpenEach = """
            () => {
              const where = name => { const mark = [...document.querySelectorAll('mark.passage')].find(m => m.dataset.note === name).getClientRects()[0];
                const note = document.getElementById('note-' + name).getBoundingClientRect();
                return [mark.top, mark.bottom, note.top, note.height, innerHeight]; };
              return [...document.querySelectorAll('.margin-notes .note')].map(n => n.id.slice(5)).map(name => {
                document.getElementById('ref-' + name).click();
                const opened = where(name);
                document.querySelector('#note-' + name + ' .note-num').click();
                return { name, opened, back: where(name) };
              });
            }
            """;
        foreach (var path in TextPages())
        {
            await page.GotoAsync(Support.Browser.Origin + path);
            foreach (var note in (await page.EvaluateAsync<System.Text.Json.JsonElement>(OpenEach)).EnumerateArray())
            {
                total++;
                var name = note.GetProperty("name").GetString();
                var opened = note.GetProperty("opened").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var back = note.GetProperty("back").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var passageInView = opened[0] >= 0 && opened[1] <= opened[4];
                var noteInView = opened[3] > 0 && opened[2] >= 0 && opened[2] < opened[4] - 40;
                if (!noteInView) problems.Add($"{path}: note {name} did not open in view");
                if (passageInView && noteInView) both++;
                // Its number leads back to the passage and closes the note.
                if (!(back[0] >= 0 && back[1] <= back[4])) problems.Add($"{path}: the way back from note {name} does not land on its passage");
                if (back[3] != 0) problems.Add($"{path}: note {name} stays open after the way back");
            }
        }
        Assert.Equal(edition.Site.Notes.Length, total);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Where the paragraph allows, the passage and its note are on the screen together.
        Assert.True(both * 2 > total, $"only {both} of {total} notes opened beside their passage");
    }
}
