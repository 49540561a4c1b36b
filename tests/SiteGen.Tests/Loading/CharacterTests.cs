using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Loading;

/// <summary>
/// One bad character must not stop every build: a character XML forbids (a form feed pasted from a PDF, an escape,
/// a noncharacter), written as itself, as a YAML escape or as a Markdown entity, in any field that reaches a page or
/// the feed, is an error at its line and column (exit 1), never a bug (exit 3); a bidirectional control is a warning,
/// and pages isolate it.
/// </summary>
public class CharacterTests
{
    private static (int Code, string Out, string Err) Build(TempSite site)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(["build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>An edition with a feed (so that every field reaches XML), a text, a concept and a note, one of which holds <paramref name="field"/>.</summary>
    private static TempSite Edition(string title = "T", string summary = "S", string body = "We need basic research now.", string concept = "Basic research", string note = "A note.")
    {
        var site = new TempSite(withDefaults: false);
        site.Write("content/site.yml", "title: E\ndescription: D\nurl: https://owner.github.io/edition/\nfeed: true\n");
        site.Write("content/texts/2021-05-28-t.md", $"---\ntitle: {title}\ndate: 2021-05-28\nkind: speech\nsummary: {summary}\n---\n{body}\n");
        site.Write("content/texts/2021-05-29-u.md", "---\ntitle: U\ndate: 2021-05-29\nkind: speech\n---\nMore basic research.\n");
        site.Write("content/concepts/basic-research.md", $"---\ntitle: {concept}\ncategory: term\n---\nCommentary.\n");
        site.Write("content/annotations/2021-05-28-t/n.md", $"---\ntext: 2021-05-28-t\nquote: basic research\nkind: note\n---\n{note}\n");
        return site;
    }

    public static TheoryData<string, string, string> Cases() => new()
    {
        // A character written as itself, in each kind of field.
        { "title", "Form\ffeed", "content/texts/2021-05-28-t.md:2:12" },
        { "summary", "An escape \u001b[31m red", "content/texts/2021-05-28-t.md:5:20" },
        { "body", "A vertical \u000b tab.", "content/texts/2021-05-28-t.md:7:12" },
        { "concept", "Basic research\u0000", "content/concepts/basic-research.md:2:22" },
        { "note", "A noncharacter \uFFFE here.", "content/annotations/2021-05-28-t/n.md:6:16" },
        // Written as a YAML escape, or as a Markdown entity.
        { "title", "\"Escaped \\x01 title\"", "content/texts/2021-05-28-t.md:2:8" },
        { "summary", "\"Escaped \\uFFFF summary\"", "content/texts/2021-05-28-t.md:5:10" },
        { "body", "An entity &#x1; here.", "content/texts/2021-05-28-t.md:7:11" },
        { "note", "An entity &#12; here.", "content/annotations/2021-05-28-t/n.md:6:11" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_invisible_character_in_any_field_is_an_error_at_its_place_not_a_crash(string field, string value, string at)
    {
        using var site = field switch
        {
            "title" => Edition(title: value),
            "summary" => Edition(summary: value),
            "body" => Edition(body: value),
            "concept" => Edition(concept: value),
            _ => Edition(note: value),
        };
        var (code, _, errors) = Build(site);
        Assert.True(code == 1, $"exit {code}: {errors}");
        Assert.Contains($"{at}: error: ", errors);
        Assert.Contains("[SG0002]", errors);
        Assert.False(errors.Contains('\u001b'), "an escape character reached the terminal"); // shown escaped
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_bidirectional_control_is_a_warning_and_pages_isolate_it()
    {
        using var site = Edition(title: "Title \u202Edesrever", body: "We need basic research \u202Ehere\u202C now.");
        var (code, _, errors) = Build(site);
        Assert.True(code == 0, errors);
        Assert.Contains("content/texts/2021-05-28-t.md:2:14: warning: the file holds U+202E", errors);
        Assert.Contains("[SG0003]", errors);
        var page = site.Read("site/texts/2021-05-28-t/index.html");
        // In the text, inside <bdi> (which adds nothing to the paragraph's text); in a value, between U+2068 and U+2069.
        Assert.Contains("<bdi>", page);
        Assert.Contains("<title>\u2068Title \u202Edesrever\u2069", page);
        var feed = site.Read("site/feed.xml");
        Assert.Contains("desrever", feed);
    }
}
