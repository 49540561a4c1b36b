using CsCheck;
using SiteGen.Analysis;
using SiteGen.Commands;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Analysis;

/// <summary>
/// Drift: an annotation records the paragraph it was written against (<c>anchored:</c>); when the
/// text changes under it, <c>check</c> says so with a word diff, and <c>check --accept-drift</c>
/// records the paragraph anew.
/// </summary>
public class DriftTests
{
    private const string Slug = "2021-06-10-t";
    private const string Before = "In 1978, Chinese leader Dening X Kodaira advocated the famous theory.";
    private const string After = "In 1978, Chinese leader Dening X Kodaira advocated the well-known theory.";
    private static readonly string Note = $"content/annotations/{Slug}/deng.md";

    private static TempSite Site(string paragraph, string record, string before = "First paragraph.\n\n")
    {
        var site = new TempSite()
            .Text(Slug, "title: T\ndate: 2021-06-10\nkind: news", before + paragraph + "\n")
            .Write(Note, $"---\ntext: {Slug}\nquote: Dening X Kodaira\nkind: correction\ncorrection: Deng Xiaoping\n{record}---\nDeng Xiaoping.\n");
        return site;
    }

    private static string Record(int paragraph, string text) => SiteGen.Editing.NoteFile.RecordYaml(new PassageRecord(paragraph, PassageRecord.HashOf(text), text));

