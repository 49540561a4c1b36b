using SiteGen.Model;
using SiteGen.Analysis;
using SiteGen.TextRules;

namespace SiteGen.Tests.Analysis;

public class PhraseMatcherTests
{
    /// <summary>The words each phrase matched in <paramref name="text"/>, as the reader would see them.</summary>
    private static List<string> Find(string text, params string[] phrases)
    {
        var folded = FoldedText.Of(text);
        var matcher = new PhraseMatcher(phrases.Select(FoldedText.Phrase).ToList());
        return matcher.Matches(folded.Value).Select(m => text[folded.Start(m.Start)..folded.End(m.End)]).ToList();
    }

    [Fact]
    public void Where_aliases_overlap_the_longest_wins() =>
        Assert.Equal(["self-reliance and strength in science and technology"],
            Find("greater self-reliance and strength in science and technology now", "self-reliance", "self-reliance and strength in science and technology", "science and technology"));

    [Fact]
    public void Matching_ignores_case() =>
        Assert.Equal(["BASIC Research"], Find("the BASIC Research of", "basic research"));

    [Fact]
    public void Curly_and_straight_quotes_match_each_other() =>
        Assert.Equal(["Chang'e lunar exploration", "Chang’e lunar exploration"],
            Find("Chang'e lunar exploration and Chang’e lunar exploration", "Chang’e lunar exploration"));

    [Fact]
    public void Hyphen_and_dash_variants_and_spaces_match_each_other() =>
        Assert.Equal(["high-quality development", "high‑quality\ndevelopment", "High Quality Development"],
            Find("high-quality development, high‑quality\ndevelopment and High Quality Development", "high-quality development"));

    [Fact]
    public void A_word_that_contains_an_alias_is_not_a_mention() =>
        Assert.Empty(Find("the Marsupial of Xiamen, Xi's", "mars", "xi jinping"));

    [Fact]
    public void A_part_of_a_hyphenated_compound_is_a_word() =>
        Assert.Equal(["Mars"], Find("a Mars-like world", "mars"));

    [Fact]
    public void A_plural_that_no_alias_lists_is_not_a_mention() =>
        Assert.Empty(Find("national laboratories were built", "national laboratory"));

    [Fact]
    public void Adjacent_mentions_are_all_found_in_order() =>
        Assert.Equal(["AI", "quantum", "AI"], Find("AI, quantum; AI.", "ai", "quantum"));

    [Fact]
    public void Among_equally_long_overlapping_matches_the_earliest_wins() =>
        Assert.Equal(["basic research"], Find("basic research chain", "research chain", "basic research"));

    [Fact]
    public void Phrases_that_are_suffixes_of_others_are_found_through_fail_links() =>
        Assert.Equal(["core technologies", "key areas"], Find("core technologies in key areas", "key core technologies", "core technologies", "key areas"));

    /// <summary>The reference: every phrase looked for everywhere, one by one.</summary>
    private static List<PhraseMatch> Naive(string text, IReadOnlyList<string> phrases)
    {
        var all = new List<PhraseMatch>();
        for (var p = 0; p < phrases.Count; p++)
        {
            if (phrases[p].Length == 0) continue;
            for (var i = text.IndexOf(phrases[p], StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrases[p], i + 1, StringComparison.Ordinal))
            {
                var end = i + phrases[p].Length;
                var startOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i]);
                var endOk = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]);
                if (startOk && endOk) all.Add(new PhraseMatch(p, i, phrases[p].Length));
            }
        }
        // Identical phrases count once, as the first.
        all = all.Where(m => phrases.Take(m.Phrase).All(q => q != phrases[m.Phrase])).ToList();
        return NaiveLongest(all);
    }

    /// <summary>
    /// The rule readers see, applied plainly: while any match is left that overlaps none already
    /// chosen, choose the longest of them, then the earliest, then the first-listed phrase.
    /// </summary>
    internal static List<PhraseMatch> NaiveLongest(IReadOnlyList<PhraseMatch> all)
    {
        var chosen = new List<PhraseMatch>();
        var left = all.ToList();
        while (true)
        {
            var free = left.Where(m => chosen.All(c => m.End <= c.Start || m.Start >= c.End)).ToList();
            if (free.Count == 0) break;
            var best = free.MaxBy(m => (m.Length, -m.Start, -m.Phrase));
            chosen.Add(best);
            left.Remove(best);
        }
        return chosen.OrderBy(m => m.Start).ToList();
    }

    [Fact]
    public void The_automaton_finds_what_a_naive_matcher_finds_on_generated_inputs()
    {
        // A small alphabet makes overlaps, shared prefixes and suffixes frequent.
        string[] words = ["a", "ab", "b", "ba", "aba", "c"];
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            string Words(int min, int max) => string.Join(random.Next(4) == 0 ? "-" : " ",
                Enumerable.Range(0, random.Next(min, max)).Select(_ => words[random.Next(words.Length)]));
            var phrases = Enumerable.Range(0, random.Next(1, 8)).Select(_ => FoldedText.Phrase(Words(1, 4))).ToList();
            var text = FoldedText.Phrase(Words(0, 40));
            var expected = Naive(text, phrases);
            var actual = new PhraseMatcher(phrases).Matches(text);
            Assert.True(expected.SequenceEqual(actual), $"seed {seed}: text '{text}', phrases [{string.Join(" | ", phrases)}]\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", actual)}");
        }
    }
}
