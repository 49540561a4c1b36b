using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>The citation files of every text, read by Citation.js as reference managers read them, against the page's own citation tags.</summary>
public class CitationTests(ReadingTests.Edition edition) : IClassFixture<ReadingTests.Edition>
{
    [SkippableFact]
    public async Task Every_texts_BibTeX_and_CSL_JSON_read_back_as_the_title_author_date_and_address_its_page_gives()
    {
        BrowserTools.SkipUnlessInstalled(BrowserTools.CitationReader);
        var page = await edition.Browser.OpenAsync(edition.Output);
        foreach (var text in edition.Site.Site.Texts)
        {
            var url = $"{Support.Browser.Origin}/texts/{text.Slug}/";
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new() { Path = BrowserTools.CitationReader });
            var read = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const meta = n => [...document.querySelectorAll(`meta[name="${n}"]`)].map(m => m.content);
                  const get = async a => (await fetch(a.getAttribute('href'))).text();
                  const links = [...document.querySelectorAll('#cite a[download]')];
                  const bib = citations.read(await get(links[0]));
                  const csl = citations.read(JSON.parse(await get(links[1])));
                  return { title: meta('citation_title'), author: meta('citation_author'), date: meta('citation_publication_date'), url: meta('citation_public_url'), bib, csl };
                }
                """);
            foreach (var format in new[] { "bib", "csl" })
            {
                var item = Assert.Single(read.GetProperty(format).EnumerateArray());
                var what = $"{text.Slug} ({format})";
                Assert.True(read.GetProperty("title")[0].GetString() == item.GetProperty("title").GetString(), what);
                Assert.True(read.GetProperty("url")[0].GetString() == item.GetProperty("URL").GetString(), what);
                var parts = item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()).ToArray();
                Assert.True(string.Join("/", parts.Select((p, i) => i == 0 ? $"{p}" : $"{p:00}")) == read.GetProperty("date")[0].GetString(), what);
                var authors = item.TryGetProperty("author", out var a) ? a.EnumerateArray().Select(n => n.TryGetProperty("literal", out var l) ? l.GetString() : n.GetProperty("family").GetString()).ToArray() : [];
                Assert.True(read.GetProperty("author").EnumerateArray().Select(n => n.GetString()).SequenceEqual(authors), $"{what}: {string.Join(", ", authors)}");
            }
        }
    }
}
