using SiteGen.Model;
using SiteGen.TextRules;
namespace SiteGen.Analysis;

/// <summary>A phrase found in folded text: which phrase, and where (in folded characters).</summary>
internal readonly record struct PhraseMatch(int Phrase, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds many phrases in one pass over a text with an Aho-Corasick automaton: the cost is the
/// length of the text plus the matches, whatever the number of phrases. Phrases and text must be
/// folded (<see cref="FoldedText"/>). Only whole words match, and where matches overlap the
/// longest wins (then the earliest). The automaton is a table: one step per character of the text,
/// over the few characters the phrases use (any other character leads back to the start).
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly int[] _lengths;
    // _step[state * _width + symbol]: the next state; symbol 0 is every character no phrase has.
    private readonly int[] _step;
    private readonly int _width;
    private readonly int[] _phraseAt;     // the phrase that ends at a state, or -1
    private readonly int[] _outputLink;   // the nearest state down the fail chain that ends a phrase, or -1
    private readonly int[] _ascii = new int[128];
    private readonly Dictionary<char, int> _others = [];

    public PhraseMatcher(IReadOnlyList<string> phrases)
    {
        _lengths = phrases.Select(p => p.Length).ToArray();
        var symbols = 0;
        foreach (var c in phrases.SelectMany(p => p).Distinct().Order())
        {
            if (c < 128) _ascii[c] = ++symbols; else _others[c] = ++symbols;
        }
        _width = 1 + symbols;

        // The trie, then its fail links breadth first, then every missing step filled from the fail state's.
        var next = new List<Dictionary<int, int>> { new() };
        var phraseAt = new List<int> { -1 };
        for (var p = 0; p < phrases.Count; p++)
        {
            var state = 0;
            foreach (var c in phrases[p])
            {
                var symbol = Symbol(c);
                if (!next[state].TryGetValue(symbol, out var to))
                {
                    to = next.Count;
                    next.Add([]);
                    phraseAt.Add(-1);
                    next[state][symbol] = to;
                }
                state = to;
            }
            // Identical phrases: the first keeps the state.
            if (phrases[p].Length > 0 && phraseAt[state] < 0) phraseAt[state] = p;
        }
        var states = next.Count;
        _phraseAt = [.. phraseAt];
        _outputLink = new int[states];
        Array.Fill(_outputLink, -1);
        var fail = new int[states];
        _step = new int[states * _width];
        var queue = new Queue<int>();
        foreach (var (symbol, child) in next[0]) { _step[symbol] = child; queue.Enqueue(child); }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            for (var symbol = 0; symbol < _width; symbol++)
            {
                if (next[state].TryGetValue(symbol, out var child))
                {
                    fail[child] = _step[fail[state] * _width + symbol];
                    _outputLink[child] = _phraseAt[fail[child]] >= 0 ? fail[child] : _outputLink[fail[child]];
                    _step[state * _width + symbol] = child;
                    queue.Enqueue(child);
                }
                else _step[state * _width + symbol] = _step[fail[state] * _width + symbol];
            }
        }
    }

    private int Symbol(char c) => c < 128 ? _ascii[c] : _others.GetValueOrDefault(c);

    /// <summary>Every whole-word occurrence of every phrase, overlaps included, in no particular order.</summary>
    public List<PhraseMatch> AllMatches(string text)
    {
        var matches = new List<PhraseMatch>();
        AllMatches(text, matches);
        return matches;
    }

    /// <summary>Adds every whole-word occurrence of every phrase to <paramref name="matches"/>.</summary>
    public void AllMatches(string text, List<PhraseMatch> matches)
    {
        var state = 0;
        var step = _step;
        var width = _width;
        for (var i = 0; i < text.Length; i++)
        {
            state = step[state * width + Symbol(text[i])];
            for (var s = _phraseAt[state] >= 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                var phrase = _phraseAt[s];
                var length = _lengths[phrase];
                var start = i + 1 - length;
                if (IsBoundary(text, start, i + 1)) matches.Add(new PhraseMatch(phrase, start, length));
            }
        }
    }

    /// <summary>The matches a reader sees: no two overlap; the longest wins, then the earliest. In text order.</summary>
    public List<PhraseMatch> Matches(string text) => SelectLongest(AllMatches(text));

    /// <summary>Which characters of the text at hand a chosen match covers; one per thread, reused.</summary>
    [ThreadStatic] private static bool[]? t_taken;

    /// <summary>
    /// Keeps, of <paramref name="matches"/>, those a reader sees (in place), and gives them back in text order: longest
    /// first, each kept unless a kept one covers one of its characters. The cost is the characters of the matches,
    /// however many there are.
    /// </summary>
    public static List<PhraseMatch> SelectLongest(List<PhraseMatch> matches)
    {
        if (matches.Count <= 1) return matches;
        matches.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Phrase.CompareTo(b.Phrase));
        var extent = 0;
        foreach (var m in matches) extent = Math.Max(extent, m.End);
        var taken = t_taken is { } buffer && buffer.Length >= extent ? buffer : t_taken = new bool[Math.Max(extent, 1024)];
        var chosen = 0;
        for (var m = 0; m < matches.Count; m++)
        {
            var candidate = matches[m];
            if (taken.AsSpan(candidate.Start, candidate.Length).Contains(true)) continue;
            taken.AsSpan(candidate.Start, candidate.Length).Fill(true);
            matches[chosen++] = candidate;
        }
        matches.RemoveRange(chosen, matches.Count - chosen);
        foreach (var m in matches) taken.AsSpan(m.Start, m.Length).Clear();
        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>
    /// A match must not cut a word: the characters on either side of each end may not both be
    /// letters or digits. So "mars" is not found in "Marsupial", but "Mars" is in "Mars-like" (the
    /// hyphen folds to a space), and a phrase that starts or ends with punctuation ("r&amp;d") still
    /// matches next to letters on that side.
    /// </summary>
    private static bool IsBoundary(string text, int start, int end) =>
        (start == 0 || !FoldedText.IsWordChar(text[start - 1]) || !FoldedText.IsWordChar(text[start])) &&
        (end == text.Length || !FoldedText.IsWordChar(text[end]) || !FoldedText.IsWordChar(text[end - 1]));
}
