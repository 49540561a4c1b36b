using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Analysis;

/// <summary>A phrase that recurs across texts and that no concept covers yet.</summary>
internal sealed record SuggestedPhrase(string Phrase, int Occurrences, IReadOnlyList<string> TextSlugs, double Score);

/// <summary>
/// Proposes new concepts: phrases of 2 to 6 words that recur in several texts outside every
/// existing mention. Phrases never run across punctuation, never start or end with a stop word,
/// and a phrase is dropped when a longer one accounts for (nearly) all its occurrences. Ranked by
/// the number of texts first, then by occurrences, with a small bonus for longer phrases.
/// Boilerplate of the corpus (a phrase found in more than a fifth of all paragraphs, such as
/// "science and technology") is left out, and a hyphenated compound counts as one word.
/// </summary>
internal static class PhraseSuggester
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a","about","above","after","again","against","all","also","am","an","and","any","are","as","at","be","been","being","both","but","by",
        "can","could","did","do","does","doing","each","even","every","few","for","from","further","had","has","have","having","he","her","here",
        "him","his","how","i","if","in","into","is","it","its","itself","just","let","like","made","make","many","may","me","more","most","must","my",
        "need","needs","new","no","nor","not","now","of","off","on","once","only","or","other","our","ours","out","over","own","same","shall","she",
        "should","so","some","such","than","that","the","their","them","then","there","these","they","this","those","through","to","too","under",
        "until","up","us","very","was","we","well","were","what","when","where","which","while","who","whom","why","will","with","would","you","your",
        "s","t","also","however","thus","therefore","must","including","within","among","across","toward","towards","via","per","etc","one","two",
        "first","second","third","fourth","fifth","already","always","still","yet","way","ways","said","says",
    };

    public static IReadOnlyList<SuggestedPhrase> Suggest(AnalysedSite site, int minTexts = 2, int maxWords = 6)
    {
        var stats = new Dictionary<string, (int Count, SortedSet<string> Texts)>(StringComparer.Ordinal);
        var paragraphsWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var paragraphCount = 0;
        foreach (var text in site.Site.Texts)
        {
            foreach (var paragraph in text.Paragraphs)
            {
                paragraphCount++;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var covered = site.MentionsByParagraph.TryGetValue(new ParagraphRef(text.Slug, paragraph.Number), out var ms) ? ms : [];
                var folded = FoldedText.Of(paragraph.PlainText);
                var words = Words(folded, paragraph.PlainText, covered);
                for (var i = 0; i < words.Count; i++)
                {
                    for (var n = 2; n <= maxWords && i + n <= words.Count; n++)
                    {
                        var last = words[i + n - 1];
                        if (last.Covered || (n > 1 && last.BreakBefore)) break;
                        if (words[i].Covered || StopWords.Contains(words[i].Value)) break;
                        if (StopWords.Contains(last.Value) || last.Value.All(char.IsDigit)) continue;
                        var phrase = string.Join(' ', words.Skip(i).Take(n).Select(w => w.Value));
                        var entry = stats.TryGetValue(phrase, out var e) ? e : (Count: 0, Texts: new SortedSet<string>(StringComparer.Ordinal));
                        entry.Texts.Add(text.Slug);
                        stats[phrase] = (entry.Count + 1, entry.Texts);
                        if (seen.Add(phrase)) paragraphsWith[phrase] = paragraphsWith.GetValueOrDefault(phrase) + 1;
                    }
                }
            }
        }
        var boilerplate = Math.Max(3, paragraphCount / 5);
        // A suggestion recurs: in at least minTexts texts, and at least twice in all (which matters when minTexts is 1).
        var candidates = stats.Where(s => s.Value.Texts.Count >= minTexts && s.Value.Count >= 2 && paragraphsWith[s.Key] <= boilerplate).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        // A phrase whose occurrences a longer phrase accounts for says nothing more.
        // The score ranks what an editor should look at first: spread across texts weighs most
        // (10 a text: a concept is what recurs across the corpus), then frequency, capped at 30 so
        // that one long text's refrain does not outrank a phrase shared by more texts, then a
        // little for each extra word (longer phrases are more specific, hence better aliases).
        var kept = candidates.Where(c => !candidates.Any(o =>
                o.Key.Length > c.Key.Length && $" {o.Key} ".Contains($" {c.Key} ", StringComparison.Ordinal) &&
                o.Value.Texts.Count >= c.Value.Texts.Count && o.Value.Count * 4 >= c.Value.Count * 3))
            .Select(c => new SuggestedPhrase(c.Key, c.Value.Count, c.Value.Texts.ToList(),
                c.Value.Texts.Count * 10 + Math.Min(c.Value.Count, 30) + 1.5 * (c.Key.Count(ch => ch == ' ') - 1)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Phrase, StringComparer.Ordinal)
            .ToList();
        return kept;
    }

    private sealed record Word(string Value, bool Covered, bool BreakBefore);

    /// <summary>
    /// The words of a folded paragraph; a word is covered when it lies in a mention. Words joined
    /// by a hyphen in the original ("high-quality") are one word.
    /// </summary>
    private static List<Word> Words(FoldedText folded, string original, IReadOnlyList<Mention> mentions)
    {
        var words = new List<Word>();
        var text = folded.Value;
        var i = 0;
        var gapStart = 0;
        while (i < text.Length)
        {
            if (!FoldedText.IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && (FoldedText.IsWordChar(text[i]) || (text[i] == '\'' && i + 1 < text.Length && FoldedText.IsWordChar(text[i + 1])))) i++;
            var gap = text[gapStart..start];
            var breakBefore = words.Count > 0 && gap != " ";
            var (from, to) = (folded.Start(start), folded.End(i));
            var covered = mentions.Any(m => from < m.End && to > m.Start);
            var value = text[start..i];
            if (value.EndsWith("'s", StringComparison.Ordinal)) { value = value[..^2]; }
            var hyphenated = words.Count > 0 && gap == " " && original.AsSpan(folded.End(gapStart), folded.Start(start) - folded.End(gapStart)).IndexOfAny("-‐‑") >= 0;
            if (hyphenated)
                words[^1] = new Word(words[^1].Value + " " + value, words[^1].Covered || covered, words[^1].BreakBefore);
            else
                words.Add(new Word(value, covered, breakBefore));
            gapStart = i;
        }
        return words;
    }
}
