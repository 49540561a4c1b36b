using System.Runtime.CompilerServices;

namespace SiteGen.Tests.Support;

/// <summary>Folders of the repository and of the test fixtures, found from this source file.</summary>
public static class Repo
{
    private static string ThisFile([CallerFilePath] string path = "") => path;

    public static string TestsFolder { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, ".."));
    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestsFolder, "..", ".."));
    public static string Templates => Path.Combine(Root, "templates");
    public static string Content => Path.Combine(Root, "content");
    public static string Fixture(string name) => Path.Combine(TestsFolder, "fixtures", name);
}
