using SiteGen.Diagnostics;
using SiteGen.FileSystem;
using SiteGen.Loading;
using SiteGen.Rendering.Body;
using SiteGen.Rendering.Templates;

namespace SiteGen.Tests.Support;

/// <summary>The repository's templates, parsed once for the tests that render pieces of a page with them.</summary>
internal static class RepoTemplates
{
    private static readonly Lazy<TemplateSet> Parsed = new(() => TemplateSet.Parse(
        ThemeLoader.Load(new ProjectPaths(Repo.Root, Repo.Content, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")), new DiagnosticBag())!, new DiagnosticBag())!);

    private static readonly Lazy<InlineTags> Tags = new(() => new InlineTags(Parsed.Value, new DiagnosticBag()));

    public static TemplateSet Set => Parsed.Value;

    /// <summary>The inline elements' tags, from <c>partials/inline.html</c>.</summary>
    public static InlineTags Inline => Tags.Value;
}
