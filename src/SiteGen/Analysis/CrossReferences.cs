using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// What the mentions say about the corpus as a whole: which concepts go together, and which
/// passages of other texts speak of the same things as a paragraph.
/// </summary>
public static class CrossReferences
{
    /// <summary>Passages shown per paragraph.</summary>
    public const int PassagesPerParagraph = 4;

    /// <summary>For each concept, the others sharing paragraphs with it, most shared first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CoMention>> CoMentions(
        IReadOnlyList<Concept> concepts, IReadOnlyDictionary<ParagraphRef, IReadOnlyList<Mention>> byParagraph)
    {
        var counts = concepts.ToDictionary(c => c.Id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var mentions in byParagraph.Values)
        {
            var ids = mentions.Select(m => m.ConceptId).Distinct().ToList();
            foreach (var a in ids)
                foreach (var b in ids)
                    if (a != b) counts[a][b] = counts[a].GetValueOrDefault(b) + 1;
        }
        return counts.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<CoMention>)c.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => new CoMention(x.Key, x.Value)).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// For each paragraph, the paragraphs of other texts that share the most concepts with it (at
    /// least two, or its only one), best first, then in reading order.
    /// </summary>
    public static IReadOnlyDictionary<ParagraphRef, IReadOnlyList<RelatedPassage>> RelatedPassages(
        Site site, IReadOnlyDictionary<ParagraphRef, IReadOnlyList<Mention>> byParagraph)
    {
        var order = new Dictionary<ParagraphRef, int>();
        foreach (var text in site.Texts)
            foreach (var p in text.Paragraphs)
                order[new ParagraphRef(text.Slug, p.Number)] = order.Count;

        var conceptsOf = byParagraph.ToDictionary(p => p.Key, p => p.Value.Select(m => m.ConceptId).Distinct().Order(StringComparer.Ordinal).ToArray());
        var paragraphsOf = new Dictionary<string, List<ParagraphRef>>(StringComparer.Ordinal);
        foreach (var (paragraph, ids) in conceptsOf.OrderBy(p => order[p.Key]))
            foreach (var id in ids)
                (paragraphsOf.TryGetValue(id, out var list) ? list : paragraphsOf[id] = []).Add(paragraph);

        var result = new Dictionary<ParagraphRef, IReadOnlyList<RelatedPassage>>();
        var keys = conceptsOf.Keys.OrderBy(k => order[k]).ToArray();
        var found = new IReadOnlyList<RelatedPassage>[keys.Length];
        Parallel.For(0, keys.Length, i =>
        {
            var paragraph = keys[i];
            var ids = conceptsOf[paragraph];
            var shared = new Dictionary<ParagraphRef, List<string>>();
            foreach (var id in ids)
                foreach (var other in paragraphsOf[id])
                    if (other.Slug != paragraph.Slug)
                        (shared.TryGetValue(other, out var list) ? list : shared[other] = []).Add(id);
            var needed = Math.Min(2, ids.Length);
            found[i] = shared.Where(s => s.Value.Count >= needed)
                .OrderByDescending(s => s.Value.Count).ThenBy(s => order[s.Key])
                .Take(PassagesPerParagraph)
                .Select(s => new RelatedPassage(s.Key, s.Value))
                .ToList();
        });
        for (var i = 0; i < keys.Length; i++)
            if (found[i].Count > 0) result[keys[i]] = found[i];
        return result;
    }
}
