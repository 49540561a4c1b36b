using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>Notes come from pull requests: nothing that can run code or load things may survive.</summary>
public class NoteSanitizerTests
{
    private static readonly ConceptMarkdown Markdown = new(new Dictionary<string, string> { ["basic-research"] = "Basic research" }, new Urls("/sitegen/"));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("![x](https://evil.example/track.png)")]
    [InlineData("<object data=x></object><embed src=x>")]
    [InlineData("<form action=https://evil.example><input></form>")]
    [InlineData("[x](https://e.org){onclick=alert(1)}")]
    [InlineData("<style>body{display:none}</style>")]
    public void Hostile_input_leaves_nothing_that_runs_or_loads(string markdown)
    {
        // What a browser would build from the note: raw HTML may survive only as harmless text.
        var html = Markdown.NoteToHtml(markdown);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var allowed = new HashSet<string> { "P", "EM", "STRONG", "A", "CODE", "UL", "OL", "LI", "BLOCKQUOTE", "BR", "Q", "CITE", "SUP", "SUB", "SPAN" };
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.TagName, allowed);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, new[] { "href", "class" });
                if (attribute.Name == "href")
                    Assert.Matches(@"^(https?://|/|#)", attribute.Value);
            }
        }
    }

    [Fact]
    public void Ordinary_notes_keep_their_formatting_links_and_concept_links()
    {
        var html = Markdown.NoteToHtml("*Deng* and **Xiaoping**, [a source](https://example.org/a?b=1), [a page](/sitegen/texts/x/#p3), see [[basic-research]].");
        Assert.Equal("<p><em>Deng</em> and <strong>Xiaoping</strong>, <a href=\"https://example.org/a?b=1\">a source</a>, <a href=\"/sitegen/texts/x/#p3\">a page</a>, see <a href=\"/sitegen/concepts/basic-research/\" class=\"concept-link\">Basic research</a>.</p>", html.Trim());
    }
}
