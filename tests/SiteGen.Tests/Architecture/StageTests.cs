using NetArchTest.Rules;

namespace SiteGen.Tests.Architecture;

/// <summary>
/// The pipeline reads one way: Loading → Analysis → Rendering → Checking → Output. Each stage
/// uses only the model and the diagnostics (the immutable site model is what passes between
/// stages) and the shared folders (the site's addresses, the rules of text, the writers of the data
/// formats in Exports/); the pipeline runner (SiteBuilder) and the command line use them all. Read
/// from the compiled assembly, so a fully qualified name cannot hide a dependency.
/// </summary>
public class StageTests
{
    private static readonly string[] Stages = ["Loading", "Analysis", "Rendering", "Checking", "Output"];

    public static TheoryData<string> StageNames() => [.. Stages];

    [Theory]
    [MemberData(nameof(StageNames))]
    public void A_stage_uses_no_other_stage_nor_the_command_line_nor_the_pipeline_runner(string stage)
    {
        var forbidden = Stages.Where(s => s != stage).Select(s => $"SiteGen.{s}")
            .Concat(["SiteGen.Commands", "SiteGen.Editing", "SiteGen.SiteBuilder", "SiteGen.BuildOptions", "SiteGen.BuildResult"]).ToArray();
        var result = Types.InAssembly(typeof(SiteBuilder).Assembly)
            .That().ResideInNamespace($"SiteGen.{stage}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{stage} uses another stage: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_model_the_diagnostics_the_shared_rules_and_the_export_formats_use_no_stage()
    {
        foreach (var shared in new[] { "SiteGen.Model", "SiteGen.Diagnostics", "SiteGen.TextRules", "SiteGen.FileSystem", "SiteGen.Addresses", "SiteGen.Exports" })
        {
            var result = Types.InAssembly(typeof(SiteBuilder).Assembly)
                .That().ResideInNamespace(shared)
                .ShouldNot().HaveDependencyOnAny([.. Stages.Select(s => $"SiteGen.{s}"), "SiteGen.Commands", "SiteGen.Editing", "SiteGen.SiteBuilder"])
                .GetResult();
            Assert.True(result.IsSuccessful, $"{shared} uses a stage: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Third_party_types_stay_inside_their_stage()
    {
        // Markdig's syntax tree and Scriban's templates never reach the model or another stage.
        var rules = new[] { ("Markdig", new[] { "SiteGen.Loading", "SiteGen.Rendering" }), ("Scriban", ["SiteGen.Rendering"]), ("YamlDotNet", ["SiteGen.Loading"]) };
        foreach (var (library, allowed) in rules)
        {
            var result = Types.InAssembly(typeof(SiteBuilder).Assembly)
                .That().ResideInNamespace("SiteGen").And().DoNotResideInNamespace(allowed[0])
                .ShouldNot().HaveDependencyOn(library)
                .GetResult();
            var failing = (result.FailingTypeNames ?? []).Where(t => !allowed.Any(a => t.StartsWith(a + ".", StringComparison.Ordinal))).ToList();
            Assert.True(failing.Count == 0, $"{library} is used outside {string.Join(", ", allowed)}: {string.Join(", ", failing)}");
        }
    }

    [Fact]
    public void Only_the_entry_point_is_public()
    {
        var exposed = typeof(SiteBuilder).Assembly.GetExportedTypes().Select(t => t.FullName).Where(n => n != "Program").ToList();
        Assert.True(exposed.Count == 0, "public types in the generator: " + string.Join(", ", exposed));
    }
}
