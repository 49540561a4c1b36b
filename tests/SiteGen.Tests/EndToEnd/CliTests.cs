using System.Diagnostics;
using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The command line as maintainers run it: arguments in, exit code, messages and files out.</summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Build_writes_every_page_and_exits_zero()
    {
        using var site = new TempSite();
        var fixture = Path.Combine(Repo.Fixture("basic"), "content");
        var (code, output, errors) = Run("build", "--content", fixture, "--templates", Repo.Templates, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Matches(@"^Built 2 texts, 8 paragraphs, 2 concepts, 6 mentions, 2 notes: \d+ files in .+ in \d+ ms\.", output);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "texts", "2021-05-28-first-speech", "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "assets", "site.css")));
    }

    [Fact]
    public void Content_errors_exit_one_with_one_line_per_problem_and_no_stack_trace()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-5-28\nkind: speech\nauther: X");
        var (code, output, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output);
        Assert.Equal(1, code);
        var lines = errors.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("'date: 2021-5-28' is not a date: write it as YYYY-MM-DD, e.g. 'date: 2024-06-24' [SG0107]", lines[0]);
        Assert.EndsWith("unknown key 'auther': did you mean 'author'? [SG0104]", lines[1]);
        Assert.StartsWith("Build failed: 2 errors, 0 warnings. Nothing was written", lines[2]);
        Assert.DoesNotContain("   at ", errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_two()
    {
        var (code, _, errors) = Run("build", "--bogus");
        Assert.Equal(2, code);
        Assert.Contains("--bogus", errors);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var (code, output, _) = Run("build", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--content", "--templates", "--output", "--base-url", "--clean" })
            Assert.Contains(option, output);
    }

    [Fact]
    public void Clean_empties_the_output_folder_but_keeps_its_gitignore()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        site.Write("site/.gitignore", "*\n").Write("site/.sitegen-output", "").Write("site/stale/old.html", "old");
        var (code, _, _) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--clean");
        Assert.Equal(0, code);
        Assert.False(File.Exists(Path.Combine(site.Output, "stale", "old.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, ".gitignore")));
    }

    [Fact]
    public void Without_clean_the_files_a_build_did_not_write_stay()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        site.Write("site/.sitegen-output", "").Write("site/CNAME", "edition.example.org");
        var (code, _, _) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Equal("edition.example.org", site.Read("site/CNAME"));
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Theory]
    [InlineData(".git")]
    [InlineData("src")]
    [InlineData("tests")]
    [InlineData("content")]
    [InlineData("templates")]
    public void Clean_refuses_the_repository_s_own_folders_and_deletes_nothing(string folder)
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        site.Write("SiteGen.sln", "").Write(".git/HEAD", "ref: refs/heads/main\n").Write("src/Program.cs", "class P {}").Write("tests/T.cs", "class T {}").Write("templates/x.html", "x");
        var before = Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).Order().ToList();
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", Path.Combine(site.Root, folder), "--clean");
        Assert.Equal(1, code);
        Assert.Contains("refusing to write the site into", errors);
        Assert.Contains("[SG0901]", errors);
        Assert.Equal(before, Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void Clean_refuses_a_folder_that_SiteGen_did_not_write_and_says_how_to_proceed()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        site.Write("elsewhere/notes.txt", "keep me");
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", Path.Combine(site.Root, "elsewhere"), "--clean");
        Assert.Equal(1, code);
        Assert.Contains("it holds files that SiteGen did not write", errors);
        Assert.Contains("choose an empty or new folder with --output, or empty this one yourself", errors);
        Assert.Equal("keep me", site.Read("elsewhere/notes.txt"));
    }

    [Fact]
    public void An_output_given_with_a_trailing_slash_is_the_same_folder()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        Assert.Equal(0, Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output).Code);
        var (code, output, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output + "/", "--clean");
        Assert.True(code == 0, errors);
        Assert.DoesNotContain("//", output);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Theory]
    [InlineData("/a\"><svg/onload=alert(902)>")]
    [InlineData("/a\tb/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user@host.example/x/")]
    [InlineData("/x/?q=1")]
    [InlineData("//evil.example/")]
    public void A_bad_base_url_is_a_usage_error_with_exit_code_two(string baseUrl)
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--base-url", baseUrl);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --base-url", errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void The_output_folder_may_not_be_the_content_folder()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        var (code, _, errors) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Content, "--clean");
        Assert.Equal(1, code);
        Assert.Contains("overlaps the content folder", errors);
        Assert.True(File.Exists(Path.Combine(site.Content, "texts", "2021-05-28-t.md")));
    }

    [Fact]
    public void Links_carry_the_base_path_when_served_from_a_sub_path()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech");
        var (code, _, _) = Run("build", "--content", site.Content, "--templates", Repo.Templates, "--output", site.Output, "--base-url", "https://example.github.io/sitegen");
        Assert.Equal(0, code);
        var home = site.Read("site/index.html");
        Assert.Contains("href=\"/sitegen/texts/2021-05-28-t/\"", home);
        Assert.Contains("href=\"/sitegen/assets/site.css?v=", home);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.github.io/sitegen/\">", home);
        Assert.DoesNotContain("href=\"/texts/", home);
    }

    [Fact]
    public async Task The_real_program_runs_from_another_folder_with_a_foreign_culture_and_time_zone()
    {
        // The generator runs with the machine's culture (it is not built invariant), so a Turkish
        // locale and a far time zone reach it; its files must equal those of an invariant build.
        using var site = new TempSite();
        using var reference = new TempSite();
        var fixture = Path.Combine(Repo.Fixture("basic"), "content");
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteGen.dll");
        foreach (var (output, environment) in new[]
                 {
                     (site.Output, new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" }),
                     (reference.Output, new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["TZ"] = "UTC" }),
                 })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            foreach (var a in new[] { dll, "build", "--content", fixture, "--templates", Repo.Templates, "--output", output }) start.ArgumentList.Add(a);
            foreach (var (key, value) in environment) start.Environment[key] = value;
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var printed = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, printed + await errors);
        }
        static Dictionary<string, string> Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
        Assert.Equal(Files(reference.Output), Files(site.Output));
        Assert.Contains("<time datetime=\"2021-05-28\">28 May 2021</time>", site.Read("site/index.html"));
    }
}

