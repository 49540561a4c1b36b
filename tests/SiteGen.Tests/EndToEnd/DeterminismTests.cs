using SiteGen.Model;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SiteGen.Tests.Support;
using SiteGen.FileSystem;

namespace SiteGen.Tests.EndToEnd;

public class DeterminismTests
{
    private static Dictionary<string, string> Hashes(string output) =>
        Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void The_real_content_gives_byte_identical_files_whatever_the_culture()
    {
        var runs = new List<Dictionary<string, string>>();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "tr-TR", "ar-SA", "de-DE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                using var site = new TempSite(withDefaults: false);
                var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, site.Output)));
                Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
                runs.Add(Hashes(site.Output));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
        Assert.All(runs.Skip(1), run => Assert.Equal(runs[0], run));
    }

    [Fact]
    public void One_core_or_many_and_any_time_zone_give_the_same_bytes()
    {
        using var one = new TempSite(withDefaults: false);
        using var many = new TempSite(withDefaults: false);
        Run(one.Output, new() { ["DOTNET_PROCESSOR_COUNT"] = "1", ["TZ"] = "Pacific/Chatham" });
        Run(many.Output, new() { ["TZ"] = "America/Los_Angeles" });
        Assert.Equal(Hashes(one.Output), Hashes(many.Output));
    }

    private static void Run(string output, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"), "build", "--output", output }) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors.Result);
    }
}
