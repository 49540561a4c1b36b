using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// What the mentions say about the corpus as a whole: which concepts go together, and which
/// passages of other texts speak of the same things as a paragraph.
/// </summary>
internal static class CrossReferences
{
    /// <summary>Passages shown per paragraph, each from a different text.</summary>
    public const int PassagesPerParagraph = 3;

    /// <summary>How much of a related passage's opening is shown, in characters, cut at a word.</summary>
    public const int OpeningLength = 64;

    /// <summary>For each concept, the others sharing paragraphs with it, most shared first.</summary>
    public static FrozenDictionary<string, ImmutableArray<CoMention>> CoMentions(
        IReadOnlyList<Concept> concepts, IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        // Concepts by number (in ordinal order of ids), and a square of counts: no string is hashed per pair.
        var ids = concepts.Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        var number = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n, StringComparer.Ordinal);
        var n = ids.Length;
        var counts = new int[n * n];
        var seen = new int[n];
        var stamp = 0;
        var present = new List<int>();
        foreach (var mentions in byParagraph.Values)
        {
            stamp++;
            present.Clear();
            foreach (var m in mentions)
            {
                var c = number[m.ConceptId];
                if (seen[c] == stamp) continue;
                seen[c] = stamp;
                present.Add(c);
            }
            foreach (var a in present)
                foreach (var b in present)
                    if (a != b) counts[a * n + b]++;
        }
        var result = new Dictionary<string, ImmutableArray<CoMention>>(StringComparer.Ordinal);
        for (var a = 0; a < n; a++)
        {
            var row = a;
            result[ids[a]] = Enumerable.Range(0, n).Where(b => counts[row * n + b] > 0)
                .OrderByDescending(b => counts[row * n + b]).ThenBy(b => b) // numbers are in ordinal order of ids
                .Select(b => new CoMention(ids[b], counts[row * n + b])).ToImmutableArray();
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// How many of a paragraph's common concepts (more paragraphs than <see cref="CandidatesPerConcept"/>)
    /// propose candidates. The rarest of a paragraph's concepts weigh most, so a passage that ranks
    /// among the best almost always shares one of the rarest three; more seeds would add candidates
    /// that the ranking then drops.
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
    /// For each paragraph, up to <see cref="PassagesPerParagraph"/> paragraphs of other texts (one per text) that speak
    /// of the same things. Each concept weighs by how rare it is: the log of the paragraphs with concepts over the
    /// paragraphs that mention it, so a concept in most paragraphs adds almost nothing, and a generic one
    /// (<see cref="Concept.Generic"/>) nothing at all. A passage must share at least two concepts (or the paragraph's
    /// only one), one of them not generic; the passages are ranked by the weight of what they share, then by the
    /// nearest date, then in reading order. Candidates come from the paragraph's concepts that are not generic: all
    /// paragraphs of a concept that has few, and for concepts found everywhere in a large corpus only the rarest few,
    /// each limited to the paragraphs nearest in reading order, so the work stays linear. On a corpus the size of
    /// this edition the result is exact.
    /// </summary>
    public static IReadOnlyDictionary<ParagraphRef, ImmutableArray<RelatedPassage>> RelatedPassages(
        Site site, IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> byParagraph)
    {
        // Paragraphs are numbered by reading order, concepts in ordinal order of ids; the inner loops work on those numbers.
        var paragraphs = new List<ParagraphRef>();
        var textOf = new List<int>();
        for (var t = 0; t < site.Texts.Length; t++)
            foreach (var p in site.Texts[t].Paragraphs)
            {
                paragraphs.Add(new ParagraphRef(site.Texts[t].Slug, p.Number));
                textOf.Add(t);
            }
        var day = site.Texts.Select(t => t.Date.DayNumber).ToArray();
        var conceptIds = byParagraph.Values.SelectMany(m => m).Select(m => m.ConceptId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var number = conceptIds.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n, StringComparer.Ordinal);
        var generic = site.Concepts.Where(c => c.Generic).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new int[paragraphs.Count][];
        for (var i = 0; i < paragraphs.Count; i++)
            ids[i] = byParagraph.TryGetValue(paragraphs[i], out var mentions)
                ? mentions.Select(m => number[m.ConceptId]).Distinct().Order().ToArray()
                : [];

        // Each concept's paragraphs, in reading order, and its weight.
        var postings = Enumerable.Range(0, conceptIds.Length).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < paragraphs.Count; i++)
            foreach (var c in ids[i]) postings[c].Add(i);
        var withConcepts = ids.Count(c => c.Length > 0);
        var weight = Enumerable.Range(0, conceptIds.Length)
            .Select(c => generic.Contains(conceptIds[c]) ? 0 : Math.Log((double)withConcepts / postings[c].Count)).ToArray();

        // Concept sets as bit sets: what two paragraphs share is found word by word.
        var words = Math.Max(1, (conceptIds.Length + 63) / 64);
        var bits = new ulong[paragraphs.Count * words];
        var specific = new ulong[words];
        for (var i = 0; i < paragraphs.Count; i++)
            foreach (var c in ids[i])
                bits[i * words + c / 64] |= 1UL << (c % 64);
        for (var c = 0; c < conceptIds.Length; c++)
            if (!generic.Contains(conceptIds[c])) specific[c / 64] |= 1UL << (c % 64);
        // Many paragraphs share the same concepts with their passages: each set of shared ids is made once.
        var sharedSets = new System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        ImmutableArray<string> SharedIds(int a, int b)
        {
            var key = string.Create(words * 16, (a, b), (span, ab) =>
            {
                for (var w = 0; w < words; w++) (bits[ab.a * words + w] & bits[ab.b * words + w]).TryFormat(span[(w * 16)..], out _, "x16");
            });
            return sharedSets.GetOrAdd(key, _ => [.. ids[a].Intersect(ids[b]).Select(c => conceptIds[c])]);
        }
        // A paragraph's opening, made once however many paragraphs show it.
        var openings = new string?[paragraphs.Count];
        string OpeningOf(int p)
        {
            if (openings[p] is { } made) return made;
            var text = site.Texts[textOf[p]];
            return openings[p] = Opening(text.Paragraphs[paragraphs[p].Number - 1].PlainText);
        }

        var found = new ByPlace<ParagraphRef, ImmutableArray<RelatedPassage>>.Builder(site.Texts.Select(t => (t.Slug, t.Paragraphs.Length)));
        Parallel.For(0, paragraphs.Count, () => new Scratch(paragraphs.Count), (i, _, scratch) =>
        {
            if (ids[i].Length == 0 || !ids[i].Any(c => weight[c] > 0)) return scratch;
            scratch.Stamp++;
            var candidates = scratch.Candidates;
            candidates.Clear();
            // Concepts with few paragraphs propose all of them (exact); of the common ones, only
            // the rarest few propose their nearest paragraphs; generic ones propose none.
            var common = 0;
            foreach (var c in ids[i].Where(c => weight[c] > 0).OrderBy(c => postings[c].Count).ThenBy(c => c))
            {
                if (postings[c].Count > CandidatesPerConcept && common++ >= SeedConcepts) break;
                var (from, count) = Nearest(postings[c], i, CandidatesPerConcept);
                var list = postings[c];
                for (var k = from; k < from + count; k++)
                {
                    var other = list[k];
                    if (textOf[other] == textOf[i] || scratch.Seen[other] == scratch.Stamp) continue;
                    scratch.Seen[other] = scratch.Stamp;
                    candidates.Add(other);
                }
            }
            // The best few, one per text, kept in a small sorted array.
            var needed = Math.Min(2, ids[i].Length);
            var best = scratch.Best;
            var kept = 0;
            foreach (var other in candidates)
            {
                // Most candidates share too little: counted first, weighed only when they may be shown.
                var (shared, specificShared) = (0, false);
                for (var w = 0; w < words; w++)
                {
                    var both = bits[i * words + w] & bits[other * words + w];
                    shared += System.Numerics.BitOperations.PopCount(both);
                    specificShared |= (both & specific[w]) != 0;
                }
                if (shared < needed || !specificShared) continue;
                var score = 0.0;
                for (var w = 0; w < words; w++)
                    for (var both = bits[i * words + w] & bits[other * words + w]; both != 0; both &= both - 1)
                        score += weight[w * 64 + System.Numerics.BitOperations.TrailingZeroCount(both)];
                if (score <= 0) continue;
                var candidate = new Ranked(other, score, Math.Abs(day[textOf[other]] - day[textOf[i]]));
                // Worse than the last kept, it is worse than all, and than any kept passage of its own text.
                if (kept == PassagesPerParagraph && !candidate.Before(best[kept - 1])) continue;
                var same = -1;
                for (var k = 0; k < kept; k++)
                    if (textOf[best[k].Paragraph] == textOf[other]) { same = k; break; }
                if (same >= 0)
                {
                    if (!candidate.Before(best[same])) continue;
                    Array.Copy(best, same + 1, best, same, kept - same - 1);
                    kept--;
                }
                var at = kept;
                while (at > 0 && candidate.Before(best[at - 1])) at--;
                if (at >= PassagesPerParagraph) continue;
                for (var k = Math.Min(kept, PassagesPerParagraph - 1); k > at; k--) best[k] = best[k - 1];
                best[at] = candidate;
                if (kept < PassagesPerParagraph) kept++;
            }
            if (kept > 0)
            {
                var passages = ImmutableArray.CreateBuilder<RelatedPassage>(kept);
                for (var k = 0; k < kept; k++)
                    passages.Add(new RelatedPassage(paragraphs[best[k].Paragraph], SharedIds(i, best[k].Paragraph), OpeningOf(best[k].Paragraph)));
                found.Set(paragraphs[i].Slug, paragraphs[i].Number, passages.MoveToImmutable());
            }
            return scratch;
        }, _ => { });
        return found.ToReadOnly();
    }

