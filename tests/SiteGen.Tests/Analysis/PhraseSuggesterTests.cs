using SiteGen.Analysis;
using SiteGen.Commands;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Analysis;

/// <summary>'concepts suggest' proposes phrases worth a concept that the registry lacks.</summary>
public class PhraseSuggesterTests
{
    private static TempSite Corpus() => new TempSite()
        .Text("2021-05-28-a", "title: A\ndate: 2021-05-28\nkind: speech",
            "The high-speed rail network and the emerging industries grow. Basic research matters.\n\nOf the, and the: of the.\n")
        .Text("2022-01-01-b", "title: B\ndate: 2022-01-01\nkind: speech",
            "New emerging industries, more high-speed rail lines. Basic research again.\n")
        .Write("content/concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\nC.\n");

    private static IReadOnlyList<SuggestedPhrase> Suggest(TempSite site) => PhraseSuggester.Suggest(site.Build().Site!);

    [Fact]
    public void Recurring_phrases_that_no_concept_covers_are_proposed_with_counts_and_texts()
    {
        using var site = Corpus();
        var phrases = Suggest(site);
        var rail = Assert.Single(phrases, p => p.Phrase == "high speed rail");
        Assert.Equal(2, rail.Occurrences);
        Assert.Equal(["2021-05-28-a", "2022-01-01-b"], rail.TextSlugs);
        Assert.Contains(phrases, p => p.Phrase == "emerging industries");
    }

    [Fact]
    public void Phrases_already_covered_by_a_concept_stop_words_and_hyphen_halves_are_not_proposed()
    {
        using var site = Corpus();
        var phrases = Suggest(site).Select(p => p.Phrase).ToList();
        Assert.DoesNotContain("basic research", phrases);
        Assert.DoesNotContain(phrases, p => p.StartsWith("of ", StringComparison.Ordinal) || p.EndsWith(" the", StringComparison.Ordinal));
        Assert.DoesNotContain("high speed", phrases);
        Assert.DoesNotContain("speed rail", phrases);
    }

    [Fact]
    public async Task On_the_real_content_the_list_is_useful_and_the_command_prints_it()
    {
        var stdout = new StringWriter();
        var code = await Cli.Run(["concepts", "suggest", "--content", Repo.Content], stdout, new StringWriter());
        Assert.Equal(0, code);
        var output = stdout.ToString();
        // What the list proposed before is a concept now, so it is no longer proposed ...
        Assert.DoesNotContain("high speed rail", output);
        Assert.DoesNotContain("emerging industries", output);
        // ... and what no concept covers yet still is.
        Assert.Contains("scientific research", output);
        // Boilerplate of the corpus, in a fifth of all paragraphs, is left out.
        Assert.DoesNotMatch(@"\d+\s+science and technology\s+\d", output);
        Assert.Equal(20, output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*\d+\s{2}\S")));
    }
}
