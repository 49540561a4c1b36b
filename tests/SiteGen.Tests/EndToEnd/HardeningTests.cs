using SiteGen.Model;
using System.Diagnostics;
using SiteGen.Commands;
using SiteGen.Output;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Hostile and broken inputs, each found by an attack on the generator: every one ends in a
/// diagnostic at its place (or a clear refusal), never a crash, a hang, a leak or a half site.
/// </summary>
public class HardeningTests
{
    private const string Valid = "title: T\ndate: 2021-05-28\nkind: speech";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Build(TempSite site, params string[] extra) =>
        Run(["build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, .. extra]);

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_project_is_refused_not_published()
    {
        using var outside = new TempSite(withDefaults: false);
        outside.Write("secret.txt", "SECRET=hunter2");
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        File.CreateSymbolicLink(Path.Combine(site.Content, "texts", "2022-01-01-leak.md"), Path.Combine(outside.Root, "secret.txt"));
        var errors = site.Errors();
        Assert.Contains(errors, e => e.StartsWith("content/texts/2022-01-01-leak.md:1:1: error: the file is not read: it leads to", StringComparison.Ordinal) && e.Contains("outside content/") && e.EndsWith("[SG0001]"));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_symbolic_link_in_the_assets_to_a_secret_is_refused()
    {
        using var templates = new TempSite(withDefaults: false);
        CopyFolder(Repo.Templates, templates.Root);
        File.CreateSymbolicLink(Path.Combine(templates.Root, "assets", "env.txt"), "/proc/self/environ");
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var paths = new ProjectPaths(site.Root, site.Content, templates.Root, site.Output);
        var result = SiteBuilder.Build(new BuildOptions(paths));
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0001" && d.Location.Path.EndsWith("assets/env.txt", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.Output, "assets", "env.txt")));
    }

    [Fact]
    public void A_dangling_link_and_a_link_loop_are_diagnostics()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        Directory.CreateDirectory(Path.Combine(site.Content, "concepts"));
        File.CreateSymbolicLink(Path.Combine(site.Content, "concepts", "dangling.md"), Path.Combine(site.Root, "nowhere.md"));
        File.CreateSymbolicLink(Path.Combine(site.Content, "concepts", "loop-a.md"), Path.Combine(site.Content, "concepts", "loop-b.md"));
        File.CreateSymbolicLink(Path.Combine(site.Content, "concepts", "loop-b.md"), Path.Combine(site.Content, "concepts", "loop-a.md"));
        var errors = site.Errors();
        Assert.True(errors.Count >= 3, string.Join("\n", errors));
        foreach (var name in new[] { "dangling", "loop-a", "loop-b" })
            Assert.Contains(errors, e => e.StartsWith($"content/concepts/{name}.md:1:1: error: the file is not read: it is a symbolic link that leads nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_pipe_or_a_link_to_an_endless_device_is_read_as_nothing_without_hanging()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        Directory.CreateDirectory(Path.Combine(site.Content, "concepts"));
        Assert.Equal(0, Process.Start("mkfifo", Path.Combine(site.Content, "concepts", "pipe.md")).WaitForExitOrKill());
        File.CreateSymbolicLink(Path.Combine(site.Content, "concepts", "zero.md"), "/dev/zero");
        var errors = await Task.Run(() => site.Errors(null)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(errors, e => e.StartsWith("content/concepts/pipe.md:1:1: error:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/concepts/zero.md:1:1: error: the file is not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        using (var file = File.Create(Path.Combine(site.Content, "texts", "2022-01-01-huge.md"))) file.SetLength(17L * 1024 * 1024);
        Assert.Contains(site.Errors(), e => e.StartsWith("content/texts/2022-01-01-huge.md:1:1: error: the file is not read: it is 17,825,792 bytes (17.0 MB), more than the 16,777,216 bytes (16 MB)", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_column_and_byte()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var bytes = "---\ntitle: Caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\ndate: 2021-05-29\nkind: speech\n---\nWords.\n"u8.ToArray()).ToArray();
        File.WriteAllBytes(Path.Combine(site.Content, "texts", "2021-05-29-latin1.md"), bytes);
        Assert.Contains("content/texts/2021-05-29-latin1.md:2:11: error: the file is not valid UTF-8 (byte 14: 0xE9): save it as UTF-8 in your editor [SG0001]", site.Errors());
    }

    [Fact]
    public void A_file_name_ending_in_a_newline_is_not_a_slug()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("content/concepts/bad\n.md", "---\ntitle: Bad\ncategory: term\n---\nWords.\n");
        Assert.Contains(site.Errors(), e => e.Contains("cannot be a concept id") && e.EndsWith("[SG0108]"));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Markdown_nested_ten_thousand_deep_in_a_text_is_a_diagnostic()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid, new string('>', 10_000) + " deep\n");
        Assert.Contains(site.Errors(), e => e.StartsWith("content/texts/2021-05-28-t.md:6:1: error: the Markdown is nested too deeply", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("—")]
    [InlineData("- -")]
    [InlineData("\u200B")]
    [InlineData("“ ”")]
    public void A_quote_without_words_is_a_diagnostic_in_build_and_in_new_annotation(string quote)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid, "A paragraph — with a dash - and - hyphens.\n");
        site.Write("content/annotations/2021-05-28-t/dash.md", $"---\ntext: 2021-05-28-t\nquote: \"{quote}\"\nkind: note\n---\nA note.\n");
        Assert.Contains(site.Errors(), e => e.StartsWith("content/annotations/2021-05-28-t/dash.md:3:8: error: the quote", StringComparison.Ordinal) && e.Contains("has no words to find"));
        var (code, _, errors) = Run("new", "annotation", "--content", site.Content, "--text", "2021-05-28-t", "--quote", quote);
        Assert.Equal(1, code);
        Assert.Contains("has no words to find", errors);
    }

    [Fact]
    public void A_long_wrong_quote_on_a_long_text_gets_its_closest_passage_message()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 3000).Select(i => $"Paragraph {i} speaks of basic research, talent and the {i}th plan for science."));
        using var site = new TempSite().Text("2021-05-28-t", Valid, paragraphs + "\n");
        var quote = string.Concat(Enumerable.Repeat("words that are nowhere in the text at all ", 23))[..950];
        site.Write("content/annotations/2021-05-28-t/long.md", $"---\ntext: 2021-05-28-t\nquote: \"{quote}\"\nkind: note\n---\nA note.\n");
        Assert.Contains(site.Errors(), e => e.Contains("[SG0502]"));
    }

    [Fact]
    public void A_quote_longer_than_the_limit_is_refused()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("content/annotations/2021-05-28-t/long.md", $"---\ntext: 2021-05-28-t\nquote: \"{new string('a', 1200)}\"\nkind: note\n---\nA note.\n");
        Assert.Contains(site.Errors(), e => e.Contains("the quote is 1200 characters long, more than 1000"));
    }

    [Fact]
    public void A_page_larger_than_a_mebibyte_is_written_whole()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 1500).Select(i => $"Paragraph {i}: " + string.Concat(Enumerable.Repeat("the words of a long text, ", 30))));
        using var site = new TempSite().Text("2021-05-28-t", Valid, paragraphs + "\n");
        var (code, _, errors) = Build(site);
        Assert.True(code == 0, errors);
        var html = site.Read("site/texts/2021-05-28-t/index.html");
        Assert.True(html.Length > 1024 * 1024, $"the page is only {html.Length} characters");
        Assert.EndsWith("</html>\n", html);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.NotNull(document.QuerySelector("#p1500"));
        Assert.NotNull(document.QuerySelector("footer"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    public void A_script_link_in_a_text_body_source_url_or_repository_is_an_error(string url)
    {
        using var site = new TempSite().Text("2021-05-28-t", $"{Valid}\nsource:\n  url: \"{url}\"", $"Read [the report]({url}) now.\n");
        site.Write("content/site.yml", $"title: E\ndescription: D\nrepository: \"{url}\"\n");
        var errors = site.Errors();
        Assert.Contains(errors, e => e.StartsWith("content/texts/2021-05-28-t.md:8:6: error: the link", StringComparison.Ordinal) && e.EndsWith("[SG0113]"));
        Assert.Contains(errors, e => e.StartsWith("content/texts/2021-05-28-t.md:6:8: error: 'url:", StringComparison.Ordinal) && e.EndsWith("[SG0113]"));
        Assert.Contains(errors, e => e.StartsWith("content/site.yml:3:13: error: 'repository:", StringComparison.Ordinal) && e.EndsWith("[SG0113]"));
    }

    [Fact]
    public async Task Concurrent_builds_of_one_output_all_succeed_and_leave_a_whole_site()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid).Text("2022-01-01-u", "title: U\ndate: 2022-01-01\nkind: article");
        var builds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Build(site, "--clean"))));
        Assert.All(builds, b => Assert.True(b.Code == 0, b.Err));
        Assert.True(File.Exists(Path.Combine(site.Output, "texts", "2021-05-28-t", "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "texts", "2022-01-01-u", "index.html")));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.sitegen-*"));
    }

    /// <summary>
    /// A build stopped dead (SIGKILL) at 12 points spread over its writing (after the first files, through the middle,
    /// the last ones, before and after the carry-over, around the swap and the deletion of the old site): each time,
    /// the output's whole tree, hashed file by file, is the old site's or the new site's, never a mixture.
    /// </summary>
    [Fact]
    public void A_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_whole()
    {
        using var site = new TempSite();
        void Content(string words)
        {
            for (var i = 0; i < 20; i++)
                site.Text($"2021-01-{1 + i % 28:00}-t{i}", $"title: T{i}\ndate: 2021-01-{1 + i % 28:00}\nkind: speech", string.Join("\n\n", Enumerable.Repeat($"{words} of text {i}.", 10)) + "\n");
        }
        // The old site and the new one, built whole, as the references.
        Content("Old words");
        Assert.Equal(0, Build(site).Code);
        var old = Output.OutputTests.Tree(site.Output);
        using var fresh = new TempSite();
        for (var i = 0; i < 20; i++)
            fresh.Text($"2021-01-{1 + i % 28:00}-t{i}", $"title: T{i}\ndate: 2021-01-{1 + i % 28:00}\nkind: speech", string.Join("\n\n", Enumerable.Repeat($"New words of text {i}.", 10)) + "\n");
        Assert.Equal(0, SiteGen.Tests.Support.Run.Build(fresh).Code);
        var @new = Output.OutputTests.Tree(fresh.Output);
        Assert.NotEqual(old, @new);
        var files = @new.Count;
        var points = new[] { 1, 3, files / 8, files / 4, files / 2, 3 * files / 4, 7 * files / 8, files - 2 }
            .Select(n => $"staged:{Math.Clamp(n, 1, files - 1)}")
            .Concat(["carry-over", "swap", "exchanged", "swapped"]).ToList();
        Assert.True(points.Distinct().Count() == 12);
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteGen.dll");
        var outcomes = new List<string>();
        foreach (var point in points)
        {
            // Each kill interrupts the change from the old site to the new one.
            if (!Output.OutputTests.Tree(site.Output).SequenceEqual(old))
            {
                Content("Old words");
                Assert.Equal(0, Build(site).Code);
            }
            Content("New words");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["SITEGEN_FAIL_POINT"] = point } };
            foreach (var a in new[] { dll, "build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEndAsync();
            // Killed the moment it says it is there: no time is guessed.
            string? line;
            while ((line = process.StandardError.ReadLine()) is not null && !line.StartsWith("sitegen: at fail point", StringComparison.Ordinal)) { }
            Assert.True(line is not null, $"{point}: the build ended without reaching its fail point");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            var now = Output.OutputTests.Tree(site.Output);
            var which = now.SequenceEqual(old) ? "old" : now.SequenceEqual(@new) ? "new" : null;
            Assert.True(which is not null, $"killed at {point}, the output is neither the old site nor the new one: " +
                $"{now.Count(f => !old.Contains(f))} files differ from the old, {now.Count(f => !@new.Contains(f))} from the new");
            outcomes.Add($"{point}: {which}");
        }
        // Before the swap, the old site stays; from the swap on, the new one is there.
        Assert.All(outcomes.Where(o => o.StartsWith("staged", StringComparison.Ordinal) || o.StartsWith("carry-over", StringComparison.Ordinal) || o.StartsWith("swap:", StringComparison.Ordinal)),
            o => Assert.EndsWith(": old", o));
        Assert.All(outcomes.Where(o => o.StartsWith("exchanged", StringComparison.Ordinal) || o.StartsWith("swapped", StringComparison.Ordinal)), o => Assert.EndsWith(": new", o));
        // The next build clears what the killed ones left beside the output.
        Assert.Equal(0, Build(site).Code);
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.sitegen-*"));
    }

    [Fact]
    public void New_annotation_refuses_a_quote_that_nothing_can_tell_apart_and_writes_nothing()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid, "Self-reliance.\n\nSelf-reliance.\n");
        var (code, output, errors) = Run("new", "annotation", "--content", site.Content, "--text", "2021-05-28-t", "--quote", "Self-reliance", "--occurrence", "2");
        Assert.Equal(1, code);
        Assert.Contains("no words before or after occurrence 2", errors);
        Assert.Contains("Nothing was written", errors);
        Assert.DoesNotContain("picks", output);
        Assert.False(Directory.Exists(Path.Combine(site.Content, "annotations")));
    }

    [Fact]
    public void Concepts_suggest_with_min_texts_one_lists_phrases_recurring_in_one_text()
    {
        using var site = new TempSite()
            .Text("2021-05-28-t", Valid, "The lunar sample return mission matters.\n\nThe lunar sample return mission again.\n")
            .Text("2022-01-01-u", "title: U\ndate: 2022-01-01\nkind: article", "Other words entirely here.\n");
        var (one, oneOut, _) = Run("concepts", "suggest", "--content", site.Content, "--min-texts", "1");
        var (two, twoOut, _) = Run("concepts", "suggest", "--content", site.Content, "--min-texts", "2");
        Assert.Equal((0, 0), (one, two));
        Assert.Contains("lunar sample return mission", oneOut);
        Assert.DoesNotContain("lunar sample return mission", twoOut);
        Assert.Equal(2, Run("concepts", "suggest", "--content", site.Content, "--min-texts", "0").Code);
    }

    [Fact]
    public void A_build_that_cannot_get_the_output_s_lock_in_time_says_another_build_is_writing()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var saved = SiteWriter.LockWait;
        using var held = new FileStream(SiteWriter.OutputLock.PathFor(site.Output), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            SiteWriter.LockWait = TimeSpan.FromMilliseconds(300);
            var errors = site.Errors();
            Assert.Contains(errors, e => e.Contains("another build has been writing") && e.EndsWith("[SG0902]"));
            Assert.False(Directory.Exists(site.Output));
        }
        finally
        {
            SiteWriter.LockWait = saved;
        }
    }

    [Fact]
    public async Task A_bug_is_exit_code_three_with_a_short_message_and_no_stack_trace()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var stderr = new StringWriter();
        var code = await Cli.Run(["build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output], new FailingWriter(), stderr);
        Assert.Equal(3, code);
        Assert.StartsWith("internal error: the console is gone", stderr.ToString());
        Assert.Contains("This is a bug in SiteGen", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public void The_mistakes_of_loading_and_of_editors_Markdown_come_in_one_run()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid + "\nauther: X", "We need basic research.\n");
        site.Write("content/concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\nSee <b>this</b> and [that](javascript:alert(1)).\n");
        site.Write("content/annotations/2021-05-28-t/n.md", "---\ntext: 2021-05-28-t\nquote: basic research\nkind: note\n---\n<script>alert(1)</script>\n");
        site.Write("content/site.yml", "title: E\ndescription: D\nintroduction: |\n  An <i>introduction</i>.\n");
        var errors = site.Errors();
        Assert.Contains(errors, e => e.Contains("unknown key 'auther'") && e.EndsWith("[SG0104]"));
        Assert.Contains(errors, e => e.StartsWith("content/concepts/basic-research.md:5:5: error: raw HTML", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/concepts/basic-research.md:5:21: error: the link 'javascript:alert(1)' is refused", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/annotations/2021-05-28-t/n.md:6:1: error: raw HTML", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/site.yml:4:6: error: raw HTML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/%2e%2e/")]
    [InlineData("/%2E%2E/")]
    [InlineData("/.%2e/")]
    [InlineData("/edition/%2e%2e/")]
    [InlineData("/a/../")]
    [InlineData("https://owner.github.io/%2e%2e/")]
    public void A_base_url_with_a_dot_segment_written_plainly_or_encoded_is_a_usage_mistake(string baseUrl)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var (code, _, errors) = Build(site, "--base-url", baseUrl);
        Assert.Equal(2, code);
        Assert.Contains("--base-url", errors);
        var (check, _, checkErrors) = Run("check", "--content", site.Content, "--templates", Repo.Templates, "--base-url", baseUrl);
        Assert.Equal(2, check);
        Assert.DoesNotContain("no problems", checkErrors);
        site.Write("content/site.yml", $"title: E\ndescription: D\nbase_url: \"{baseUrl}\"\n");
        Assert.Contains(site.Errors(), e => e.StartsWith("content/site.yml:3:11: error: 'base_url:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("? [a, b]\n: c")]
    [InlineData("? {x: 1}\n: c")]
    public void A_key_that_is_a_list_or_a_group_is_a_diagnostic_not_ignored(string key)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid + "\n" + key);
        Assert.Contains(site.Errors(), e => e.StartsWith("content/texts/2021-05-28-t.md:5:3: error: a key must be a single word", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("con")]
    [InlineData("aux")]
    [InlineData("nul")]
    [InlineData("prn")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    public void A_name_Windows_keeps_for_a_device_is_no_id_so_that_the_edition_checks_out_everywhere(string name)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid, "We need basic research.\n");
        site.Write($"content/concepts/{name}.md", "---\ntitle: Basic research\ncategory: term\n---\nC.\n");
        site.Write($"content/annotations/2021-05-28-t/{name}.md", "---\ntext: 2021-05-28-t\nquote: basic research\nkind: note\n---\nN.\n");
        var errors = site.Errors();
        Assert.Contains(errors, e => e.StartsWith($"content/concepts/{name}.md:1:1: error: the file name '{name}' cannot be a concept id", StringComparison.Ordinal) && e.Contains("Windows"));
        Assert.Contains(errors, e => e.StartsWith($"content/annotations/2021-05-28-t/{name}.md:1:1: error: the file name '{name}' cannot name an annotation", StringComparison.Ordinal));
        var (code, _, newErrors) = Run("new", "concept", name, "--content", site.Content);
        Assert.Equal(2, code);
        Assert.Contains("Windows", newErrors);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("en_GB")]
    [InlineData("\"en GB\"")]
    [InlineData("e")]
    public void The_language_of_the_edition_is_a_language_tag(string language)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("content/site.yml", $"title: E\ndescription: D\nlanguage: {language}\n");
        Assert.Contains(site.Errors(), e => e.StartsWith("content/site.yml:3:11: error: 'language:", StringComparison.Ordinal) && e.Contains("is not a language tag"));
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("the console is gone");
        public override void Write(string? value) => throw new IOException("the console is gone");
        public override void WriteLine(string? value) => throw new IOException("the console is gone");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitOrKill(this Process process)
    {
        if (!process.WaitForExit(10_000)) process.Kill();
        return process.ExitCode;
    }
}
