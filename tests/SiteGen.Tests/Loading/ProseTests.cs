using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Templates;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Loading;

/// <summary>
/// Notes, commentary and the introduction come from pull requests: they are read at load, every construct that
/// could run code or load something is refused there with an error at its line and column, and even so nothing
/// that runs or loads survives in the HTML the templates make of what is left.
/// </summary>
public class ProseTests
{
    private static readonly TemplateSet Templates = TemplateSet.Parse(
        ThemeLoader.Load(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")), new DiagnosticBag())!, new DiagnosticBag())!;

    private static (string Html, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var (prose, _) = ProseParser.Parse(markdown, new SourceLocation("content/concepts/x.md", 10, 1), diagnostics);
        var html = new ProseMarkup(Templates, new SiteGen.Rendering.Body.InlineTags(Templates, diagnostics), id => id == "basic-research" ? ("/sitegen/concepts/basic-research/", "Basic research") : null, diagnostics).Html(prose);
        return (html, diagnostics.Sorted());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "SG0203")]
    [InlineData("<img src=x onerror=alert(1)>", "SG0203")]
    [InlineData("[click](javascript:alert(1))", "SG0113")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "SG0113")]
    [InlineData("[click](java&#09;script:alert(1))", "SG0113")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "SG0113")]
    [InlineData("[click](vbscript:msgbox)", "SG0113")]
    [InlineData("[click](//evil.example/x)", "SG0113")]
    [InlineData("<javascript:alert(1)>", "SG0113")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "SG0203")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "SG0203")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "SG0203")]
    [InlineData("<svg onload=alert(1)>", "SG0203")]
    [InlineData("![x](https://evil.example/track.png)", "SG0203")]
    [InlineData("![c](https://invalid.invalid/x.png){onerror=alert(document.domain)}", "SG0203")]
    [InlineData("para {tabindex=0 autofocus=autofocus onfocus=alert(1)}", "SG0203")]
    [InlineData("<object data=x></object><embed src=x>", "SG0203")]
    [InlineData("<form action=https://evil.example><input></form>", "SG0203")]
    [InlineData("[x](https://e.org){onclick=alert(1)}", "SG0203")]
    [InlineData("<style>body{display:none}</style>", "SG0203")]
    public void Hostile_input_is_refused_at_its_place_and_leaves_nothing_that_runs_or_loads(string markdown, string code)
    {
        var (html, diagnostics) = Render("Some words first.\n\n" + markdown);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal((Severity.Error, code, 12), (d.Severity, d.Code, d.Location.Line)));
        // What a browser would build from the HTML: raw HTML may survive only as harmless text.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var allowed = new HashSet<string> { "P", "EM", "STRONG", "DEL", "INS", "MARK", "A", "CODE", "PRE", "UL", "OL", "LI", "BLOCKQUOTE", "BR", "HR", "Q", "CITE", "SUP", "SUB", "SPAN", "H2", "H3", "H4", "H5", "H6" };
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.TagName, allowed);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, new[] { "href", "class" });
                if (attribute.Name == "href")
                    Assert.Matches(@"^(https?://|/[^/]|#)", attribute.Value);
            }
        }
    }

    [Fact]
    public void A_refusal_names_the_column_where_the_construct_starts()
    {
        var (_, diagnostics) = Render("See [this](javascript:alert(1)) now.");
        var refusal = Assert.Single(diagnostics);
        Assert.Equal("content/concepts/x.md:10:5: error: the link 'javascript:alert(1)' is refused: 'javascript:' addresses are not allowed: link to an http(s) or mailto address or to a page of the site [SG0113]", refusal.ToString());
    }

    [Fact]
    public void Ordinary_notes_keep_their_formatting_links_and_concept_links()
    {
        var (html, diagnostics) = Render("*Deng* and **Xiaoping**, [a source](https://example.org/a?b=1), [a page](/sitegen/texts/x/#p3), [mail](mailto:ed@example.org), see [[basic-research]].");
        Assert.Empty(diagnostics);
        Assert.Equal("<p><em>Deng</em> and <strong>Xiaoping</strong>, <a href=\"https://example.org/a?b=1\">a source</a>, <a href=\"/sitegen/texts/x/#p3\">a page</a>, <a href=\"mailto:ed@example.org\">mail</a>, see <a href=\"/sitegen/concepts/basic-research/\" class=\"concept-link\">Basic research</a>.</p>", html.Trim());
    }

    [Fact]
    public void A_concept_link_to_an_unknown_id_stays_as_written()
    {
        var (html, diagnostics) = Render("See [[no-such-concept]].");
        Assert.Empty(diagnostics);
        Assert.Contains("[[no-such-concept]]", html);
    }

    [Fact]
    public void A_concept_link_may_carry_its_own_words_and_Chinese_in_a_note_is_marked()
    {
        var (html, diagnostics) = Render("Weak [[basic-research|fundamental research]] (基础研究) \\<is> [[basic-research| ]].");
        Assert.Empty(diagnostics);
        Assert.Equal("<p>Weak <a href=\"/sitegen/concepts/basic-research/\" class=\"concept-link\">fundamental research</a> (<span lang=\"zh\">基础研究</span>) &lt;is&gt; " +
            "<a href=\"/sitegen/concepts/basic-research/\" class=\"concept-link\">Basic research</a>.</p>", html.Trim());
    }

    [Fact]
    public void Markdown_nested_thousands_deep_is_an_error_not_a_crash()
    {
        var (html, diagnostics) = Render(new string('>', 20000) + " x");
        Assert.Equal("SG0203", Assert.Single(diagnostics).Code);
        Assert.Equal("", html);
    }
}

