using SiteGen.Commands;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// <c>import hypothesis</c> on hand-made exports in the Hypothesis API's format
/// (<c>fixtures/hypothesis/</c>), into a copy of the real edition: what is written, skipped and
/// refused, and that importing again changes nothing.
/// </summary>
public class ImportTests
{
    private static readonly string Search = Path.Combine(Repo.Fixture("hypothesis"), "search.json");
    private static readonly string Single = Path.Combine(Repo.Fixture("hypothesis"), "single.json");

    private static TempSite Edition()
    {
        var site = new TempSite(withDefaults: false);
        foreach (var file in Directory.GetFiles(Repo.Content, "*", SearchOption.AllDirectories))
            site.Write(Path.Combine("content", Path.GetRelativePath(Repo.Content, file)), File.ReadAllText(file));
        return site;
    }

    private static (int Code, string Out, string Err) Import(TempSite site, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(["import", "hypothesis", .. args, "--content", site.Content], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString().Replace(site.Root, "<site>"), stderr.ToString().Replace(site.Root, "<site>"));
    }

    private static Dictionary<string, string> Files(TempSite site) =>
        Directory.GetFiles(Path.Combine(site.Content, "annotations"), "*.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site.Content, f).Replace('\\', '/'), File.ReadAllText);

    [Fact]
    public void The_export_is_imported_skipped_or_refused_annotation_by_annotation_as_the_snapshot_shows()
    {
        using var site = Edition();
        var before = Files(site);
        var (code, output, errors) = Import(site, Search);
        Assert.Equal(1, code); // two annotations are refused
        Snapshot.Verify(output.Replace(Repo.Root + "/", "") + "--- stderr ---\n" + errors.Replace(Repo.Root + "/", ""), "txt");

        var added = Files(site).Where(f => !before.ContainsKey(f.Key)).ToDictionary();
        Assert.Equal(5, added.Count);
        // The edition builds with them, strictly, and each anchors where Hypothesis placed it.
        var result = site.Build();
        Assert.True(result.Passes(strict: true), string.Join("\n", result.Diagnostics));
        var anchors = result.Site!.Notes.Where(a => a.Note.SourceId is not null).ToDictionary(a => a.Note.SourceId!);
        Assert.Equal(5, anchors.Count);
        var conjectures = anchors["hypothesis:8tNxHqEzEe-aaaaaaaaaaa"];
        Assert.Equal((3, NoteKind.Context, "alice"), (conjectures.Paragraph.Number, conjectures.Note.Kind, conjectures.Note.Author));
        Assert.Equal(["basic-research"], conjectures.Note.Concepts.Select(c => c.Value));
        // A quote over a note marker, and one with curly quotes, anchor like any other.
        Assert.Equal(4, anchors["hypothesis:8tNxHqEzEe-bbbbbbbbbbb"].Paragraph.Number);
        Assert.Equal(new DateOnly(2026, 11, 20), anchors["hypothesis:8tNxHqEzEe-bbbbbbbbbbb"].Note.Date); // 07:30 at +08:00 is the 20th in UTC
        Assert.Contains("邓小平", anchors["hypothesis:8tNxHqEzEe-ccccccccccc"].Note.Body.PlainText(id => id));
        // Of "basic research" (many places), the prefix Hypothesis gave picks ¶2, and only the words needed are kept.
        var basic = anchors["hypothesis:8tNxHqEzEe-ddddddddddd"];
        Assert.Equal((2, "emphasised the importance of ", null), (basic.Paragraph.Number, basic.Note.Prefix, basic.Note.Suffix));
        var correction = anchors["hypothesis:8tNxHqEzEe-jjjjjjjjjjj"].Note;
        Assert.Equal(("Xi Jinping", "xi-jinping-jintao-2"), (correction.Correction, correction.Name));
        Assert.All(anchors.Values, a => Assert.Equal(PassageRecord.HashOf(result.Site.TextOf(a.Paragraph.Slug).Paragraphs[a.Paragraph.Number - 1].PlainText), a.Note.Anchored!.Hash));
        // Nothing else was touched.
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(Path.Combine(site.Content, f.Key))));
    }

    [Fact]
    public void Importing_again_changes_nothing_and_an_edited_annotation_updates_its_file()
    {
        using var site = Edition();
        Import(site, Search);
        var first = Files(site);
        var (_, output, _) = Import(site, Search);
        Assert.Contains("Wrote 0 new and 0 updated annotations; 5 unchanged, 3 skipped, 2 not imported", output);
        Assert.Equal(first, Files(site));

        var edited = Path.Combine(site.Root, "edited.json");
        File.WriteAllText(edited, File.ReadAllText(Search).Replace("The first of many uses of the phrase.", "The first of many uses of the phrase, edited."));
        (_, output, _) = Import(site, edited);
        Assert.Contains("Wrote 0 new and 1 updated annotation; 4 unchanged", output);
        var changed = Files(site).Where(f => first[f.Key] != f.Value).Select(f => f.Key).ToList();
        Assert.Equal(["annotations/2023-02-21-basic-research/basic-research.md"], changed);
    }

    [Fact]
    public void A_dry_run_writes_nothing()
    {
        using var site = Edition();
        var before = Files(site);
        var (_, output, _) = Import(site, Search, "--dry-run");
        Assert.Contains("Would write 5 new and 0 updated annotations", output);
        Assert.Equal(before, Files(site));
    }

    [Fact]
    public void A_single_annotation_made_on_a_local_preview_is_imported_and_its_tags_are_read_in_any_case()
    {
        using var site = Edition();
        var (code, output, errors) = Import(site, Single);
        Assert.True(code == 0, errors);
        Assert.Contains("annotations/2024-06-24-country-strong-in-science/world-class-capabilities-and-innovation.md: new, ¶20", output);
        var file = File.ReadAllText(Path.Combine(site.Content, "annotations/2024-06-24-country-strong-in-science/world-class-capabilities-and-innovation.md"));
        Assert.Contains("kind: note\n", file);
        Assert.Contains("source_id: \"hypothesis:8tNxHqEzEe-kkkkkkkkkkk\"\n", file);
    }

    [Fact]
    public void With_text_an_annotation_of_another_page_is_taken_as_on_that_text()
    {
        using var site = Edition();
        var (_, output, errors) = Import(site, Search, "--text", "2024-06-24-country-strong-in-science");
        // The annotation made on the publisher's page is looked for in the speech (where its two words
        // occur too often to place it); the annotations of other texts are not found there.
        Assert.DoesNotContain("8tNxHqEzEe-ggggggggggg: it annotates", output);
        Assert.Matches("annotation 8tNxHqEzEe-ggggggggggg: the quote occurs [0-9]+ times in 2024-06-24-country-strong-in-science, and its prefix and suffix do not tell which", errors);
        Assert.Contains("annotation 8tNxHqEzEe-bbbbbbbbbbb: the quote is not in 2024-06-24-country-strong-in-science", errors);
        Assert.Contains("two-fundamental-conjectures-in-differential.md: new", output);
    }

    [Fact]
    public void Hostile_exports_never_crash_never_write_outside_the_annotations_and_what_is_written_builds()
    {
        using var site = Edition();
        var before = Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).ToHashSet();
        const string Page = "https://x.example/texts/2024-06-24-country-strong-in-science/";
        static string Row(string id, string text, string exact, string[]? tags = null, string user = "acct:a@hypothes.is") =>
            System.Text.Json.JsonSerializer.Serialize(new
            {
                id, uri = Page, user, text, tags = tags ?? [], created = "not a date",
                target = new[] { new { source = Page, selector = new[] { new { type = "TextQuoteSelector", exact } } } },
            });
        var rows = new[]
        {
            Row("../../../../etc/passwd", "A note.", "world-class capabilities and innovation prowess", user: "acct:\"quoted\"\n---\nkind: x@h"),
            Row("dup", "First.", "innovation prowess"),
            Row("dup", "Second.", "innovation prowess"),
            Row("js", "[click](javascript:alert(1))", "economic strength"),
            Row("img", "![x](https://example.org/x.png)", "national defense capabilities"),
            Row("unknown-link", "See [[no-such-concept]].", "composite national strength"),
            Row("dashes", "Line one.\n---\nkind: correction\n---\n{{ 7 * 7 }} \\<b>", "human wellbeing"),
            Row("tags", "Tagged.", "boost global development", tags: ["correction: a \"b\" \\ c\nd", "concept:../x"]),
            Row("punct", "Only punctuation.", "“—”"),
            Row("long", "Long.", new string('a', 5000)),
            """{"id": 5, "text": 5, "tags": "not a list", "uri": "https://x.example/texts/2024-06-24-country-strong-in-science/"}""",
            """{"id": "types", "uri": 7, "target": {"selector": "x"}, "text": ["a"]}""",
            "42",
            string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)),
        };
        var file = Path.Combine(site.Root, "hostile.json");
        File.WriteAllText(file, "\uFEFF{\"rows\": [\n" + string.Join(",\n", rows) + "\n]}\n");
        var (code, output, errors) = Import(site, file);
        Assert.True(code is 0 or 1, errors);
        Assert.DoesNotContain("internal error", errors);
        Assert.DoesNotContain("   at ", errors);
        // Only new annotation files appeared, and the edition still builds, strictly.
        var added = Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f) && f != file).ToList();
        Assert.All(added, f => Assert.StartsWith(Path.Combine(site.Content, "annotations", "2024-06-24-country-strong-in-science") + Path.DirectorySeparatorChar, f));
        Assert.NotEmpty(added);
        var result = site.Build();
        Assert.True(result.Passes(strict: true), string.Join("\n", result.Diagnostics));
        var html = site.Read("site/texts/2024-06-24-country-strong-in-science/index.html");
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("the file gives it twice", output);
        foreach (var refused in new[] { "annotation ../../../../etc/passwd: its user", "annotation js:", "annotation img:", "annotation unknown-link:", "annotation punct:", "annotation long:", "annotation tags:" })
            Assert.Contains(refused, errors);
    }

    [Fact]
    public void A_deeply_nested_file_is_an_error_not_a_crash()
    {
        using var site = Edition();
        var file = Path.Combine(site.Root, "deep.json");
        File.WriteAllText(file, "{\"rows\": " + string.Concat(Enumerable.Repeat("[", 100_000)) + "}");
        var (code, _, errors) = Import(site, file);
        Assert.Equal(1, code);
        Assert.Contains("this is not valid JSON", errors);
    }

    [Theory]
    [InlineData("{\"rows\": [}", "1:11", "this is not valid JSON")]
    [InlineData("[1, 2]", "1:1", "this is not a Hypothesis export")]
    public void A_file_that_is_not_an_export_is_an_error_at_its_line_and_column(string json, string at, string message)
    {
        using var site = Edition();
        var file = Path.Combine(site.Root, "export.json");
        File.WriteAllText(file, json);
        var (code, _, errors) = Import(site, file);
        Assert.Equal(1, code);
        Assert.StartsWith($"<site>/export.json:{at}: error: {message}", errors);
        Assert.EndsWith("[SG0701]\n", errors);
    }

    [Fact]
    public void A_missing_file_or_unknown_text_is_a_usage_mistake()
    {
        using var site = Edition();
        Assert.Equal(2, Import(site, Path.Combine(site.Root, "nothing.json")).Code);
        var (code, _, errors) = Import(site, Search, "--text", "2024-06-24-country-strong-in-sciense");
        Assert.Equal(2, code);
        Assert.Contains("Did you mean '2024-06-24-country-strong-in-science'?", errors);
    }
}
