using SiteGen.Commands;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Nothing private is published and nothing a person wrote is lost: links that lead out of the folder they are in,
/// version-control data, re-imports over an editor's work, record updates that would touch more than the record,
/// values that would break the file they are written into. Each case was found by an attack on the generator.
/// </summary>
public class EditsAndSecretsTests
{
    private const string Valid = "title: T\ndate: 2021-05-28\nkind: speech";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A copy of the real templates, to plant things in.</summary>
    private static TempSite Templates()
    {
        var templates = new TempSite(withDefaults: false);
        foreach (var file in Directory.GetFiles(Repo.Templates, "*", SearchOption.AllDirectories))
            templates.Write(Path.GetRelativePath(Repo.Templates, file), File.ReadAllText(file));
        return templates;
    }

    [Fact]
    public void A_linked_folder_in_the_assets_that_leads_to_the_repository_s_git_folder_is_refused_and_nothing_of_it_is_published()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n");
        using var templates = Templates();
        Directory.CreateSymbolicLink(Path.Combine(templates.Root, "assets", "git"), Path.Combine(site.Root, ".git"));
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", templates.Root, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Contains("assets/git:1:1: error: the file is not read: it is a symbolic link to a folder outside", errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_version_control_folder_inside_the_content_or_the_templates_is_never_read()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("content/.git/config", "secret");
        site.Write("content/texts/.git/2021-01-01-x.md", "not a text");
        using var templates = Templates();
        templates.Write("assets/.git/config", "secret");
        templates.Write("assets/.hg/hgrc", "secret");
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", templates.Root, "--output", site.Output);
        Assert.True(code == 0, errors);
        Assert.DoesNotContain(Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories), f => f.Contains("/.git/") || f.Contains("/.hg/"));
    }

    [Fact]
    public void A_file_linked_to_another_folder_of_the_repository_is_not_content()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("notes/private.md", "---\ntitle: Private\ndate: 2021-05-29\nkind: speech\n---\nNot for publishing.\n");
        File.CreateSymbolicLink(Path.Combine(site.Content, "texts", "2021-05-29-private.md"), Path.Combine(site.Root, "notes", "private.md"));
        var errors = site.Errors();
        Assert.Contains(errors, e => e.StartsWith("content/texts/2021-05-29-private.md:1:1: error: the file is not read: it leads to", StringComparison.Ordinal));
    }

    private const string Slug = "2021-05-28-t";
    private const string Export = """
        {"rows": [{"id": "abc123", "uri": "https://owner.github.io/edition/texts/2021-05-28-t/", "user": "acct:scholar@hypothes.is",
          "created": "2026-11-20T10:00:00+00:00", "text": "A note by Hypothesis.", "tags": ["context"],
          "target": [{"source": "https://owner.github.io/edition/texts/2021-05-28-t/", "selector": [{"type": "TextQuoteSelector", "exact": "basic research"}]}]}]}
        """;

    private static TempSite Imported(out string note)
    {
        var site = new TempSite().Text(Slug, Valid, "We need basic research now.\n");
        site.Write("export.json", Export);
        var (code, _, errors) = Run("import", "hypothesis", Path.Combine(site.Root, "export.json"), "--content", site.Content);
        Assert.True(code == 0, errors);
        note = Directory.GetFiles(Path.Combine(site.Content, "annotations", Slug)).Single();
        return site;
    }

    [Fact]
    public void Importing_again_leaves_an_edited_file_as_the_editor_left_it_and_says_what_differs()
    {
        using var site = Imported(out var note);
        var edited = File.ReadAllText(note).Replace("---\nA note by Hypothesis.", "sources:\n  - title: The editors' source\n---\nA note by Hypothesis, completed by the editors.");
        File.WriteAllText(note, edited);
        site.Write("export.json", Export.Replace("A note by Hypothesis.", "A note by Hypothesis, edited there."));
        foreach (var dryRun in new[] { true, false })
        {
            var (code, output, errors) = Run(["import", "hypothesis", Path.Combine(site.Root, "export.json"), "--content", site.Content, .. dryRun ? new[] { "--dry-run" } : []]);
            Assert.True(code == 0, errors);
            Assert.Contains("left as it is (annotation abc123): it has been changed since it was imported", output);
            Assert.Contains("  - A note by Hypothesis, completed by the editors.", output);
            Assert.Contains("  + A note by Hypothesis, edited there.", output);
            Assert.Contains("--force", output);
            Assert.Equal(edited, File.ReadAllText(note));
        }
        var (forced, _, forcedErrors) = Run("import", "hypothesis", Path.Combine(site.Root, "export.json"), "--content", site.Content, "--force");
        Assert.True(forced == 0, forcedErrors);
        Assert.Contains("A note by Hypothesis, edited there.", File.ReadAllText(note));
    }

    [Fact]
    public void Importing_again_updates_a_file_nobody_changed()
    {
        using var site = Imported(out var note);
        site.Write("export.json", Export.Replace("A note by Hypothesis.", "A note by Hypothesis, edited there."));
        var (code, output, errors) = Run("import", "hypothesis", Path.Combine(site.Root, "export.json"), "--content", site.Content);
        Assert.True(code == 0, errors);
        Assert.Contains(": updated,", output);
        Assert.Contains("A note by Hypothesis, edited there.", File.ReadAllText(note));
        Assert.True(site.Build().Passes(strict: true));
    }

    [Theory]
    [InlineData("\f", "U+000C")]
    [InlineData("\u001b[2J", "U+001B")]
    [InlineData("\u000b", "U+000B")]
    [InlineData("\uFFFE", "U+FFFE")]
    public void An_imported_note_with_an_invisible_character_is_not_written(string character, string name)
    {
        using var site = new TempSite().Text(Slug, Valid, "We need basic research now.\n");
        site.Write("export.json", Export.Replace("A note by Hypothesis.", "A note" + System.Text.Json.JsonEncodedText.Encode(character).Value + " by Hypothesis."));
        var (code, _, errors) = Run("import", "hypothesis", Path.Combine(site.Root, "export.json"), "--content", site.Content);
        Assert.Equal(1, code);
        Assert.Contains(name, errors);
        Assert.Contains("it was not imported", errors);
        Assert.False(Directory.Exists(Path.Combine(site.Content, "annotations")));
    }

    private const string Drifted = "---\ntext: 2021-05-28-t\nquote: basic research\nkind: note\nanchored:\n  paragraph: 1\n  hash: \"00000000\"\n";

    [Theory]
    [InlineData("...\n")]
    [InlineData("--- \n")]
    [InlineData("---\t\n")]
    public void Accepting_drift_changes_the_record_only_whatever_closes_the_front_matter(string fence)
    {
        foreach (var frontMatter in new[] { Drifted, Drifted[..Drifted.IndexOf("anchored:", StringComparison.Ordinal)] })
            AcceptsOnlyTheRecord(frontMatter, fence);
    }

    private static void AcceptsOnlyTheRecord(string frontMatter, string fence)
    {
        using var site = new TempSite().Text(Slug, Valid, "We need basic research now.\n");
        var body = "The note.\n\n---\n\nA second part after a rule, which must stay the note's.\n";
        site.Write($"content/annotations/{Slug}/n.md", frontMatter + fence + body);
        var (code, output, errors) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--accept-drift", Path.Combine(site.Content, "annotations"));
        Assert.True(code == 0, output + errors);
        var written = site.Read($"content/annotations/{Slug}/n.md");
        Assert.EndsWith("  text: \"We need basic research now.\"\n" + fence + body, written);
        Assert.DoesNotContain("00000000", written);
        // Recorded once, it is up to date: check no longer asks.
        var (again, againOut, _) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--strict");
        Assert.True(again == 0, againOut);
    }

    [Fact]
    public void Accepting_drift_never_writes_through_a_symbolic_link()
    {
        using var site = new TempSite().Text(Slug, Valid, "We need basic research now.\n");
        site.Write("content/drafts/n.md", Drifted + "---\nThe note.\n");
        File.CreateSymbolicLink(Path.Combine(site.Content, "annotations", Slug, "n.md").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)),
            Path.Combine(site.Content, "drafts", "n.md"));
        var before = site.Read("content/drafts/n.md");
        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--accept-drift", Path.Combine(site.Content, "annotations"));
        Assert.NotEqual(0, code);
        Assert.Contains("symbolic link", errors);
        Assert.Equal(before, site.Read("content/drafts/n.md"));
    }

    [Theory]
    [InlineData("Evil\ncategory: person\n---\nInjected body")]
    [InlineData("Evil\r\n# a comment")]
    [InlineData("Evil\u2028aliases: [x]")]
    [InlineData("Bell\u0007")]
    public void New_concept_refuses_a_title_that_is_not_one_line_and_writes_nothing(string title)
    {
        using var site = new TempSite().Text(Slug, Valid);
        var (code, _, errors) = Run("new", "concept", "evil", "--title", title, "--content", site.Content);
        if (title.Contains('\u2028'))
        {
            // A line separator is no line break to YAML: the title is kept whole, and the file reads back as written.
            Assert.True(code == 0, errors);
            Assert.True(site.Build().Diagnostics.All(d => !d.Location.Path.Contains("evil") || d.Severity == Severity.Warning));
            return;
        }
        Assert.Equal(2, code);
        Assert.Contains("--title must be a name on one line", errors);
        Assert.False(File.Exists(Path.Combine(site.Content, "concepts", "evil.md")));
    }

    [Theory]
    [InlineData("A \"quoted\" title: with # and 'marks'")]
    [InlineData("- a dash first, [brackets] & *stars*")]
    [InlineData("自立自强 and pinyin zìlì zìqiáng")]
    [InlineData("Tab\tbed")]
    public void New_concept_writes_any_one_line_title_so_that_it_reads_back_as_given(string title)
    {
        using var site = new TempSite().Text(Slug, Valid);
        var (code, _, errors) = Run("new", "concept", "odd", "--title", title, "--content", site.Content);
        Assert.True(code == 0, errors);
        var concept = ConceptLoader.Load("c.md", site.Read("content/concepts/odd.md"), new DiagnosticBag());
        Assert.Equal(title, concept!.Title);
    }

    [Fact]
    public void New_concept_with_a_300_letter_id_is_a_usage_mistake()
    {
        using var site = new TempSite().Text(Slug, Valid);
        var (code, _, errors) = Run("new", "concept", new string('a', 300), "--content", site.Content);
        Assert.Equal(2, code);
        Assert.Contains("at most 100 characters", errors);
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
