using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Exports;

namespace SiteGen.Tests.Support;

/// <summary>
/// Search as the reader is promised it, by scanning every paragraph and note of the edition for
/// each query — no index: the oracle for the index that search.js reads. Documents are the
/// paragraphs in reading order, then the notes; a document matches when it has every word (the last
/// one, while typed and from three letters, as a prefix) and every quoted phrase (16 words at most); it scores the sum over those terms of the
/// BM25 weight (k1 1.2, b 0.75) as a byte of the largest weight; documents where the words stand
/// together as typed come first, then higher scores, then reading order.
/// </summary>
internal sealed class NaiveSearch
{
    private sealed record Doc(string Key, string Words, List<string> Terms);

    private readonly List<Doc> _docs = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _average;
    private readonly double _largest;

    public NaiveSearch(AnalysedSite site)
    {
        foreach (var text in site.Site.Texts)
            foreach (var p in text.Paragraphs)
                Add($"p:{text.Slug}:{p.Number}", p.PlainText);
        var titles = site.Site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        foreach (var anchor in site.Notes)
        {
            var a = anchor.Note;
            var words = SearchIndex.NotePlainText(a.Body, titles);
            Add($"n:{a.TextSlug}:{a.Name}", a.Correction is { Length: > 0 } r ? r + " — " + words : words);
        }
        foreach (var doc in _docs)
            foreach (var term in doc.Terms.Distinct())
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        _average = _docs.Average(d => (double)d.Terms.Count);
        _largest = _docs.SelectMany(d => d.Terms.Distinct().Select(t => Weight(t, d))).Max();
    }

    private void Add(string key, string words) => _docs.Add(new Doc(key, words, Terms(words)));

    /// <summary>
    /// The words of a text, written here from the README's rules and not with the generator's code, so that a mistake
    /// in either shows: invisible characters (soft hyphens, zero-width spaces) are dropped; a word is a run of letters,
    /// digits and combining marks; each Chinese, Japanese or Korean character is a word of its own; everything else
    /// (spaces, punctuation, quotes, every dash) separates words; words are compared in lower case without accents.
    /// </summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var word = new System.Text.StringBuilder();
        void End()
        {
            if (word.Length == 0) return;
            // Lower case, accents dropped (then lower case again: İ is I with a dot above), composed.
            var bare = new string([.. word.ToString().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC);
            if (bare.Length > 0) terms.Add(bare);
            word.Clear();
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0xAD or 0x200B or 0x200C or 0x200D or 0xFEFF) continue; // invisible: dropped, even inside a word
            var ideograph = rune.Value is (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);
            if (ideograph) { End(); terms.Add(rune.ToString()); continue; }
            var category = Rune.GetUnicodeCategory(rune);
            var inWord = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (inWord) word.Append(rune.ToString());
            else End();
        }
        End();
        return terms;
    }

    private double Weight(string term, Doc doc)
    {
        double n = _docs.Count, df = _documentFrequency[term], tf = doc.Terms.Count(t => t == term);
        var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
        return idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * doc.Terms.Count / _average));
    }

    private int Impact(string term, Doc doc) => Math.Clamp((int)Math.Round(255 * Weight(term, doc) / _largest, MidpointRounding.AwayFromZero), 1, 255);

    /// <summary>The ranked results as "p:slug:number:score" or "n:slug:name:score".</summary>
    public List<string> Search(string query)
    {
        var phrases = Regex.Matches(query, "\"([^\"]*)\"?").Select(m => Terms(m.Groups[1].Value)).Where(p => p.Count > 0).ToList();
        var rest = Regex.Replace(query, "\"[^\"]*\"?", " ");
        var words = Terms(rest);
        var typing = words.Count > 0 && rest.Length > 0 && IsWordChar(rest[^1]) && words[^1].Length >= 3;
        var room = 16;
        words = [.. words.Take(room)];
        room -= words.Count;
        phrases = [.. phrases.Where(p => { var fits = p.Count <= room; if (fits) room -= p.Count; return fits; })];
        typing &= words.Count > 0;
        var wanted = words.Select((w, i) => (Term: w, Prefix: typing && i == words.Count - 1)).Concat(phrases.SelectMany(p => p.Select(w => (Term: w, Prefix: false)))).ToList();
        if (wanted.Count == 0) return [];
        var results = new List<(Doc Doc, int Score, bool Together, int Order)>();
        for (var d = 0; d < _docs.Count; d++)
        {
            var doc = _docs[d];
            var found = new List<(int Impact, List<int> Positions)>();
            foreach (var (term, prefix) in wanted)
            {
                var matching = doc.Terms.Distinct().Where(t => prefix ? t.StartsWith(term, StringComparison.Ordinal) : t == term).ToList();
                if (matching.Count == 0) break;
                found.Add((matching.Max(t => Impact(t, doc)), doc.Terms.Select((t, i) => (t, i)).Where(x => matching.Contains(x.t)).Select(x => x.i).ToList()));
            }
            if (found.Count < wanted.Count) continue;
            var at = words.Count;
            var phrasesHold = true;
            foreach (var p in phrases)
            {
                phrasesHold &= Together(found.Skip(at).Take(p.Count).Select(f => f.Positions).ToList());
                at += p.Count;
            }
            if (!phrasesHold) continue;
            results.Add((doc, found.Sum(f => f.Impact), words.Count > 1 && Together(found.Take(words.Count).Select(f => f.Positions).ToList()), d));
        }
        return results.OrderByDescending(r => r.Together).ThenByDescending(r => r.Score).ThenBy(r => r.Order)
            .Select(r => $"{r.Doc.Key}:{r.Score.ToString(CultureInfo.InvariantCulture)}").ToList();
    }

    private static bool Together(List<List<int>> positions) =>
        positions[0].Any(p => positions.Select((list, k) => list.Contains(p + k)).All(x => x));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>Queries a reader might type, drawn with a fixed seed from the edition's own words.</summary>
    public List<string> GeneratedQueries(int count)
    {
        var random = new Random(20261123);
        var queries = new List<string>();
        string Run(int length)
        {
            var doc = _docs[random.Next(_docs.Count)];
            var terms = SearchTerms.Of(doc.Words);
            if (terms.Count < length) return terms.Count == 0 ? "science" : doc.Words[terms[0].Start..terms[^1].End];
            var from = random.Next(terms.Count - length + 1);
            return doc.Words[terms[from].Start..terms[from + length - 1].End];
        }
        while (queries.Count < count)
        {
            queries.Add((queries.Count % 6) switch
            {
                0 => Run(1),
                1 => Run(1) is var w && w.Length > 3 ? w[..Math.Min(w.Length - 1, 2 + random.Next(4))] : w,
                2 => Run(2) + " ",
                3 => Run(2),
                4 => "\"" + Run(2 + random.Next(3)) + "\"",
                _ => "\"" + Run(2) + "\" " + Run(1),
            });
            if (queries.Count == 7) queries.Add(string.Join(" ", Enumerable.Range(0, 10).Select(_ => Run(2))) + " \"" + Run(4) + "\"");
        }
        return queries;
    }
}