/// <summary>The progress display: on a terminal (a pseudo-terminal made by util-linux's <c>script</c>), and nowhere else.</summary>
public class ProgressDisplayTests
{
    private static readonly string[] Stages = ["loading the content", "finding the concepts", "rendering the pages", "building the search index", "swapping in"];

    private static (int Code, string Output) OnTerminal(string arguments, string output)
    {
        Skip.If(!File.Exists("/usr/bin/script"), "util-linux's script is not installed");
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteGen.dll");
        var fixture = Path.Combine(Repo.Fixture("basic"), "content");
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-q", "-e", "-c", $"dotnet '{dll}' build --content '{fixture}' --templates '{Repo.Templates}' --output '{output}' {arguments}", "/dev/null" })
            start.ArgumentList.Add(a);
        start.Environment["SITEGEN_PROGRESS_DELAY_MS"] = "0";
        start.Environment["CI"] = "";
        start.Environment["GITHUB_ACTIONS"] = "";
        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the build did not finish");
        return (process.ExitCode, text.Result);
    }

    [SkippableFact]
    public void A_build_on_a_terminal_shows_its_stage_and_then_clears_it()
    {
        using var site = new TempSite();
        var (code, output) = OnTerminal("", site.Output);
        Assert.Equal(0, code);
        Assert.Contains(Stages, output.Contains);
        Assert.Contains("Built 2 texts", output);
    }

    [SkippableFact]
    public void Under_format_json_or_github_a_terminal_shows_no_progress()
    {
        foreach (var format in new[] { "json", "github" })
        {
            using var site = new TempSite();
            var (code, output) = OnTerminal("--format " + format, site.Output);
            Assert.Equal(0, code);
            Assert.DoesNotContain(Stages, output.Contains);
        }
    }

    [Fact]
    public async Task With_its_output_redirected_a_build_writes_no_progress()
    {
        using var site = new TempSite();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"), "build", "--content", Path.Combine(Repo.Fixture("basic"), "content"), "--templates", Repo.Templates, "--output", site.Output })
            start.ArgumentList.Add(a);
        start.Environment["SITEGEN_PROGRESS_DELAY_MS"] = "0";
        start.Environment["CI"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", errors);
        Assert.DoesNotContain('\u001b', await output);
        Assert.StartsWith("Built 2 texts", await output);
    }
}
