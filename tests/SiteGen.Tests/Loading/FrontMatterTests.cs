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
        var (fields, diagnostics) = Parse("title: A\ntitle: B\n");
        // YamlDotNet may reject it while parsing or leave it to us: either way it is reported at line 3.
        var d = Assert.Single(diagnostics.Sorted());
        Assert.Equal(3, d.Location.Line);
    }

    [Theory]
    [InlineData("speach", "speech")]
    [InlineData("artcle", "article")]
    public void An_unknown_choice_suggests_the_nearest(string given, string expected)
    {
        var (fields, diagnostics) = Parse($"kind: {given}\n");
        Assert.Null(fields!.Choice("kind", true, TextLoader.Kinds));
        Assert.Contains($"did you mean '{expected}'?", Assert.Single(diagnostics.Sorted()).Message);
    }

    [Fact]
    public void Edit_distance_counts_insertions_deletions_and_substitutions()
    {
        Assert.Equal(0, FrontMatter.EditDistance("kind", "kind"));
        Assert.Equal(1, FrontMatter.EditDistance("auther", "author"));
        Assert.Equal(3, FrontMatter.EditDistance("", "abc"));
        Assert.Equal(2, FrontMatter.EditDistance("ab", "ba"));
    }
}
