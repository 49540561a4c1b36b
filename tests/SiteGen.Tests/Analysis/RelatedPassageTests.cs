using CsCheck;
using SiteGen.Analysis;
using SiteGen.Model;
using SiteGen.FileSystem;
using SiteGen.Addresses;

namespace SiteGen.Tests.Analysis;

/// <summary>Related passages against a brute-force oracle: every paragraph compared with every other.</summary>
public class RelatedPassageTests
{
    /// <summary>
    /// The rule, applied plainly: each concept weighs the log of the paragraphs with concepts over its own paragraphs
    /// (nothing when generic); a passage of another text is related when it shares at least two of the paragraph's
    /// concepts (or its only one), one of them not generic; the best by the weight shared, then the nearest date, then
    /// reading order, one per text, three at most.
    /// </summary>
    private static Dictionary<ParagraphRef, List<(ParagraphRef, string[])>> BruteForce(Site site, IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        var all = site.Texts.SelectMany(t => t.Paragraphs.Select(p => (Place: new ParagraphRef(t.Slug, p.Number), t.Date))).ToList();
        string[] Concepts(ParagraphRef p) => byParagraph.TryGetValue(p, out var m) ? m.Select(x => x.ConceptId).Distinct().Order(StringComparer.Ordinal).ToArray() : [];
        var generic = site.Concepts.Where(c => c.Generic).Select(c => c.Id).ToHashSet();
        var withConcepts = all.Count(p => Concepts(p.Place).Length > 0);
        double Weight(string c) => generic.Contains(c) ? 0 : Math.Log((double)withConcepts / all.Count(p => Concepts(p.Place).Contains(c)));
        var result = new Dictionary<ParagraphRef, List<(ParagraphRef, string[])>>();
        foreach (var (p, date) in all)
        {
            var mine = Concepts(p);
            if (mine.Length == 0) continue;
            var related = all.Select((q, order) => (q.Place, order, days: Math.Abs(q.Date.DayNumber - date.DayNumber), shared: mine.Intersect(Concepts(q.Place)).ToArray()))
                .Select(x => (x.Place, x.order, x.days, x.shared, score: x.shared.Sum(Weight)))
                .Where(x => x.Place.Slug != p.Slug && x.shared.Length >= Math.Min(2, mine.Length) && x.shared.Any(c => !generic.Contains(c)) && x.score > 0)
                .OrderByDescending(x => x.score).ThenBy(x => x.days).ThenBy(x => x.order)
                .DistinctBy(x => x.Place.Slug)
                .Take(CrossReferences.PassagesPerParagraph)
                .Select(x => (x.Place, x.shared)).ToList();
            if (related.Count > 0) result[p] = related;
        }
        return result;
    }

    private static void AssertSame(Site site, IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        var expected = BruteForce(site, byParagraph);
        var actual = CrossReferences.RelatedPassages(site, byParagraph);
        Assert.Equal(expected.Keys.OrderBy(k => k.Slug, StringComparer.Ordinal).ThenBy(k => k.Number).ToList(), actual.Keys.OrderBy(k => k.Slug, StringComparer.Ordinal).ThenBy(k => k.Number).ToList());
        foreach (var (p, passages) in expected)
            Assert.Equal(passages.Select(x => $"{x.Item1} [{string.Join(",", x.Item2)}]"),
                actual[p].Select(r => $"{r.Paragraph} [{string.Join(",", r.SharedConceptIds)}]"));
    }

    [Fact]
    public void On_the_real_edition_related_passages_equal_the_brute_force_answer()
    {
        var result = SiteBuilder.Build(new BuildOptions(new ProjectPaths(Support.Repo.Root, Support.Repo.Content, Support.Repo.Templates, Path.Combine(Path.GetTempPath(), "unused")), Write: false));
        Assert.True(result.Succeeded);
        AssertSame(result.Site!.Site, result.Site.MentionsByParagraph);
    }

    [Fact]
    public void On_generated_corpora_related_passages_equal_the_brute_force_answer()
    {
        var paragraph = Gen.Int[0, 5].Array[0, 4]; // the concepts (0..5) a paragraph mentions
        var text = paragraph.Array[1, 6];
        Gen.Select(text.Array[1, 6], Gen.Int[0, 40].Array[6], Gen.Bool.Array[6]).Sample((texts, days, generic) =>
        {
            var site = new Site
            {
                Info = new SiteInfo { Title = "E", Description = "D", BaseUrl = "/", Language = "en" },
                Texts = [.. texts.Select((paragraphs, t) => new Text
                {
                    Slug = $"2020-01-0{t + 1}-t", Title = "T", Date = new DateOnly(2020, 1, 1).AddDays(days[t]), Kind = TextKind.Speech, SourcePath = "x",
                    Blocks = [],
                    Paragraphs = [.. paragraphs.Select((_, i) => new Paragraph { Line = i + 1, Number = i + 1, Content = [], PlainText = "" })],
                })],
                Concepts = [.. Enumerable.Range(0, 6).Select(c => new Concept
                {
                    Id = $"c{c}", Title = $"c{c}", Aliases = [], Category = ConceptCategory.Term, Related = [], Commentary = Prose.Empty, Links = [],
                    SourcePath = "x", TitleLocation = new SiteGen.Diagnostics.SourceLocation("x", 1, 1), Generic = generic[c],
                })],
            };
            var mentions = texts.SelectMany((paragraphs, t) => paragraphs.SelectMany((concepts, i) => concepts.Select(c => new Mention
            {
                ConceptId = $"c{c}", Slug = $"2020-01-0{t + 1}-t", Number = i + 1, Start = 0, End = 1,
            })));
            var byParagraph = mentions.GroupBy(m => m.Paragraph!.Value).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
            AssertSame(site, byParagraph);
        }, iter: 300);
    }

    [Theory]
    [InlineData("Short enough.", "Short enough.")]
    [InlineData("We must rely on scientific and technological innovation to improve the scale and level of the supply system.",
        "We must rely on scientific and technological innovation to…")]
    [InlineData("Strengthen the national strategic science and technology forces, and the rest of it.",
        "Strengthen the national strategic science and technology forces…")]
    public void A_passage_opens_with_its_first_words_cut_at_a_word(string paragraph, string opening) =>
        Assert.Equal(opening, CrossReferences.Opening(paragraph));
}
