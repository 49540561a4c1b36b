using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Analysis;

/// <summary>
/// Finds every mention of every concept: all titles and aliases go into one
/// <see cref="PhraseMatcher"/>, which reads each heading and paragraph once. Mentions never cross
/// paragraphs, never fall inside a link or code of the source, and never inside a phrase the concept
/// excludes (<see cref="Concept.Exclusions"/>). Reports aliases claimed by two concepts,
/// and aliases that match nowhere.
/// </summary>
internal static class MentionFinder
{
    private sealed record Phrase(string ConceptId, Located Source, bool IsAlias);

    public static IReadOnlyList<Mention> Find(Site site, DiagnosticBag diagnostics)
    {
        var (matcher, phrases) = Build(site.Concepts, diagnostics);
        var (excluder, exclusions) = BuildExclusions(site.Concepts, diagnostics);
        var perText = new List<Mention>[site.Texts.Length];
        var used = new bool[phrases.Count];
        var excluded = new bool[exclusions.Count];
        Parallel.For(0, site.Texts.Length, () => (Matches: new List<PhraseMatch>(), Hidden: new List<PhraseMatch>(), Covering: new List<PhraseMatch>()), (t, _, scratch) =>
        {
            var text = site.Texts[t];
            var mentions = new List<Mention>();
            void Scan(string plainText, IReadOnlyList<Inline> content, int number, bool inHeading)
            {
                var folded = FoldedText.Of(plainText);
                var matches = scratch.Matches;
                matches.Clear();
                matcher.AllMatches(folded.Value, matches);
                if (matches.Count == 0) return;
                PhraseMatcher.SelectLongest(matches);
                var hidden = scratch.Hidden;
                hidden.Clear();
                excluder?.AllMatches(folded.Value, hidden);
                foreach (var h in hidden) excluded[h.Phrase] = true;
                hidden.Sort((a, b) => a.Start.CompareTo(b.Start));
                // The excluded phrases that may still contain a match: matches come in text order and do not overlap,
                // so one that ends before a match can contain no later one, and one that starts after it waits its turn.
                var nextHidden = 0;
                var covering = scratch.Covering;
                covering.Clear();
                var protectedRanges = ProtectedRanges(content);
                // Matches come in text order, and so do the ranges no mention may go in: one cursor walks them.
                var nextRange = 0;
                foreach (var match in matches)
                {
                    var owner = phrases[match.Phrase].ConceptId;
                    if (hidden.Count > 0)
                    {
                        while (nextHidden < hidden.Count && hidden[nextHidden].Start <= match.Start) covering.Add(hidden[nextHidden++]);
                        covering.RemoveAll(h => h.End < match.End);
                        if (covering.Exists(h => exclusions[h.Phrase].ConceptId == owner)) continue;
                    }
                    var start = folded.Start(match.Start);
                    var end = folded.End(match.End);
                    while (nextRange < protectedRanges.Count && protectedRanges[nextRange].End <= start) nextRange++;
                    if (nextRange < protectedRanges.Count && protectedRanges[nextRange].Start < end) continue;
                    used[match.Phrase] = true;
                    mentions.Add(new Mention { ConceptId = owner, Slug = text.Slug, Number = number, InHeading = inHeading, Start = start, End = end });
                }
            }
            void Walk(IEnumerable<Block> blocks)
            {
                foreach (var block in blocks)
                    switch (block)
                    {
                        case Heading h: Scan(h.PlainText, h.Content, h.Number, inHeading: true); break;
                        case Paragraph p: Scan(p.PlainText, p.Content, p.Number, inHeading: false); break;
                        case ItemList list: foreach (var item in list.Items) Scan(item.PlainText, item.Content, item.Number, inHeading: false); break;
                        case Quotation q: Walk(q.Blocks); break;
                        case Caption: break; // a photo caption is not the text's own words
                        default: throw new InvalidOperationException($"no rule to find mentions in the block kind {block.GetType().Name}");
                    }
            }
            Walk(text.Blocks); // in reading order
            perText[t] = mentions;
            return scratch;
        }, _ => { });
        for (var p = 0; p < phrases.Count; p++)
        {
            if (used[p] || !phrases[p].IsAlias) continue;
            diagnostics.Warning(DiagnosticCodes.AliasUnused, phrases[p].Source.Location,
                $"the alias '{phrases[p].Source.Value}' matches nowhere in the texts: correct its wording to the text's, or remove it" +
                " (a longer alias that covers the same words wins)");
        }
        for (var e = 0; e < exclusions.Count; e++)
        {
            if (excluded[e]) continue;
            diagnostics.Warning(DiagnosticCodes.AliasUnused, exclusions[e].Source.Location,
                $"the excluded phrase '{exclusions[e].Source.Value}' of '{exclusions[e].ConceptId}' occurs nowhere in the texts: " +
                "correct its wording to the text's (e.g. 'Beijing Daxing International Airport' for Beijing), or remove it");
        }
        var all = new List<Mention>(perText.Sum(m => m.Count));
        foreach (var mentions in perText) all.AddRange(mentions);
        return all;
    }

