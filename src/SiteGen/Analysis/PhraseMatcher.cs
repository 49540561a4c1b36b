using SiteGen.Model;
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
/// longest wins (then the earliest).
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly List<Dictionary<char, int>> _next = [];
    private readonly List<int> _fail = [];
    private readonly List<int> _phraseAt = [];     // the phrase that ends at a state, or -1
    private readonly List<int> _outputLink = [];   // the nearest state down the fail chain that ends a phrase, or -1
    private readonly int[] _lengths;

    public PhraseMatcher(IReadOnlyList<string> phrases)
    {
        _lengths = phrases.Select(p => p.Length).ToArray();
        NewState();
        for (var p = 0; p < phrases.Count; p++)
        {
            var state = 0;
            foreach (var c in phrases[p])
            {
                if (!_next[state].TryGetValue(c, out var to))
                {
                    to = NewState();
                    _next[state][c] = to;
                }
                state = to;
            }
            // Identical phrases: the first keeps the state.
            if (phrases[p].Length > 0 && _phraseAt[state] < 0) _phraseAt[state] = p;
        }
        // Breadth-first: fail links point to the longest proper suffix that is also a prefix.
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values) { _fail[child] = 0; queue.Enqueue(child); }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var f = _fail[state];
                while (f != 0 && !_next[f].ContainsKey(c)) f = _fail[f];
                _fail[child] = _next[f].TryGetValue(c, out var g) && g != child ? g : 0;
                _outputLink[child] = _phraseAt[_fail[child]] >= 0 ? _fail[child] : _outputLink[_fail[child]];
                queue.Enqueue(child);
            }
        }
    }

    private int NewState()
    {
        _next.Add(new Dictionary<char, int>());
        _fail.Add(0);
        _phraseAt.Add(-1);
        _outputLink.Add(-1);
        return _next.Count - 1;
    }

    /// <summary>Every whole-word occurrence of every phrase, overlaps included, in no particular order.</summary>
    public List<PhraseMatch> AllMatches(string text)
    {
        var matches = new List<PhraseMatch>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (state != 0 && !_next[state].ContainsKey(c)) state = _fail[state];
            state = _next[state].TryGetValue(c, out var to) ? to : 0;
            for (var s = _phraseAt[state] >= 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                var phrase = _phraseAt[s];
                var length = _lengths[phrase];
                var start = i + 1 - length;
                if (IsBoundary(text, start, i + 1)) matches.Add(new PhraseMatch(phrase, start, length));
            }
        }
        return matches;
    }

    /// <summary>The matches a reader sees: no two overlap; the longest wins, then the earliest. In text order.</summary>
    public List<PhraseMatch> Matches(string text) => SelectLongest(AllMatches(text));

    public static List<PhraseMatch> SelectLongest(List<PhraseMatch> matches)
    {
        matches.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Phrase.CompareTo(b.Phrase));
        var chosen = new List<PhraseMatch>();
        var taken = new SortedList<int, int>(); // start → end of chosen matches
        foreach (var m in matches)
        {
            if (Overlaps(taken, m)) continue;
            taken.Add(m.Start, m.End);
            chosen.Add(m);
        }
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static bool Overlaps(SortedList<int, int> taken, PhraseMatch m)
    {
        // The chosen match starting at or before m.Start, and the one after it, are the only candidates.
        var keys = taken.Keys;
        int lo = 0, hi = keys.Count - 1, before = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid] <= m.Start) { before = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (before >= 0 && taken.Values[before] > m.Start) return true;
        var after = before + 1;
        return after < keys.Count && keys[after] < m.End;
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
