using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Rendering;
using SiteGen.Addresses;
using SiteGen.Rendering.Templates;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Specs;

/// <summary>
/// Behaviour written as examples, in the manner of Markdig's and CommonMark's spec files: each
/// <c>Specs/*.md</c> holds Markdown examples and the HTML they must give, separated by a line
/// with a single dot. The files are documentation as much as tests: read them to see what a text
/// body may contain and how it is shown.
/// </summary>
public partial class SpecTests
{
    private const string Fence = "````````````````````````````````";

    [GeneratedRegex(@"^#{2,3} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    public sealed record Example(string File, int Line, string Title, string Markdown, string Html)
    {
        public override string ToString() => $"{File}:{Line} {Title}";
    }

    public static TheoryData<Example> TextBodyExamples() => [.. Read("TextBodies.md")];

    private static IEnumerable<Example> Read(string name)
    {
        var path = Path.Combine(Support.Repo.TestsFolder, "Specs", name);
        var lines = File.ReadAllLines(path);
        var title = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (Heading().Match(lines[i]) is { Success: true } h) title = h.Groups["title"].Value;
            if (lines[i] != Fence + " example") continue;
            var start = i + 1;
            var end = Array.IndexOf(lines, Fence, start);
            var body = lines[start..end];
            var dot = Array.IndexOf(body, ".");
            yield return new Example(name, i + 1, title, string.Join('\n', body[..dot]).Replace('→', '\t') + "\n", string.Join('\n', body[(dot + 1)..]));
            i = end;
        }
    }

    /// <summary>The repository's templates, over a site with no concepts and no notes: the body alone.</summary>
    private static readonly Lazy<TextMarkup> Markup = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var paths = new SiteGen.FileSystem.ProjectPaths(Support.Repo.Root, Support.Repo.Content, Support.Repo.Templates, Path.Combine(Path.GetTempPath(), "unused"));
        var templates = TemplateSet.Parse(ThemeLoader.Load(paths, diagnostics)!, diagnostics)!;
        var site = SiteGen.Analysis.SiteAnalyser.Analyse(
            new SiteGen.Model.Site { Info = new SiteGen.Model.SiteInfo { Title = "E", Description = "D", BaseUrl = "/", Language = "en" }, Texts = [], Concepts = [] }, diagnostics);
        return new TextMarkup(site, templates, new SiteGen.Rendering.Body.InlineTags(templates, diagnostics), new Urls("/"), _ => throw new InvalidOperationException(), _ => "", _ => "", diagnostics);
    });

    [Theory]
    [MemberData(nameof(TextBodyExamples))]
    public void Text_bodies_render_as_the_spec_says(Example example)
    {
        var diagnostics = new DiagnosticBag();
        var (blocks, _) = TextBodyParser.Parse("spec.md", example.Markdown, 1, diagnostics);
        var html = new BodyRenderer(Markup.Value, "2024-06-24-spec").Render(blocks).TrimEnd('\n');
        var errors = string.Join("\n", diagnostics.Sorted());
        Assert.Equal(example.Html, errors.Length > 0 ? errors : html);
    }

    [Fact]
    public void The_spec_files_have_examples()
    {
        Assert.True(Read("TextBodies.md").Count() >= 10);
    }
}
