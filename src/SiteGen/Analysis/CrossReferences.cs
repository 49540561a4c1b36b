using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// What the mentions say about the corpus as a whole: which concepts go together, and which
/// passages of other texts speak of the same things as a paragraph.
/// </summary>
internal static class CrossReferences
{
    /// <summary>Passages shown per paragraph.</summary>
    public const int PassagesPerParagraph = 4;

    /// <summary>For each concept, the others sharing paragraphs with it, most shared first.</summary>
    public static FrozenDictionary<string, ImmutableArray<CoMention>> CoMentions(
        IReadOnlyList<Concept> concepts, FrozenDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        var counts = concepts.ToDictionary(c => c.Id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var mentions in byParagraph.Values)
        {
            var ids = mentions.Select(m => m.ConceptId).Distinct().ToList();
            foreach (var a in ids)
                foreach (var b in ids)
                    if (a != b) counts[a][b] = counts[a].GetValueOrDefault(b) + 1;
        }
        return counts.ToFrozenDictionary(
            c => c.Key,
            c => c.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => new CoMention(x.Key, x.Value)).ToImmutableArray(),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// How many of a paragraph's common concepts (more paragraphs than <see cref="CandidatesPerConcept"/>)
    /// propose candidates. A related passage must share at least two concepts, so the rarest three
    /// of a paragraph's common concepts almost always include one that a truly related passage
    /// shares; more seeds would add candidates that the scoring then drops.
    /// </summary>
    private const int SeedConcepts = 3;

    /// <summary>
    /// How many paragraphs of one concept, nearest in reading order, are considered as candidates.
    /// It bounds the work per paragraph (the cost stays linear in the corpus), and is far above the
    /// few passages shown (<see cref="PassagesPerParagraph"/>): on this edition no concept has as
    /// many paragraphs, so the result is exact; on a large corpus it trades completeness for a
    /// concept so common that it says little about relatedness.
    /// </summary>
    private const int CandidatesPerConcept = 256;

    /// <summary>
    /// For each paragraph, the paragraphs of other texts that share the most concepts with it (at
    /// least two, or its only one), best first, then in reading order. Candidates come from the
    /// paragraph's concepts: all paragraphs of a concept that has few, and for concepts found
    /// everywhere in a large corpus only the rarest few, each limited to the paragraphs nearest in
    /// reading order, so the work stays linear (a concept that common says little about
    /// relatedness anyway). Candidates are then scored on all shared concepts. On a corpus the size
    /// of this edition the result is exact.
    /// </summary>
    public static FrozenDictionary<ParagraphRef, ImmutableArray<RelatedPassage>> RelatedPassages(
        Site site, FrozenDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        // Paragraphs are numbered by reading order; the inner loops work on those numbers.
        var paragraphs = new List<ParagraphRef>();
        var textOf = new List<int>();
        for (var t = 0; t < site.Texts.Length; t++)
            foreach (var p in site.Texts[t].Paragraphs)
            {
                paragraphs.Add(new ParagraphRef(site.Texts[t].Slug, p.Number));
                textOf.Add(t);
            }
        var ids = new string[paragraphs.Count][];
        for (var i = 0; i < paragraphs.Count; i++)
            ids[i] = byParagraph.TryGetValue(paragraphs[i], out var mentions)
                ? mentions.Select(m => m.ConceptId).Distinct().Order(StringComparer.Ordinal).ToArray()
                : [];

        // Each concept's paragraphs, in reading order.
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < paragraphs.Count; i++)
            foreach (var id in ids[i])
                (postings.TryGetValue(id, out var list) ? list : postings[id] = []).Add(i);

        // Concept sets as bit sets: the concepts two paragraphs share are counted with a popcount.
        var index = postings.Keys.Order(StringComparer.Ordinal).Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n, StringComparer.Ordinal);
        var words = Math.Max(1, (index.Count + 63) / 64);
        var bits = new ulong[paragraphs.Count * words];
        for (var i = 0; i < paragraphs.Count; i++)
            foreach (var id in ids[i])
                bits[i * words + index[id] / 64] |= 1UL << (index[id] % 64);
        int Shared(int a, int b)
        {
            var count = 0;
            for (var w = 0; w < words; w++) count += System.Numerics.BitOperations.PopCount(bits[a * words + w] & bits[b * words + w]);
            return count;
        }

        var found = new List<RelatedPassage>?[paragraphs.Count];
        Parallel.For(0, paragraphs.Count, () => new List<int>(), (i, _, candidates) =>
        {
            if (ids[i].Length == 0) return candidates;
            candidates.Clear();
            // Concepts with few paragraphs propose all of them (exact); of the common ones, only
            // the rarest few propose their nearest paragraphs.
            var common = 0;
            foreach (var id in ids[i].OrderBy(id => postings[id].Count).ThenBy(id => id, StringComparer.Ordinal))
            {
                if (postings[id].Count > CandidatesPerConcept && common++ >= SeedConcepts) break;
                foreach (var other in Nearest(postings[id], i, CandidatesPerConcept))
                    if (textOf[other] != textOf[i]) candidates.Add(other);
            }
            candidates.Sort();
            var needed = Math.Min(2, ids[i].Length);
            var best = new List<(int Paragraph, int Shared)>();
            for (var c = 0; c < candidates.Count; c++)
            {
                if (c > 0 && candidates[c] == candidates[c - 1]) continue;
                var shared = Shared(i, candidates[c]);
                if (shared >= needed) best.Add((candidates[c], shared));
            }
            if (best.Count > 0)
                found[i] = best.OrderByDescending(b => b.Shared).ThenBy(b => b.Paragraph).Take(PassagesPerParagraph)
                    .Select(b => new RelatedPassage(paragraphs[b.Paragraph], ids[i].Intersect(ids[b.Paragraph], StringComparer.Ordinal).ToImmutableArray()))
                    .ToList();
            return candidates;
        }, _ => { });

        var result = new Dictionary<ParagraphRef, ImmutableArray<RelatedPassage>>();
        for (var i = 0; i < paragraphs.Count; i++)
            if (found[i] is { } passages) result[paragraphs[i]] = [.. passages];
        return result.ToFrozenDictionary();
    }

    /// <summary>Up to <paramref name="count"/> entries of a sorted posting list nearest to paragraph <paramref name="at"/>.</summary>
    private static IEnumerable<int> Nearest(List<int> list, int at, int count)
    {
        if (list.Count <= count) return list;
        var lo = list.BinarySearch(at);
        if (lo < 0) lo = ~lo;
        var start = Math.Clamp(lo - count / 2, 0, list.Count - count);
        return list.GetRange(start, count);
    }
}
