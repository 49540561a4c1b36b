using SiteGen.Model;
using SiteGen.Diagnostics;
using SiteGen.Loading;

namespace SiteGen.Tests.Loading;

public class FrontMatterTests
{
    private static (FrontMatter? Fields, DiagnosticBag Diagnostics) Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        return (FrontMatter.Parse("f.md", yaml, 2, diagnostics), diagnostics);
    }

    [Fact]
    public void Reads_strings_dates_and_lists_with_their_types()
    {
        var (fields, diagnostics) = Parse("title: A title\ndate: 2024-06-24\ntags: [a, b]\nother:\n  - c\n  - d\n");
        Assert.Equal("A title", fields!.String("title", true, "x"));
        Assert.Equal(new DateOnly(2024, 6, 24), fields.Date("date", true));
        Assert.Equal(["a", "b"], fields.StringList("tags", "[a]").Select(t => t.Value));
        Assert.Equal(["c", "d"], fields.StringList("other", "[a]").Select(t => t.Value));
        fields.ReportUnknownKeys();
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Positions_are_those_of_the_whole_file_one_based()
    {
        // The YAML starts on line 2 of the file, after the opening ---.
        var (fields, diagnostics) = Parse("title: A\ndate: 2024-13-01\n");
        Assert.Null(fields!.Date("date", true));
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(new SourceLocation("f.md", 3, 7), d.Location);
        Assert.Equal(DiagnosticCodes.BadDate, d.Code);
    }

    [Fact]
    public void A_misspelt_key_is_reported_with_the_key_it_resembles()
    {
        var (fields, diagnostics) = Parse("title: A\nauther: B\n");
        fields!.String("title", true, "x");
        fields.String("author", false, "x");
        fields.ReportUnknownKeys();
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal("f.md:3:1: error: unknown key 'auther': did you mean 'author'? [SG0104]", d.ToString());
    }

    [Fact]
    public void A_flag_is_true_or_false_and_anything_else_is_an_error_at_its_value()
    {
        var (fields, diagnostics) = Parse("generic: true\nshown: false\nodd: yes\n");
        Assert.True(fields!.Flag("generic", otherwise: false));
        Assert.False(fields.Flag("shown", otherwise: true));
        Assert.True(fields.Flag("absent", otherwise: true));
        Assert.False(fields.Flag("odd", otherwise: false));
        Assert.Equal("f.md:4:6: error: 'odd: yes' must be true or false, e.g. 'odd: true' [SG0109]", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_missing_required_field_names_the_field_and_an_example()
    {
        var (fields, diagnostics) = Parse("title: A\n");
        Assert.Null(fields!.Date("date", true));
        Assert.Equal("f.md:2:1: error: 'date' is missing: add a line 'date: 2024-06-24' to the front matter [SG0105]",
            Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_list_where_a_value_is_expected_is_a_type_error()
    {
        var (fields, diagnostics) = Parse("title: [a, b]\n");
        Assert.Null(fields!.String("title", true, "A title"));
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCodes.WrongType, d.Code);
        Assert.Equal(2, d.Location.Line);
        Assert.Contains("not a list", d.Message);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_with_advice()
    {
        var (fields, diagnostics) = Parse("title: A\nnote: a value: with a colon\n");
        Assert.Null(fields);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(3, d.Location.Line);
        Assert.Contains("double quotes", d.Message);
        Assert.DoesNotContain("Line:", d.Message);
    }

    [Fact]
    public void A_key_given_twice_is_an_error()
    {
        var (fields, diagnostics) = Parse("title: A\ndate: 2024-06-24\ntitle: B\n");
        Assert.Null(fields);
        Assert.Equal("f.md:4:1: error: 'title' is given twice: keep one of them [SG0110]", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_tab_used_for_indentation_is_reported_on_the_tab_s_own_line()
    {
        var (fields, diagnostics) = Parse("title: A\nsource:\n  publisher: X\n\tnote: Y\nkind: speech\n");
        Assert.Null(fields);
        Assert.Equal("f.md:5:1: error: the front matter is not valid YAML: this line is indented with a tab; YAML indents with spaces only [SG0103]",
            Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void Forty_thousand_nested_brackets_are_an_error_not_a_stack_overflow()
    {
        var (fields, diagnostics) = Parse("title: A\naliases: " + new string('[', 40_000) + "\n");
        Assert.Null(fields);
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(("SG0103", 3, 42), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Contains("nested more than 32 levels", d.Message);
    }

    [Fact]
    public void Indentation_thousands_deep_is_an_error_not_a_stack_overflow()
    {
        var yaml = string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i) + $"k{i}:\n"));
        var (fields, diagnostics) = Parse(yaml);
        Assert.Null(fields);
        Assert.Equal("SG0103", Assert.Single(diagnostics.Sorted()).Code);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("vbscript:x")]
    [InlineData("/relative/path")]
    [InlineData("\"https://example.org/a\tb\"")]
    public void A_url_field_accepts_only_a_full_http_address(string value)
    {
        var (fields, diagnostics) = Parse($"url: {value}\n");
        Assert.Null(fields!.Url("url", false, "https://example.org/"));
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(("SG0113", 2, 6), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Theory]
    [InlineData("speach", "speech")]
    [InlineData("artcle", "article")]
    public void An_unknown_choice_suggests_the_nearest(string given, string expected)
    {
        var (fields, diagnostics) = Parse($"kind: {given}\n");
        Assert.Null(fields!.Choice("kind", true, Vocabulary.TextKinds.ByWord));
        Assert.Contains($"did you mean '{expected}'?", Assert.Single(diagnostics.Sorted()).Message);
    }

    [Fact]
    public void Edit_distance_counts_insertions_deletions_and_substitutions()
    {
        Assert.Equal(0, Suggestions.EditDistance("kind", "kind"));
        Assert.Equal(1, Suggestions.EditDistance("auther", "author"));
        Assert.Equal(3, Suggestions.EditDistance("", "abc"));
        Assert.Equal(2, Suggestions.EditDistance("ab", "ba"));
    }
}
