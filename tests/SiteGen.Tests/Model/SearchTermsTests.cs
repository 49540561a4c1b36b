using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.FileSystem;
using SiteGen.Exports;

namespace SiteGen.Tests.Model;

/// <summary>The terms search indexes and queries: concept matching's folding, then accents dropped.</summary>
public class SearchTermsTests
{
    private static string[] Terms(string text) => SearchTerms.Of(text).Select(t => t.Value).ToArray();

    [Theory]
    [InlineData("Self‐Reliance", "self reliance")]
    [InlineData("self-reliance", "self reliance")]
    [InlineData("SELF–RELIANCE", "self reliance")]
    [InlineData("China’s “new” 5G", "china s new 5g")]
    [InlineData("Éclair naïve cafe\u0301", "eclair naive cafe")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("邓小平 said", "邓 小 平 said")]
    [InlineData("“…” — !", "")]
    public void Folding_is_concept_matchings_with_accents_dropped_and_ideographs_one_by_one(string text, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Terms(text));

    /// <summary>
    /// The generator's words and the rules as the README states them (written again, apart, in the tests' naive search)
    /// agree on every paragraph, heading and note of the edition, and on a sample of awkward strings.
    /// </summary>
    [Fact]
    public void The_terms_follow_the_stated_rules_on_every_word_of_the_edition()
    {
        var site = SiteGen.Loading.ContentLoader.Load(new ProjectPaths(Support.Repo.Root, Support.Repo.Content, Support.Repo.Templates, Path.GetTempPath()), new SiteGen.Diagnostics.DiagnosticBag())!;
        var texts = site.Texts.SelectMany(t => t.Paragraphs.Select(p => p.PlainText).Concat(t.Headings.Select(h => h.PlainText)))
            .Concat(site.Notes.Select(a => a.Body.PlainText(id => id)))
            .Concat(["Self‐Reliance in “science” — Éclair China’s 5G", "İstanbul ıI ß Straße", "cafe\u0301 naïve Ångström", "soft\u00ADhyphen zero\u200Bwidth", "٣ Ⅻ a-b—c–d", "𝐀𝐁𝐂 😀 𠀀"]);
        var disagreements = texts.Where(t => !Terms(t).SequenceEqual(Support.NaiveSearch.Terms(t))).Take(5)
            .Select(t => $"“{t}”: generator [{string.Join(" ", Terms(t))}], rules [{string.Join(" ", Support.NaiveSearch.Terms(t))}]").ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void Each_term_knows_where_it_is_in_the_original()
    {
        const string Text = "In 1978, Deng’s “science”";
        Assert.Equal(["In", "1978", "Deng", "s", "science"], SearchTerms.Of(Text).Select(t => Text[t.Start..t.End]));
    }

    [Fact]
    public void Phrases_that_concept_matching_takes_as_one_are_one_sequence_of_terms()
    {
        // Whatever FoldedText takes as the same phrase, search takes as the same terms.
        foreach (var (a, b) in new[] { ("Self‐Reliance", "self reliance"), ("“Two Sessions”", "\"two sessions\""), ("BeiDou\u00A0system", "beidou system") })
        {
            Assert.Equal(FoldedText.Phrase(a).Replace("\"", ""), FoldedText.Phrase(b).Replace("\"", ""));
            Assert.Equal(Terms(a), Terms(b));
        }
    }
}