    /// <summary>A passage as ranked: by the weight of the concepts shared, then the nearest date, then reading order.</summary>
    private readonly record struct Ranked(int Paragraph, double Score, int Days)
    {
        public bool Before(Ranked other) =>
            Score != other.Score ? Score > other.Score : Days != other.Days ? Days < other.Days : Paragraph < other.Paragraph;
    }

    /// <summary>The first words of a paragraph, up to about <see cref="OpeningLength"/> characters, cut at a word, with "…" when cut.</summary>
    internal static string Opening(string text)
    {
        if (text.Length <= OpeningLength) return text;
        var cut = text.LastIndexOf(' ', OpeningLength);
        if (cut <= OpeningLength / 2) cut = OpeningLength;
        if (char.IsLowSurrogate(text[cut])) cut--;
        return text[..cut].TrimEnd(' ', ',', ';', ':', '—', '–') + "…";
    }

    /// <summary>What one thread reuses from paragraph to paragraph.</summary>
    private sealed class Scratch(int paragraphs)
    {
        /// <summary>Seen[p] == Stamp when paragraph p is already a candidate of the paragraph at hand.</summary>
        public readonly int[] Seen = new int[paragraphs];
        public int Stamp;
        public readonly List<int> Candidates = [];
        public readonly Ranked[] Best = new Ranked[PassagesPerParagraph];
    }

    /// <summary>Where, in a sorted posting list, the (up to) <paramref name="count"/> entries nearest to paragraph <paramref name="at"/> are.</summary>
    private static (int From, int Count) Nearest(List<int> list, int at, int count)
    {
        if (list.Count <= count) return (0, list.Count);
        var lo = list.BinarySearch(at);
        if (lo < 0) lo = ~lo;
        return (Math.Clamp(lo - count / 2, 0, list.Count - count), count);
    }
}
