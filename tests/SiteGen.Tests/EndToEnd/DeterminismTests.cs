using System.Globalization;
using System.Security.Cryptography;
using SiteGen.Tests.Support;

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
}
