using System.Text.Json;
using SiteGen.Tests.Support;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The Web Annotation export, anchored in the published pages by an independent client: the
/// anchoring libraries of Hypothesis (<c>dom-anchor-text-quote</c>, <c>dom-anchor-text-position</c>,
/// from npm, bundled in <c>Browser/tools</c>). Every note of the real edition must select, by
/// each of its selectors, exactly the range the page highlights.
/// </summary>
public class AnnotationExportTests : IClassFixture<ReadingTests.Edition>
{
    private static readonly string Client = BrowserTools.AnchoringClient;
    private readonly ReadingTests.Edition _edition;
    public AnnotationExportTests(ReadingTests.Edition edition) => _edition = edition;

    private static void SkipWithoutClient() => BrowserTools.SkipUnlessInstalled(Client);

    /// <summary>
    /// Runs in the page: anchors each annotation of the text's export with both clients, and reports
    /// where each selector lands (text offsets in the paragraph, or in the page) beside the highlight.
    /// </summary>
    private const string AnchorAll = """
        async (href) => {
          const collection = await (await fetch(href)).json();
          const { textQuote, annotator } = window.anchoring;
          // Offsets of a range in a root's text, counted by the DOM itself.
          const where = (root, range) => {
            if (!range) return "nowhere";
            const before = document.createRange();
            before.setStart(root, 0);
            before.setEnd(range.startContainer, range.startOffset);
            const start = before.toString().length;
            return `${start}-${start + range.toString().length}`;
          };
          const results = [];
          for (const a of collection.first.items) {
            const name = a.id.slice(a.id.indexOf("--") + 2);
            const selectors = a.target.selector;
            const fragments = selectors.filter(s => s.type === "FragmentSelector");
            const element = document.getElementById(fragments[0].value);
            const quote = fragments.find(f => f.refinedBy.type === "TextQuoteSelector").refinedBy;
            const position = fragments.find(f => f.refinedBy.type === "TextPositionSelector").refinedBy;
            const pageQuote = selectors.find(s => s.type === "TextQuoteSelector");
            const marks = element ? element.querySelectorAll(`mark[data-note="${CSS.escape(name)}"]`) : [];
            const result = { name, source: a.target.source, fragment: fragments[0].value, conformsTo: fragments[0].conformsTo, exact: quote.exact, marks: marks.length, errors: "" };
            if (element && marks.length > 0) {
              const highlight = document.createRange();
              highlight.setStartBefore(marks[0]);
              highlight.setEndAfter(marks[marks.length - 1]);
              result.highlight = where(element, highlight);
              result.highlightInPage = where(document.body, highlight);
              result.highlightText = highlight.toString();
              const attempt = async (anchor) => { try { return await anchor(); } catch (e) { result.errors += e.message + "; "; return null; } };
              // As the Hypothesis client does, the position (when there is one) is the hint for the quote.
              // Its offsets are compared rather than its range: textQuote.toRange goes through
              // dom-anchor-text-position, which cannot end a range where its root's text ends.
              const offsets = (p) => p ? `${p.start}-${p.end}` : "nowhere";
              result.hypothesisQuote = offsets(await attempt(() => textQuote.toTextPosition(element, quote, { hint: position.start })));
              result.annotatorQuote = where(element, await attempt(() => annotator.quote(element, quote)));
              result.annotatorPosition = where(element, await attempt(() => annotator.position(element, position)));
              result.hypothesisPageQuote = offsets(await attempt(() => textQuote.toTextPosition(document.body, pageQuote)));
            }
            results.push(result);
          }
          return { total: collection.total, results };
        }
        """;

    [SkippableFact]
    public async Task Every_note_of_the_edition_anchors_in_its_page_with_Hypothesis_anchoring_libraries()
    {
        SkipWithoutClient();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        var client = await File.ReadAllTextAsync(Client);
        var all = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_edition.Output, "annotations.jsonld"))).RootElement;
        var expected = all.GetProperty("total").GetInt32();
        var failures = new List<string>();
        var anchored = 0;
        foreach (var folder in Directory.GetDirectories(Path.Combine(_edition.Output, "texts")).Order(StringComparer.Ordinal))
        {
            var url = $"{Support.Browser.Origin}/texts/{Path.GetFileName(folder)}/";
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new() { Content = client });
            // The page names its notes' export; the client reads it from there.
            var href = await page.GetAttributeAsync("link[rel=alternate][type='application/ld+json']", "href");
            Assert.NotNull(href);
            var report = await page.EvaluateAsync<JsonElement>(AnchorAll, href);
            foreach (var r in report.GetProperty("results").EnumerateArray())
            {
                var name = r.GetProperty("name").GetString();
                string Field(string field) => r.TryGetProperty(field, out var value) ? value.ToString() : "(missing)";
                string? Problem()
                {
                    if (Field("source") != url) return $"target source {Field("source")} is not the page {url}";
                    if (Field("conformsTo") != "http://tools.ietf.org/rfc/rfc3236") return "the fragment does not conform to HTML's";
                    if (Field("marks") == "0") return $"no highlight of the note in #{Field("fragment")}";
                    if (Field("errors").Length > 0) return $"a client fails: {Field("errors")}";
                    if (Field("highlightText") != Field("exact")) return $"the page highlights “{Field("highlightText")}”, the export quotes “{Field("exact")}”";
                    foreach (var client in new[] { "hypothesisQuote", "annotatorQuote", "annotatorPosition" })
                        if (Field(client) != Field("highlight")) return $"{client} selects {Field(client)} in #{Field("fragment")}, the page highlights {Field("highlight")}";
                    if (Field("hypothesisPageQuote") != Field("highlightInPage"))
                        return $"the page's TextQuoteSelector selects {Field("hypothesisPageQuote")} of the page, the page highlights {Field("highlightInPage")}";
                    return null;
                }
                if (Problem() is { } problem) failures.Add($"{Path.GetFileName(folder)}/{name}: {problem}");
                else anchored++;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} notes do not anchor:\n" + string.Join("\n", failures));
        Assert.Equal(expected, anchored);
        Assert.True(expected >= 50, $"the edition has {expected} notes: the test covers the real content");
    }

    [SkippableFact]
    public async Task A_paragraphs_text_in_the_page_is_its_words_alone()
    {
        SkipWithoutClient();
        var page = await _edition.Browser.OpenAsync(_edition.Output);
        var edition = SiteGen.Loading.ContentLoader.Load(new SiteGen.FileSystem.ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, _edition.Output), new SiteGen.Diagnostics.DiagnosticBag());
        Assert.NotNull(edition);
        foreach (var text in edition.Texts)
        {
            await page.GotoAsync($"{Support.Browser.Origin}/texts/{text.Slug}/");
            var inPage = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('.text-body .para')].map(p => p.textContent)");
            Assert.Equal(text.Paragraphs.Select(p => SiteGen.Model.Inlines.PageText(p.Content)), inPage);
        }
    }
}
