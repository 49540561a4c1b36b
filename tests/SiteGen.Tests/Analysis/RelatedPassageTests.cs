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
    /// The rule, applied plainly: a passage of another text is related when it shares at least two
    /// of the paragraph's concepts (or its only one); the best four by concepts shared, then in
    /// reading order.
    /// </summary>
    private static Dictionary<ParagraphRef, List<(ParagraphRef, string[])>> BruteForce(Site site, IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        var all = site.Texts.SelectMany(t => t.Paragraphs.Select(p => new ParagraphRef(t.Slug, p.Number))).ToList();
        string[] Concepts(ParagraphRef p) => byParagraph.TryGetValue(p, out var m) ? m.Select(x => x.ConceptId).Distinct().Order(StringComparer.Ordinal).ToArray() : [];
        var result = new Dictionary<ParagraphRef, List<(ParagraphRef, string[])>>();
        foreach (var p in all)
        {
            var mine = Concepts(p);
            if (mine.Length == 0) continue;
            var related = all.Select((q, order) => (q, order, shared: mine.Intersect(Concepts(q)).ToArray()))
                .Where(x => x.q.Slug != p.Slug && x.shared.Length >= Math.Min(2, mine.Length))
                .OrderByDescending(x => x.shared.Length).ThenBy(x => x.order)
                .Take(CrossReferences.PassagesPerParagraph)
                .Select(x => (x.q, x.shared)).ToList();
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
        text.Array[1, 6].Sample(texts =>
        {
            var site = new Site
            {
                Info = new SiteInfo { Title = "E", Description = "D", BaseUrl = "/", Language = "en" },
                Texts = [.. texts.Select((paragraphs, t) => new Text
                {
                    Slug = $"2020-01-0{t + 1}-t", Title = "T", Date = new DateOnly(2020, 1, t + 1), Kind = TextKind.Speech, SourcePath = "x",
                    Blocks = [],
                    Paragraphs = [.. paragraphs.Select((_, i) => new Paragraph { Line = i + 1, Number = i + 1, Content = [], PlainText = "" })],
                })],
                Concepts = [],
            };
            var mentions = texts.SelectMany((paragraphs, t) => paragraphs.SelectMany((concepts, i) => concepts.Select(c => new Mention
            {
                ConceptId = $"c{c}", Slug = $"2020-01-0{t + 1}-t", Number = i + 1, Start = 0, End = 1,
            })));
            var byParagraph = mentions.GroupBy(m => m.Paragraph!.Value).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
            AssertSame(site, byParagraph);
        }, iter: 300);
    }
}
