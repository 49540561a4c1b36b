using SiteGen.Model;
using System.Text;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Templates;
using SiteGen.Rendering.Body;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Rendering;

/// <summary>The rendered pages of the fixture edition, compared with the reviewed snapshots beside this file.</summary>
public class PageSnapshotTests : IClassFixture<PageSnapshotTests.FixtureBuild>
{
    public sealed class FixtureBuild : IDisposable
    {
        public string Output { get; } = Path.Combine(Path.GetTempPath(), "sitegen-snap-" + Guid.NewGuid().ToString("N")[..12]);
        internal BuildResult Result { get; }

        public FixtureBuild()
        {
            var fixture = Repo.Fixture("basic");
            Result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(fixture, Path.Combine(fixture, "content"), Repo.Templates, Output), KeepFiles: true));
        }

        /// <summary>A page, with the asset hashes scrubbed: a stylesheet edit is not a change of the page.</summary>
        public string Page(string path) => System.Text.RegularExpressions.Regex.Replace(
            Encoding.UTF8.GetString(Result.Rendered!.Files.Single(f => f.Path == path).Content), @"\?v=[0-9a-f]{10}", "?v={hash}");

        public void Dispose() => Directory.Delete(Output, recursive: true);
    }

    private readonly FixtureBuild _build;

    public PageSnapshotTests(FixtureBuild build)
    {
        _build = build;
        Assert.True(build.Result.Succeeded, string.Join("\n", build.Result.Diagnostics));
    }

    /// <summary>
    /// The partials used thousands of times a page are filled in as stencils (for speed): every file of the edition
    /// is byte for byte what Scriban alone makes of the same templates.
    /// </summary>
    [Fact]
    public void Stencils_change_no_byte_of_any_page()
    {
        BuildResult Built(bool stencils) => SiteBuilder.Build(new BuildOptions(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")),
            Write: false, Stencils: stencils));
        var with = Built(stencils: true).Rendered!.Files;
        var without = Built(stencils: false).Rendered!.Files;
        Assert.Equal(without.Select(f => f.Path), with.Select(f => f.Path));
        var differ = with.Zip(without).Where(p => !p.First.Content.AsSpan().SequenceEqual(p.Second.Content)).Select(p => p.First.Path).ToList();
        Assert.True(differ.Count == 0, "files that the stencils change: " + string.Join(", ", differ));
    }

    [Fact]
    public void Home_page() => Snapshot.Verify(_build.Page("index.html"));

    [Fact]
    public void Text_page() => Snapshot.Verify(_build.Page("texts/2021-05-28-first-speech/index.html"));

    [Fact]
    public void Concept_page() => Snapshot.Verify(_build.Page("concepts/self-reliance/index.html"));

    [Fact]
    public void Concept_index() => Snapshot.Verify(_build.Page("concepts/index.html"));

    [Fact]
    public void Glossary_page() => Snapshot.Verify(_build.Page("glossary/index.html"));

    [Fact]
    public void Annotations_page() => Snapshot.Verify(_build.Page("annotations/index.html"));

    /// <summary>
    /// One annotated paragraph: the same HTML serves both layouts (notes in the margin on wide
    /// screens, opened in the flow on narrow ones); the browser tests check the layouts themselves.
    /// </summary>
    [Fact]
    public void Annotated_paragraph()
    {
        var page = _build.Page("texts/2021-05-28-first-speech/index.html");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Snapshot.Verify(document.QuerySelector("#p2")!.ParentElement!.ParentElement!.OuterHtml + "\n");
    }

    [Fact]
    public void Export_of_the_annotations() => Snapshot.Verify(_build.Page("annotations.jsonld"), "jsonld");

    [Fact]
    public void The_fixture_builds_without_warnings() => Assert.Empty(_build.Result.Diagnostics);

    [Fact]
    public void Not_found_page() => Snapshot.Verify(_build.Page("404.html"));

    [Fact]
    public void Search_page() => Snapshot.Verify(_build.Page("search/index.html"));

    [Fact]
    public void Timeline_page() => Snapshot.Verify(_build.Page("timeline/index.html"));

    [Fact]
    public void BibTeX_of_a_text() => Snapshot.Verify(_build.Page("texts/2021-05-28-first-speech/cite.bib"), "bib");

    [Fact]
    public void CSL_JSON_of_a_text() => Snapshot.Verify(_build.Page("texts/2021-05-28-first-speech/cite.json"), "json");
}
