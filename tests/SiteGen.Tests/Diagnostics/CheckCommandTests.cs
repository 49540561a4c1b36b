using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Diagnostics;

/// <summary>
/// 'check' on a set of broken files, in each of the three formats: the exact text, file, line and
/// column of every diagnostic are in the snapshots beside this file.
/// </summary>
public class CheckCommandTests
{
    private static readonly string Broken = Path.Combine(Repo.Fixture("broken"), "content");
    private static readonly string Clean = Path.Combine(Repo.Fixture("basic"), "content");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Paths in messages are relative to the repository, found from the current folder.
        var saved = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Repo.Root);
        try
        {
            var code = Cli.Run(args, stdout, stderr).GetAwaiter().GetResult();
            return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }
        finally
        {
            Directory.SetCurrentDirectory(saved);
        }
    }

    [Fact]
    public void Human_format()
    {
        var (code, output, errors) = Run("check", "--content", Broken, "--templates", Repo.Templates, "--format", "human");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Snapshot.Verify(errors, "txt");
    }

    [Fact]
    public void GitHub_format()
    {
        var (code, output, _) = Run("check", "--content", Broken, "--templates", Repo.Templates, "--format", "github");
        Assert.Equal(1, code);
        Assert.All(output.TrimEnd().Split('\n'), line => Assert.Matches(@"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=SG\d{4}::.+$", line));
        Snapshot.Verify(output, "txt");
    }

    [Fact]
    public void Json_format()
    {
        var (code, output, _) = Run("check", "--content", Broken, "--templates", Repo.Templates, "--format", "json");
        Assert.Equal(1, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(json.RootElement.GetProperty("diagnostics").GetArrayLength(),
            json.RootElement.GetProperty("errors").GetInt32() + json.RootElement.GetProperty("warnings").GetInt32());
        Snapshot.Verify(output, "json");
    }

    [Fact]
    public void GitHub_format_is_chosen_inside_GitHub_Actions() =>
        Assert.Equal(SiteGen.Diagnostics.DiagnosticFormat.GitHub,
            SiteGen.Diagnostics.DiagnosticFormatter.Default(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" }));

    [Fact]
    public void GitHub_commands_escape_what_would_break_them()
    {
        var d = SiteGen.Diagnostics.Diagnostic.Error("SG0000", new SiteGen.Diagnostics.SourceLocation("a,b:c.md", 1, 2), "100% sure\nsecond line");
        Assert.Equal("::error file=a%2Cb%3Ac.md,line=1,col=2,title=SG0000::100%25 sure%0Asecond line", SiteGen.Diagnostics.DiagnosticFormatter.GitHub(d));
    }

    [Fact]
    public void A_clean_site_checks_with_exit_code_zero_and_writes_nothing()
    {
        using var site = new TempSite();
        var (code, output, errors) = Run("check", "--content", Clean, "--templates", Repo.Templates, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Matches(@"^Checked 2 texts, 2 concepts, 2 notes and \d+ pages in \d+ ms: no problems\.\n$", output);
        Assert.Equal("", errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Warnings_pass_but_fail_under_strict()
    {
        using var site = new TempSite()
            .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Basic research.\n")
            .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech", "Basic research.\n")
            .Write("content/concepts/basic-research.md", "---\ntitle: Basic research\naliases: [fundamental research]\ncategory: term\n---\nC.\n");
        Assert.Equal(0, Run("check", "--content", site.Content, "--templates", Repo.Templates).Code);
        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--strict");
        Assert.Equal(1, code);
        Assert.Contains("(--strict: warnings count)", errors);
        Assert.Equal(1, Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--strict").Code);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("new", "annotation", "--quote", "x")]
    public void Usage_mistakes_exit_with_two(params string[] args) =>
        Assert.Equal(2, Run(args).Code);

    [Fact]
    public void A_link_or_anchor_that_leads_nowhere_is_reported_in_the_page_that_has_it()
    {
        using var site = new TempSite()
            .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Basic research.\n")
            .Write("content/annotations/2021-05-28-a/n.md",
                "---\ntext: 2021-05-28-a\nquote: Basic research\nkind: note\n---\nSee [a missing page](/texts/nowhere/), [a missing paragraph](/texts/2021-05-28-a/#p9) and [a good one](/texts/2021-05-28-a/#p1).\n");
        var (code, _, errors) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--format", "human");
        Assert.Equal(1, code);
        var lines = errors.TrimEnd().Split('\n');
        Assert.Contains(lines, l => l.Contains("error: the link to '/texts/nowhere/' leads nowhere: there is no page texts/nowhere/index.html in the site [SG0601]"));
        Assert.Contains(lines, l => l.Contains("error: the link to '/texts/2021-05-28-a/#p9' leads nowhere: texts/2021-05-28-a/index.html has no element with id 'p9' [SG0601]"));
        // Each is reported in both pages that show the note, at its line and column there.
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"site/texts/2021-05-28-a/index\.html:\d+:\d+: error: the link to '/texts/nowhere/'"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"site/annotations/index\.html:\d+:\d+: error: the link to '/texts/nowhere/'"));
        Assert.DoesNotContain(lines, l => l.Contains("#p1'"));
    }

    [Fact]
    public void New_annotation_writes_a_file_that_anchors_with_the_deciding_prefix()
    {
        using var site = new TempSite().Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Basic research first. Then basic research again.\n");
        var (code, output, _) = Run("new", "annotation", "--content", site.Content, "--text", "2021-05-28-a", "--quote", "basic research", "--occurrence", "2");
        Assert.Equal(0, code);
        Assert.Contains("picks occurrence 2 of 2", output);
        var file = site.Read("content/annotations/2021-05-28-a/basic-research.md");
        Assert.Contains("prefix: \"Then \"", file);
        site.Write("content/annotations/2021-05-28-a/basic-research.md", file + "The note.\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(27, Assert.Single(result.Site!.Notes).Start);
    }

    [Fact]
    public void New_annotation_with_a_misquote_says_what_the_text_has()
    {
        using var site = new TempSite().Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Dening X Kodaira advocated it.\n");
        var (code, _, errors) = Run("new", "annotation", "--content", site.Content, "--text", "2021-05-28-a", "--quote", "Dening Kodaira");
        Assert.Equal(1, code);
        Assert.Contains("If that is the passage, write: quote: \"Dening X Kodaira\"", errors);
        Assert.False(Directory.Exists(Path.Combine(site.Content, "annotations")));
    }

    [Fact]
    public void New_concept_writes_a_file_that_loads_and_refuses_to_overwrite()
    {
        using var site = new TempSite()
            .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Basic research.\n")
            .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech", "Basic research.\n");
        var (code, output, _) = Run("new", "concept", "basic-research", "--content", site.Content, "--category", "term");
        Assert.Equal(0, code);
        Assert.Contains("Its title is found 2 times in 2 texts", output);
        var result = site.Build();
        Assert.True(result.Succeeded);
        Assert.Equal(["content/concepts/basic-research.md:9:1: warning: the concept has no commentary: below the front matter, say what the term means, where it comes from and how its use changes across the texts [SG0405]"],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(2, Run("new", "concept", "basic-research", "--content", site.Content).Code);
        Assert.Equal(2, Run("new", "concept", "Basic_Research", "--content", site.Content).Code);
    }
}
