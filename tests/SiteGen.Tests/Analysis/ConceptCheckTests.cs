using SiteGen.Tests.Support;

namespace SiteGen.Tests.Analysis;

/// <summary>Mistakes in the concept registry, each with the exact line the build prints.</summary>
public class ConceptCheckTests
{
    private static TempSite Site() => new TempSite()
        .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "Basic research and self-reliance matter.\n")
        .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech", "More basic research, and self-reliance.\n");

    private static string Concept(string title, string aliases, string extra = "", string body = "Commentary.") =>
        $"---\ntitle: {title}\naliases: [{aliases}]\ncategory: term\n{extra}---\n{body}\n";

    [Fact]
    public void A_registry_without_mistakes_builds_without_messages()
    {
        using var site = Site()
            .Write("content/concepts/basic-research.md", Concept("Basic research", "fundamental research, basic research", "related: [self-reliance]\n"))
            .Write("content/concepts/self-reliance.md", Concept("Self-reliance", "independence", body: "See [[basic-research]]."));
        // 'fundamental research' and 'independence' match nowhere: warnings, not errors.
        Assert.Equal([
            "content/concepts/basic-research.md:3:11: warning: the alias 'fundamental research' matches nowhere in the texts: correct its wording to the text's, or remove it (a longer alias that covers the same words wins) [SG0402]",
            "content/concepts/self-reliance.md:3:11: warning: the alias 'independence' matches nowhere in the texts: correct its wording to the text's, or remove it (a longer alias that covers the same words wins) [SG0402]",
        ], site.Errors());
    }

    [Fact]
    public void An_alias_used_by_two_concepts_is_an_error_at_the_second()
    {
        using var site = Site()
            .Write("content/concepts/basic-research.md", Concept("Basic research", "self-reliance"))
            .Write("content/concepts/self-reliance.md", Concept("Self-reliance", ""));
        Assert.Contains("content/concepts/self-reliance.md:2:8: error: 'Self-reliance' is already a name of the concept 'basic-research' (content/concepts/basic-research.md:3:11): a phrase can belong to one concept only; remove it here or there [SG0401]",
            site.Errors());
    }

    [Fact]
    public void An_unknown_related_id_is_an_error_with_a_suggestion()
    {
        using var site = Site()
            .Write("content/concepts/basic-research.md", Concept("Basic research", "", "related: [self-relience]\n"))
            .Write("content/concepts/self-reliance.md", Concept("Self-reliance", ""));
        Assert.Equal(["content/concepts/basic-research.md:5:11: error: there is no concept 'self-relience' (in related): did you mean 'self-reliance'? [SG0403]"], site.Errors());
    }

    [Fact]
    public void An_unknown_link_in_the_commentary_is_an_error_at_its_column()
    {
        using var site = Site()
            .Write("content/concepts/basic-research.md", Concept("Basic research", "", body: "First line.\nIt leads to [[self-reliance]] and [[no-such-idea]]."))
            .Write("content/concepts/self-reliance.md", Concept("Self-reliance", ""));
        Assert.Equal(["content/concepts/basic-research.md:7:35: error: there is no concept 'no-such-idea' (in [[...]]): the concept ids are the file names in content/concepts/ [SG0403]"], site.Errors());
    }

    [Fact]
    public void A_concept_found_in_one_text_only_is_a_warning()
    {
        using var site = Site().Write("content/concepts/matter.md", Concept("Matter", ""));
        Assert.Equal(["content/concepts/matter.md:2:8: warning: the concept 'matter' is mentioned in one text only: a concept should recur across texts; add the phrasings other texts use to its aliases [SG0404]"], site.Errors());
    }

    [Fact]
    public void Mentions_are_never_placed_inside_links_or_code_of_the_source()
    {
        using var site = new TempSite()
            .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech", "See [basic research](https://e.org), `basic research` and basic research.\n")
            .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech", "Basic research.\n")
            .Write("content/concepts/basic-research.md", Concept("Basic research", ""));
        var result = site.Build();
        Assert.True(result.Succeeded);
        var mentions = result.Site!.Mentions.Where(m => m.Slug == "2021-05-28-a").ToList();
        var mention = Assert.Single(mentions);
        Assert.Equal(39, mention.Start);
        var html = site.Read("site/texts/2021-05-28-a/index.html");
        Assert.Contains("<a href=\"https://e.org\">basic research</a>, <code>basic research</code> and <a class=\"mention\" href=\"/concepts/basic-research/\">basic research</a>.", html);
    }
}
