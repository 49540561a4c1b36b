using SiteGen.Model;
using SiteGen.Diagnostics;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Support;

/// <summary>
/// A small site written to a temporary folder, file by file, then built with the real templates:
/// each test states its whole input in a few lines.
/// </summary>
internal sealed class TempSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitegen-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempSite(bool withDefaults = true)
    {
        Directory.CreateDirectory(Root);
        if (!withDefaults) return;
        Write("content/site.yml", "title: Test Edition\ndescription: A small edition for tests.\nlanguage: en\neditors: [Test Editor]\n");
    }

    public string Content => Path.Combine(Root, "content");
    public string Output => Path.Combine(Root, "site");

    public TempSite Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // What a file can hold: half a surrogate pair (which UTF-8 cannot write) becomes U+FFFD, as editors write it.
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        return this;
    }

    /// <summary>A valid text file with the given front matter lines and body.</summary>
    public TempSite Text(string slug, string frontMatter, string body = "First paragraph.\n\nSecond paragraph.\n") =>
        Write($"content/texts/{slug}.md", $"---\n{frontMatter.TrimEnd('\n')}\n---\n{body}");

    public ProjectPaths Paths(string? templates = null) => new(Root, Content, templates ?? Repo.Templates, Output);

    public BuildResult Build(string? templates = null, string? baseUrl = null) =>
        SiteBuilder.Build(new BuildOptions(Paths(templates), baseUrl));

    /// <summary>The diagnostics of a build, one line each, as the command line prints them.</summary>
    public IReadOnlyList<string> Errors(string? templates = null) =>
        Build(templates).Diagnostics.Select(d => d.ToString()).ToList();

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
