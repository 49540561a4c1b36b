using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// Finds every mention of every concept: all titles and aliases go into one
/// <see cref="PhraseMatcher"/>, which reads each paragraph once. Mentions never cross paragraphs,
/// and never fall inside a link or code of the source. Reports aliases claimed by two concepts,
/// and aliases that match nowhere.
/// </summary>
internal static class MentionFinder
{
    private sealed record Phrase(string ConceptId, Located Source, bool IsAlias);

    public static IReadOnlyList<Mention> Find(Site site, DiagnosticBag diagnostics)
    {
        var (matcher, phrases) = Build(site.Concepts, diagnostics);
        var perText = new List<Mention>[site.Texts.Length];
        var used = new bool[phrases.Count];
        Parallel.For(0, site.Texts.Length, t =>
        {
            var text = site.Texts[t];
            var mentions = new List<Mention>();
            foreach (var paragraph in text.Paragraphs)
            {
                var folded = FoldedText.Of(paragraph.PlainText);
                var protectedRanges = ProtectedRanges(paragraph.Content);
                foreach (var match in matcher.Matches(folded.Value))
                {
                    var start = folded.Start(match.Start);
                    var end = folded.End(match.End);
                    if (protectedRanges.Any(r => start < r.End && end > r.Start)) continue;
                    used[match.Phrase] = true;
                    mentions.Add(new Mention
                    {
                        ConceptId = phrases[match.Phrase].ConceptId,
                        Paragraph = new ParagraphRef(text.Slug, paragraph.Number),
                        Start = start,
                        End = end,
                    });
                }
            }
            perText[t] = mentions;
        });
        for (var p = 0; p < phrases.Count; p++)
        {
            if (used[p] || !phrases[p].IsAlias) continue;
            diagnostics.Warning(DiagnosticCodes.AliasUnused, phrases[p].Source.Location,
                $"the alias '{phrases[p].Source.Value}' matches nowhere in the texts: correct its wording to the text's, or remove it" +
                " (a longer alias that covers the same words wins)");
        }
        return perText.SelectMany(m => m).ToList();
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
        var ranges = new List<(int, int)>();
        void Walk(IReadOnlyList<Inline> inlines)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Words or Break: break;
                    case Code or Link: ranges.Add((inline.Start, inline.End)); break;
                    case Emphasis e: Walk(e.Children); break;
                    default: throw Inlines.Unknown(inline);
                }
            }
        }
        Walk(content);
        return ranges;
    }
}