    /// <summary>One matcher for every concept's <c>exclude:</c> phrases; null when no concept has any.</summary>
    private static (PhraseMatcher?, List<Phrase>) BuildExclusions(IReadOnlyList<Concept> concepts, DiagnosticBag diagnostics)
    {
        var phrases = new List<Phrase>();
        var folded = new List<string>();
        foreach (var concept in concepts)
            foreach (var phrase in concept.Exclusions)
            {
                var key = FoldedText.Phrase(phrase.Value);
                if (key.Length == 0 || !FoldedText.IsWordChar(key[0]) && !FoldedText.IsWordChar(key[^1]))
                {
                    diagnostics.Error(DiagnosticCodes.BadValue, phrase.Location, $"the excluded phrase '{phrase.Value}' has no words to match: remove it");
                    continue;
                }
                if (concept.Phrases.Any(name => FoldedText.Phrase(name.Value) == key))
                {
                    diagnostics.Error(DiagnosticCodes.BadValue, phrase.Location,
                        $"'{phrase.Value}' is both a name and an exclusion of '{concept.Id}': remove it from 'aliases:' or from 'exclude:'");
                    continue;
                }
                phrases.Add(new Phrase(concept.Id, phrase, IsAlias: false));
                folded.Add(key);
            }
        return (phrases.Count == 0 ? null : new PhraseMatcher(folded), phrases);
    }

    private static (PhraseMatcher, List<Phrase>) Build(IReadOnlyList<Concept> concepts, DiagnosticBag diagnostics)
    {
        var phrases = new List<Phrase>();
        var folded = new List<string>();
        var owner = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            var isTitle = true;
            foreach (var phrase in concept.Phrases)
            {
                var key = FoldedText.Phrase(phrase.Value);
                var isAlias = !isTitle;
                isTitle = false;
                if (key.Length == 0 || !FoldedText.IsWordChar(key[0]) && !FoldedText.IsWordChar(key[^1]))
                {
                    diagnostics.Error(DiagnosticCodes.BadValue, phrase.Location, $"the alias '{phrase.Value}' has no words to match: remove it");
                    continue;
                }
                if (owner.TryGetValue(key, out var first))
                {
                    if (first.ConceptId != concept.Id)
                        diagnostics.Error(DiagnosticCodes.DuplicateAlias, phrase.Location,
                            $"'{phrase.Value}' is already a name of the concept '{first.ConceptId}' ({first.Source.Location}): a phrase can belong to one concept only; remove it here or there");
                    continue;
                }
                var entry = new Phrase(concept.Id, phrase, isAlias);
                owner[key] = entry;
                phrases.Add(entry);
                folded.Add(key);
            }
        }
        return (new PhraseMatcher(folded), phrases);
    }

    /// <summary>The ranges of a paragraph's plain text that are links or code: no mention goes there.</summary>
    public static IReadOnlyList<(int Start, int End)> ProtectedRanges(IReadOnlyList<Inline> content)
    {
        // Most paragraphs are words alone.
        if (content.Count == 1 && content[0] is Words) return [];
        var ranges = new List<(int, int)>();
        void Walk(IReadOnlyList<Inline> inlines)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Words or Break: break;
                    case Code or Link or ConceptLink: ranges.Add((inline.Start, inline.End)); break;
                    case Emphasis e: Walk(e.Children); break;
                    default: throw Inlines.Unknown(inline);
                }
            }
        }
        Walk(content);
        return ranges;
    }
}
