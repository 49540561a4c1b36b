using SiteGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The GitHub workflow checks pull requests and publishes main to Pages, with the right permissions.</summary>
public class WorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load(Path.Combine(Repo.Root, ".github", "workflows", "site.yml"));

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static IEnumerable<YamlMappingNode> Steps(string job) => ((YamlSequenceNode)At(Workflow, "jobs", job, "steps")).Children.Cast<YamlMappingNode>();

    private static string? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void It_runs_on_pull_requests_and_on_pushes_to_main()
    {
        var on = (YamlMappingNode)At(Workflow, "on");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")));
        Assert.Equal(["main"], ((YamlSequenceNode)At(on, "push", "branches")).Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void It_reads_by_default_and_only_the_deploy_job_may_write_pages()
    {
        Assert.Equal("read", Get((YamlMappingNode)At(Workflow, "permissions"), "contents"));
        var deploy = (YamlMappingNode)At(Workflow, "jobs", "deploy", "permissions");
        Assert.Equal("write", Get(deploy, "pages"));
        Assert.Equal("write", Get(deploy, "id-token"));
        Assert.False(((YamlMappingNode)At(Workflow, "jobs", "build")).Children.ContainsKey(new YamlScalarNode("permissions")));
        Assert.Equal("pages", Get((YamlMappingNode)At(Workflow, "jobs", "deploy", "concurrency"), "group"));
        Assert.Equal("github-pages", Get((YamlMappingNode)At(Workflow, "jobs", "deploy", "environment"), "name"));
    }

    [Fact]
    public void Every_checkout_leaves_the_token_out_of_the_repository_s_config()
    {
        var checkouts = Steps("build").Where(s => Get(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(checkouts);
        Assert.All(checkouts, c => Assert.Equal("false", Get((YamlMappingNode)At(c, "with"), "persist-credentials")));
    }

    [Fact]
    public void The_build_job_restores_with_a_cache_tests_checks_and_builds_with_the_pages_base_url()
    {
        var steps = Steps("build").ToList();
        var uses = steps.Select(s => Get(s, "uses")).OfType<string>().ToList();
        var runs = steps.Select(s => Get(s, "run")).OfType<string>().ToList();
        Assert.Contains(uses, u => u.StartsWith("actions/cache@", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- check", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("build --clean --base-url \"${{ steps.pages.outputs.base_url", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Equal(["actions/deploy-pages@v4.0.5"], Steps("deploy").Select(s => Get(s, "uses")));
    }

    [Fact]
    public void Every_action_is_pinned_to_a_full_version()
    {
        var uses = ((YamlMappingNode)At(Workflow, "jobs")).Children.Values
            .SelectMany(job => ((YamlSequenceNode)At(job, "steps")).Children.Cast<YamlMappingNode>())
            .Select(s => Get(s, "uses")).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(@"^[\w-]+/[\w-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", u));
    }
}
