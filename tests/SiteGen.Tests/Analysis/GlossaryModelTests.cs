using SiteGen.Tests.Support;

namespace SiteGen.Tests.Analysis;

/// <summary>
/// The bilingual glossary (a concept's <c>zh:</c> and <c>pinyin:</c>), its <c>exclude:</c> list and mentions in
/// headings: each mistake reported at the exact line and column the build prints.
/// </summary>
public class GlossaryModelTests
{
    private static TempSite Site() => new TempSite()
        .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech",
            "## Basic research first\n\nBasic research in Beijing matters; Beijing Daxing International Airport opened.\n")
        .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech", "More basic research in Beijing.\n");

    private static string Concept(string title, string aliases, string extra = "") =>
        $"---\ntitle: {title}\naliases: [{aliases}]\ncategory: term\n{extra}---\nCommentary.\n";

    [Fact]
    public void Chinese_term_and_pinyin_are_read_and_shown_with_their_language_on_the_concept_page_index_and_glossary()
    {
        using var site = Site().Write("content/concepts/basic-research.md", Concept("Basic research", "", "zh: 基础研究\npinyin: jīchǔ yánjiū\n"));
        Assert.Empty(site.Errors());
        var concept = site.Build().Site!.Site.Concepts.Single();
        Assert.Equal("基础研究", concept.Chinese);
        Assert.Equal("jīchǔ yánjiū", concept.Pinyin);
        Assert.Contains("<span class=\"zh\" lang=\"zh\">基础研究</span> <span class=\"pinyin\" lang=\"zh-Latn-pinyin\">jīchǔ yánjiū</span>",
            site.Read("site/concepts/basic-research/index.html"));
        Assert.Contains("<span class=\"zh\" lang=\"zh\">基础研究</span>", site.Read("site/concepts/index.html"));
        var glossary = site.Read("site/glossary/index.html");
        Assert.Contains("<td lang=\"zh\" data-sort=\"jīchǔ yánjiū\">基础研究</td>", glossary);
        Assert.Contains("<td lang=\"zh-Latn-pinyin\" data-sort=\"jīchǔ yánjiū\">jīchǔ yánjiū</td>", glossary);
    }

    [Theory]
    [InlineData("zh: jichu yanjiu\n", "content/concepts/basic-research.md:5:5: error: 'zh: jichu yanjiu' has no Chinese characters: write the term in characters, e.g. 'zh: 基础研究', and its romanisation under 'pinyin:' [SG0109]")]
    [InlineData("zh: 基础研究 jichu\n", "content/concepts/basic-research.md:5:5: error: 'zh: 基础研究 jichu' mixes Latin letters with the characters: keep only the characters here and put the romanisation under 'pinyin:' [SG0109]")]
    [InlineData("zh: 基础研究\npinyin: 基础\n", "content/concepts/basic-research.md:6:9: error: 'pinyin: 基础' is not pinyin: write the romanisation in Latin letters with tone marks, e.g. 'pinyin: jīchǔ yánjiū' [SG0109]")]
    [InlineData("pinyin: jīchǔ yánjiū\n", "content/concepts/basic-research.md:5:1: error: the concept gives 'pinyin:' without 'zh:': add the term in characters, e.g. 'zh: 基础研究' [SG0105]")]
    [InlineData("zh: [基础, 研究]\n", "content/concepts/basic-research.md:5:5: error: 'zh' must be a single value, not a list: write it as 'zh: 基础研究' [SG0106]")]
    public void A_malformed_Chinese_term_or_pinyin_is_an_error_at_its_place_with_the_fix(string extra, string expected)
    {
        using var site = Site().Write("content/concepts/basic-research.md", Concept("Basic research", "", extra));
        Assert.Equal([expected], site.Errors());
    }

    [Fact]
    public void An_excluded_phrase_hides_the_concept_inside_it_and_nowhere_else()
    {
        using var site = Site()
            .Write("content/concepts/beijing.md", Concept("Beijing", "", "exclude: [Beijing Daxing International Airport]\n"));
        Assert.Empty(site.Errors());
        var mentions = site.Build().Site!.MentionsByConcept["beijing"];
        // "Beijing" twice in the texts' own words; the airport's name is not a mention of the city.
        Assert.Equal(2, mentions.Length);
        Assert.DoesNotContain("/concepts/beijing/\">Beijing</a> Daxing", site.Read("site/texts/2021-05-28-a/index.html"));
    }

    [Fact]
    public void Without_the_exclusion_the_airport_counts_which_is_what_the_exclusion_is_for()
    {
        using var site = Site().Write("content/concepts/beijing.md", Concept("Beijing", ""));
        Assert.Equal(3, site.Build().Site!.MentionsByConcept["beijing"].Length);
    }

    [Fact]
    public void An_exclusion_that_occurs_nowhere_is_a_warning_and_one_that_is_also_a_name_is_an_error()
    {
        using var site = Site().Write("content/concepts/beijing.md",
            Concept("Beijing", "Peking", "exclude:\n  - Beijing Capital Airport\n  - peking\n"));
        Assert.Equal([
            "content/concepts/beijing.md:3:11: warning: the alias 'Peking' matches nowhere in the texts: correct its wording to the text's, or remove it (a longer alias that covers the same words wins) [SG0402]",
            "content/concepts/beijing.md:6:5: warning: the excluded phrase 'Beijing Capital Airport' of 'beijing' occurs nowhere in the texts: correct its wording to the text's (e.g. 'Beijing Daxing International Airport' for Beijing), or remove it [SG0402]",
            "content/concepts/beijing.md:7:5: error: 'peking' is both a name and an exclusion of 'beijing': remove it from 'aliases:' or from 'exclude:' [SG0109]",
        ], site.Errors());
    }

    [Fact]
    public void Mentions_in_headings_are_found_linked_and_listed_on_the_concept_page()
    {
        using var site = Site().Write("content/concepts/basic-research.md", Concept("Basic research", ""));
        var analysed = site.Build().Site!;
        var inHeading = Assert.Single(analysed.MentionsByConcept["basic-research"], m => m.InHeading);
        Assert.Equal(("2021-05-28-a", 1, 0, 14), (inHeading.Slug, inHeading.Number, inHeading.Start, inHeading.End));
        // Reading order: the heading's mention comes before the paragraph that follows it.
        Assert.Same(inHeading, analysed.MentionsByConcept["basic-research"][0]);
        Assert.Contains("<h2 id=\"h1\"><a class=\"mention\" href=\"/concepts/basic-research/\">Basic research</a> first</h2>",
            site.Read("site/texts/2021-05-28-a/index.html"));
        var page = site.Read("site/concepts/basic-research/index.html");
        Assert.Contains("<a href=\"/texts/2021-05-28-a/#h1\"><span class=\"kwic-n\">heading</span>", page);
        Assert.Contains("<dt>First</dt><dd><a href=\"/texts/2021-05-28-a/#h1\">", page);
    }
}
