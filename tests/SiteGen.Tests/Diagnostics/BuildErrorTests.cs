using SiteGen.Tests.Support;

namespace SiteGen.Tests.Diagnostics;

/// <summary>Each mistake a contributor can make in a text, with the exact line the build prints.</summary>
public class BuildErrorTests
{
    private const string Path = "content/texts/2021-05-28-t.md";

    private static IReadOnlyList<string> ErrorsOf(string fileText, string slug = "2021-05-28-t")
    {
        using var site = new TempSite().Write($"content/texts/{slug}.md", fileText);
        return site.Errors();
    }

    [Fact]
    public void A_missing_title_is_reported_at_the_front_matter()
    {
        Assert.Equal([$"{Path}:2:1: error: 'title' is missing: add a line 'title: Striving to Build a Country Strong in Science and Technology' to the front matter [SG0105]"],
            ErrorsOf("---\ndate: 2021-05-28\nkind: speech\n---\nBody.\n"));
    }

    [Fact]
    public void A_bad_date_is_reported_at_its_value()
    {
        Assert.Equal([$"{Path}:3:7: error: 'date: 2021-02-30' is not a date: write it as YYYY-MM-DD, e.g. 'date: 2024-06-24' [SG0107]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-02-30\nkind: speech\n---\nBody.\n"));
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_silently_dropped()
    {
        Assert.Equal([$"{Path}:5:1: error: unknown key 'auther': did you mean 'author'? [SG0104]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\nauther: Xi Jinping\n---\nBody.\n"));
    }

    [Fact]
    public void A_misspelt_key_inside_source_is_reported_too()
    {
        Assert.Equal([$"{Path}:6:3: error: unknown key 'publsher': did you mean 'publisher'? [SG0104]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\nsource:\n  publsher: Qiushi\n---\nBody.\n"));
    }

    [Fact]
    public void An_unknown_kind_lists_the_kinds()
    {
        Assert.Equal([$"{Path}:4:7: error: 'kind: speach' is not known: did you mean 'speech'? use one of speech | article | report | news [SG0109]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speach\n---\nBody.\n"));
    }

    [Fact]
    public void A_bad_slug_is_reported_on_the_file()
    {
        Assert.Equal(["content/texts/2021-05-28-Bad_Name.md:1:1: error: the file name '2021-05-28-Bad_Name' cannot be a text's slug: rename the file; use only lowercase letters a-z, digits and hyphens, starting with the text's date (2024-06-24-...), at most 100 characters, and not a name Windows keeps for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9) [SG0108]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\n---\nBody.\n", "2021-05-28-Bad_Name"));
    }

    [Fact]
    public void A_slug_that_does_not_start_with_the_date_is_reported_at_the_date()
    {
        Assert.Equal([$"{Path}:3:7: error: the slug '2021-05-28-t' does not start with the text's date 2021-05-29: rename the file to '2021-05-29-t.md' or correct the date [SG0112]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-29\nkind: speech\n---\nBody.\n"));
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_the_broken_line()
    {
        var errors = ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\nvenue: Beijing: Great Hall\n---\nBody.\n");
        var error = Assert.Single(errors);
        Assert.StartsWith($"{Path}:5:", error);
        Assert.Contains("error: the front matter is not valid YAML", error);
        Assert.Contains("double quotes", error);
    }

    [Fact]
    public void An_unclosed_list_is_reported_at_its_bracket_not_as_a_crash()
    {
        Assert.Equal([$"{Path}:5:10: error: the front matter is not valid YAML: a list written [a, b] must be closed with ']' on the same line (or put a value that starts with '[' in double quotes) [SG0103]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\nsummary: [a, b\nvenue: x\n---\nBody.\n"));
    }

    [Fact]
    public void Front_matter_that_is_never_closed_says_so()
    {
        Assert.Equal([$"{Path}:1:1: error: the front matter is never closed: add a line '---' after its last field [SG0102]"],
            ErrorsOf("---\ntitle: T\ndate: 2021-05-28\nkind: speech\nBody.\n"));
    }

    [Fact]
    public void A_file_without_front_matter_says_how_to_start_one()
    {
        Assert.Equal([$"{Path}:1:1: error: the file does not start with front matter: put a line '---' first, then the fields (title: ..., date: ...), then another '---' [SG0101]"],
            ErrorsOf("Just a body.\n"));
    }

    [Fact]
    public void All_problems_of_all_files_are_reported_in_one_run_in_file_order()
    {
        using var site = new TempSite()
            .Write("content/texts/2021-05-28-b.md", "---\ntitle: T\ndate: 2021-05-28\nkind: speech\nauther: X\n---\nBody.\n")
            .Write("content/texts/2021-05-28-a.md", "---\ndate: 2021-05-28\nkind: speech\n---\nBody.\n");
        var errors = site.Errors();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("content/texts/2021-05-28-a.md:2:1:", errors[0]);
        Assert.StartsWith("content/texts/2021-05-28-b.md:5:1:", errors[1]);
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_line_and_column()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        CopyTemplates(site);
        site.Write("templates/home.html", "<h1>{{ site.title }}</h1>\n<p>{{ for t in texts }}</p>\n");
        var error = Assert.Single(site.Errors(templates: System.IO.Path.Combine(site.Root, "templates")));
        Assert.Matches(@"^templates/home\.html:2:\d+: error: template syntax: .+ \[SG0301\]$", error);
    }

    [Fact]
    public void A_template_that_uses_an_unknown_variable_names_the_template_line()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        CopyTemplates(site);
        site.Write("templates/404.html", "<p>fine</p>\n<p>{{ no_such_thing }}</p>\n");
        var error = Assert.Single(site.Errors(templates: System.IO.Path.Combine(site.Root, "templates")));
        Assert.StartsWith("templates/404.html:2:", error);
        Assert.Contains("no_such_thing", error);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        Assert.True(site.Build().Succeeded);
        var before = Snapshot(site.Output);

        site.Text("2021-05-28-t", "title: Changed\ndate: 2021-05-28\nkind: speech\nauther: X");
        site.Text("2021-06-01-new", "title: New\ndate: 2021-06-01\nkind: speech");
        Assert.False(site.Build().Succeeded);
        Assert.Equal(before, Snapshot(site.Output));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => File.ReadAllText(f) + File.GetLastWriteTimeUtc(f).Ticks);

    private static void CopyTemplates(TempSite site)
    {
        foreach (var file in Directory.GetFiles(Repo.Templates, "*", SearchOption.AllDirectories))
            site.Write("templates/" + System.IO.Path.GetRelativePath(Repo.Templates, file), File.ReadAllText(file));
    }
}