    private static (int Code, string Out, string Err) Run(TempSite site, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] paths = args[0] == "check" ? ["--content", site.Content, "--templates", Repo.Templates] : ["--content", site.Content];
        var code = Cli.Run([.. args, .. paths], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void An_unchanged_paragraph_is_no_drift()
    {
        using var site = Site(Before, Record(2, Before));
        var result = site.Build();
        Assert.True(result.Passes(strict: true), string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void A_changed_paragraph_is_a_warning_at_the_record_with_a_word_diff_and_an_error_under_strict()
    {
        using var site = Site(After, Record(2, Before));
        var result = site.Build();
        var drift = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.PassageDrifted, drift.Code);
        Assert.Equal(Severity.Warning, drift.Severity);
        Assert.EndsWith("deng.md", drift.Location.Path);
        Assert.Equal((6, 1), (drift.Location.Line, drift.Location.Column));
        Assert.Contains("advocated the [-famous-]{+well-known+} theory.", drift.Message);
        Assert.Contains("check --accept-drift", drift.Message);
        Assert.True(result.Succeeded);
        Assert.False(result.Passes(strict: true));
        Assert.Equal(1, Run(site, "check", "--strict").Code);
    }

    [Fact]
    public void A_paragraph_that_only_moved_is_no_drift()
    {
        using var site = Site(Before, Record(2, Before), before: "First paragraph.\n\nA paragraph added before it.\n\n");
        var result = site.Build();
        Assert.Equal(3, result.Site!.Notes.Single().Paragraph.Number);
        Assert.True(result.Passes(strict: true), string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Accept_drift_records_the_paragraph_as_it_is_and_changes_nothing_else()
    {
        using var site = Site(After, Record(2, Before) + "# the record above is kept by check --accept-drift\n");
        var file = Path.Combine(site.Root, Note);
        var original = File.ReadAllText(file);
        var (code, output, errors) = Run(site, "check", "--strict", "--accept-drift", file);
        Assert.True(code == 0, errors);
        Assert.Contains("Accepted the passages of 1 note; 0 already up to date.", output);
        var updated = File.ReadAllText(file);
        Assert.Equal(original.Replace(Record(2, Before), Record(2, After)), updated);
        Assert.Contains($"hash: \"{PassageRecord.HashOf(After)}\"", updated);
        // A second run finds it current, and a folder works as well as a file.
        (code, output, _) = Run(site, "check", "--accept-drift", Path.Combine(site.Content, "annotations"));
        Assert.Equal(0, code);
        Assert.Contains("Accepted the passages of 0 notes; 1 already up to date.", output);
        Assert.Equal(updated, File.ReadAllText(file));
    }

    [Fact]
    public void Accept_drift_adds_a_record_where_there_was_none_and_keeps_CRLF_line_ends()
    {
        using var site = Site(Before, "");
        var file = Path.Combine(site.Root, Note);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n"));
        Assert.Equal(0, Run(site, "check", "--accept-drift", file).Code);
        var updated = File.ReadAllText(file);
        Assert.Contains("correction: Deng Xiaoping\r\nanchored:\r\n  paragraph: 2\r\n", updated);
        Assert.DoesNotContain("\r\r", updated);
        Assert.DoesNotMatch("[^\r]\n", updated);
        Assert.True(site.Build().Site!.Notes.Single().Note.Anchored is { Paragraph: 2 });
    }

    [Theory]
    [InlineData("/etc", "no such file or folder")]
    [InlineData("content/texts", "only annotations are recorded")]
    public void Accept_drift_refuses_paths_outside_the_annotations(string path, string message)
    {
        using var site = Site(After, Record(2, Before));
        var text = File.ReadAllText(Path.Combine(site.Content, "texts", Slug + ".md"));
        var (code, _, errors) = Run(site, "check", "--accept-drift", path.StartsWith('/') ? path + "/nothing-here" : Path.Combine(site.Root, path));
        Assert.Equal(2, code);
        Assert.Contains(message, errors);
        Assert.Equal(text, File.ReadAllText(Path.Combine(site.Content, "texts", Slug + ".md")));
    }

    [Theory]
    [InlineData("anchored:\n  paragraph: 0\n  hash: \"00000000\"\n", "7:14", "'paragraph: 0' is not a paragraph number")]
    [InlineData("anchored:\n  paragraph: 2\n  hash: \"xyz\"\n", "8:9", "'hash: xyz' is not a passage hash")]
    [InlineData("anchored:\n  paragraph: 2\n  hsh: \"00000000\"\n", "6:1", "'hash' is missing")]
    [InlineData("anchored:\n  paragraph: 2\n  hash: \"00000000\"\n  hsh: 1\n", "9:3", "unknown key 'hsh': did you mean 'hash'?")]
    [InlineData("anchored: 12\n", "6:11", "'anchored' must be a group of indented fields")]
    public void A_malformed_record_is_an_error_at_its_line_and_column(string record, string at, string message)
    {
        using var site = Site(Before, record);
        var problems = site.Errors();
        Assert.Contains(problems, p => p.Contains($"deng.md:{at}: error: {message}", StringComparison.Ordinal));
    }

    [Fact]
    public void New_annotation_records_the_paragraph_it_anchors_in()
    {
        using var site = Site(Before, "");
        File.Delete(Path.Combine(site.Root, Note));
        var (code, _, errors) = Run(site, "new", "annotation", "--text", Slug, "--quote", "famous theory");
        Assert.True(code == 0, errors);
        var written = File.ReadAllText(Directory.GetFiles(Path.Combine(site.Content, "annotations", Slug)).Single());
        Assert.Contains(Record(2, Before), written);
    }

    [Theory]
    [InlineData("a b c d", "a x c d", "a [-b-]{+x+} c d")]
    [InlineData("one two", "one two three", "one two{+ three+}")]
    [InlineData("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 old w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22", "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 new w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22",
        "…w6 w7 w8 w9 w10 w11 [-old-]{+new+} w12 w13 w14 w15 w16 w17…")]
    public void The_word_diff_shows_changes_among_a_few_words_of_context(string before, string after, string expected) =>
        Assert.Equal(expected, PassageDrift.WordDiff(before, after));

    [Fact]
    public void A_quoted_YAML_value_reads_back_as_written_whatever_it_holds()
    {
        var yaml = new YamlDotNet.Serialization.Deserializer();
        Gen.String.Sample(s =>
        {
            var read = yaml.Deserialize<Dictionary<string, string>>("text: " + SiteGen.Editing.NoteFile.Quoted(s) + "\n");
            return read["text"] == s;
        }, iter: 2000);
    }
}
