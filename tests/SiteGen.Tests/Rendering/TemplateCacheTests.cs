using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Rendering.Templates;

namespace SiteGen.Tests.Rendering;

/// <summary><c>serve</c> keeps the parsed templates between rebuilds only while not one of them has changed.</summary>
public class TemplateCacheTests
{
    private static Theme Theme(string layout) => new()
    {
        Templates = [.. TemplateSet.Required.Select(name => new TemplateSource(name, name == "layout.html" ? layout : "{{ page.title }}", "templates/" + name))],
        Assets = [],
        DisplayFolder = "templates",
    };

    [Fact]
    public void The_same_templates_are_parsed_once_and_a_changed_one_is_parsed_again()
    {
        var cache = new TemplateCache();
        var diagnostics = new DiagnosticBag();
        var first = cache.Parse(Theme("<main>{{ content }}</main>"), diagnostics);
        Assert.NotNull(first);
        Assert.Same(first, cache.Parse(Theme("<main>{{ content }}</main>"), diagnostics));
        var changed = cache.Parse(Theme("<main class=\"x\">{{ content }}</main>"), diagnostics);
        Assert.NotNull(changed);
        Assert.NotSame(first, changed);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void A_template_with_an_error_is_reported_every_time_and_never_kept()
    {
        var cache = new TemplateCache();
        var good = cache.Parse(Theme("<main>{{ content }}</main>"), new DiagnosticBag());
        for (var i = 0; i < 2; i++)
        {
            var diagnostics = new DiagnosticBag();
            Assert.Null(cache.Parse(Theme("<main>{{ content </main>"), diagnostics));
            Assert.Contains(diagnostics.Sorted(), d => d.Code == DiagnosticCodes.TemplateSyntax);
        }
        Assert.NotSame(good, cache.Parse(Theme("<main>{{ content }}</main>"), new DiagnosticBag()));
    }
}
