namespace SiteGen.Diagnostics;

/// <summary>"Did you mean ...?": the nearest of the known words to a misspelt one, for messages.</summary>
internal static class Suggestions
{
    /// <summary>The closest of <paramref name="candidates"/> to a misspelt word, if one is close enough.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Candidate: c, Distance: EditDistance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, x.Candidate.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .FirstOrDefault();

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
