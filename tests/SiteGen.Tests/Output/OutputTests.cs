using System.Security.Cryptography;
using SiteGen.Commands;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Output;

/// <summary>
/// The output folder, whatever path names it and whatever the file system does: builds of one folder wait for each
/// other, links are followed to the folder or not at all, a refused write keeps the old site, a dead build's
/// leftovers are cleared, and a path that is no folder is said to be one.
/// </summary>
public class OutputTests
{
    private const string Valid = "title: T\ndate: 2021-05-28\nkind: speech";

    private static (int Code, string Out, string Err) Build(TempSite site, string output, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(["build", "--content", site.Content, "--templates", Repo.Templates, "--output", output, .. extra], stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every file of a folder and its bytes' hash, links not followed, the marker and .gitignore left out.</summary>
    internal static SortedDictionary<string, string> Tree(string folder)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            tree[Path.GetRelativePath(folder, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return tree;
    }

    private static TempSite Corpus(int texts = 40)
    {
        var site = new TempSite();
        for (var i = 0; i < texts; i++)
            site.Text($"2021-01-{1 + i % 28:00}-t{i}", $"title: T{i}\ndate: 2021-01-{1 + i % 28:00}\nkind: speech", string.Join("\n\n", Enumerable.Repeat($"Words of text {i}.", 20)) + "\n");
        return site;
    }

    [Fact]
    public async Task Builds_of_one_folder_named_by_two_paths_wait_for_each_other()
    {
        using var site = Corpus();
        var real = Path.Combine(site.Root, "real");
        Directory.CreateDirectory(real);
        var linked = Path.Combine(site.Root, "linked");
        Directory.CreateSymbolicLink(linked, real);
        var output = Path.Combine(real, "site");
        for (var round = 0; round < 4; round++)
        {
            var results = await Task.WhenAll(Task.Run(() => Build(site, Path.Combine(real, "site"), "--clean")), Task.Run(() => Build(site, Path.Combine(linked, "site"), "--clean")));
            Assert.All(results, r => Assert.True(r.Code == 0, r.Err));
            Assert.True(File.Exists(Path.Combine(output, SiteWriter.MarkerName)));
            Assert.Empty(Directory.GetDirectories(real, ".site.sitegen-*"));
        }
        using var reference = Corpus();
        Assert.Equal(0, Build(reference, reference.Output).Code);
        Assert.Equal(Tree(reference.Output), Tree(output));
    }

    [Fact]
    public void An_output_given_through_a_symbolic_link_is_written_where_the_link_leads_and_the_link_stays()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var target = Path.Combine(site.Root, "published");
        var link = Path.Combine(site.Root, "site-link");
        Directory.CreateDirectory(target);
        Directory.CreateSymbolicLink(link, target);
        for (var i = 0; i < 2; i++)
        {
            var (code, _, errors) = Build(site, link);
            Assert.True(code == 0, errors);
            Assert.NotNull(new DirectoryInfo(link).LinkTarget);
            Assert.True(File.Exists(Path.Combine(target, "texts", "2021-05-28-t", "index.html")));
        }
    }

    [Fact]
    public void A_symbolic_link_left_in_the_old_output_is_not_followed_into_the_new_site()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("private/secret.txt", "SECRET");
        Assert.Equal(0, Build(site, site.Output).Code);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "private"), Path.Combine(site.Root, "private"));
        File.CreateSymbolicLink(Path.Combine(site.Output, "secret.txt"), Path.Combine(site.Root, "private", "secret.txt"));
        site.Write("site/kept.txt", "a file of the old output, not a link");
        var (code, _, errors) = Build(site, site.Output);
        Assert.True(code == 0, errors);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "private")));
        Assert.False(File.Exists(Path.Combine(site.Output, "secret.txt")));
        Assert.Equal("a file of the old output, not a link", site.Read("site/kept.txt"));
        Assert.Equal("SECRET", site.Read("private/secret.txt"));
    }

    [Fact]
    public void An_output_that_is_a_file_is_a_mistake_said_as_such()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write("notes.txt", "mine");
        var (code, _, errors) = Build(site, Path.Combine(site.Root, "notes.txt"));
        Assert.Equal(1, code);
        Assert.Contains("it is a file, not a folder", errors);
        Assert.Equal("mine", site.Read("notes.txt"));
    }

    [Theory]
    [InlineData("No space left on device")]
    [InlineData("Read-only file system")]
    [InlineData("Operation not permitted")]
    public void A_write_the_file_system_refuses_keeps_the_old_site_and_says_what_to_do(string error)
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        Assert.Equal(0, Build(site, site.Output).Code);
        var before = Tree(site.Output);
        site.Text("2021-05-29-u", "title: U\ndate: 2021-05-29\nkind: speech");
        var written = 0;
        SiteWriter.WriteBytesForTests.Value = (path, bytes) =>
        {
            if (Interlocked.Increment(ref written) > 3) throw new IOException(error);
            File.WriteAllBytes(path, bytes);
        };
        try
        {
            var (code, _, errors) = Build(site, site.Output);
            Assert.Equal(1, code);
            Assert.Contains(error, errors);
            Assert.Contains("the old site is kept as it was", errors);
            Assert.Contains("[SG0903]", errors);
        }
        finally
        {
            SiteWriter.WriteBytesForTests.Value = null;
        }
        Assert.Equal(before, Tree(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.sitegen-*"));
    }

    [Fact]
    public void A_staging_folder_a_killed_build_half_deleted_is_recognised_and_cleared()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        var staging = Path.Combine(site.Root, ".site.sitegen-new");
        site.Write(".site.sitegen-new/" + SiteWriter.MarkerName, "This folder is written by SiteGen: every build replaces its content.\n");
        site.Write(".site.sitegen-new/texts/x/index.html", "<html>half</html>");
        var (code, _, errors) = Build(site, site.Output);
        Assert.True(code == 0, errors);
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void A_folder_where_the_staging_folder_goes_that_holds_a_person_s_files_is_left_alone()
    {
        using var site = new TempSite().Text("2021-05-28-t", Valid);
        site.Write(".site.sitegen-new/mine.txt", "mine");
        var (code, _, errors) = Build(site, site.Output);
        Assert.Equal(1, code);
        Assert.Contains("holds files that SiteGen did not write", errors);
        Assert.Equal("mine", site.Read(".site.sitegen-new/mine.txt"));
    }
}