public class ProseModelTests
{
    private static (Prose Prose, ImmutableArray<Located> Links, IReadOnlyList<Diagnostic> Diagnostics) Parse(string markdown, int line = 10, int column = 1)
    {
        var diagnostics = new DiagnosticBag();
        var (prose, links) = ProseParser.Parse(markdown, new SourceLocation("content/site.yml", line, column), diagnostics);
        return (prose, links, diagnostics.Sorted());
    }

    [Fact]
    public void Concept_links_are_found_at_their_line_and_column_with_or_without_words()
    {
        var (_, links, diagnostics) = Parse("First [[basic-research]] line.\n\nThen *x* [[self-reliance|its words]].", line: 4, column: 3);
        Assert.Empty(diagnostics);
        Assert.Equal(["basic-research@4:9", "self-reliance@6:12"], links.Select(l => $"{l.Value}@{l.Location.Line}:{l.Location.Column}"));
    }

    [Fact]
    public void The_plain_text_names_concepts_by_title_and_the_first_paragraph_is_found_inside_a_list()
    {
        var (prose, _, _) = Parse("- See [[basic-research]] and [[basic-research|its roots]].\n- Second.\n\nAfter.");
        string Title(string id) => id == "basic-research" ? "Basic research" : id;
        Assert.Equal("See Basic research and its roots.", prose.FirstParagraph(Title));
        Assert.Equal("See Basic research and its roots. Second. After.", System.Text.RegularExpressions.Regex.Replace(prose.PlainText(Title), @"\s+", " "));
    }

    [Theory]
    [InlineData("A form feed &#12; here.", "U+000C")]
    [InlineData("An escape &#x1b; here.", "U+001B")]
    [InlineData("A noncharacter &#xFFFE; here.", "U+FFFE")]
    public void An_entity_for_an_invisible_character_is_refused_at_its_place(string markdown, string character)
    {
        var (_, _, diagnostics) = Parse(markdown);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("SG0002", problem.Code);
        Assert.Contains(character, problem.Message);
        Assert.Equal((10, markdown.IndexOf('&') + 1), (problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void A_paragraph_too_dense_with_brackets_is_refused_quickly_at_its_line()
    {
        var markdown = "Fine.\n\n" + string.Concat(Enumerable.Repeat("*a_[b](", 150_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, _, diagnostics) = Parse(markdown);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("content/site.yml:12:1", problem.Location.ToString());
        Assert.Contains("brackets and emphasis marks", problem.Message);
    }
}
