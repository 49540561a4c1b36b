using SiteGen.Analysis;
using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Editing;

/// <summary>
/// The one way a command chooses where in a text a new annotation goes: among the places where its quote occurs
/// (<see cref="NoteAnchorer.Occurrences(NoteAnchorer.FoldedParagraphs, string, out string)"/>), the one
/// asked for (<c>new annotation --occurrence N</c>) or the one whose surroundings agree best with the prefix and
/// suffix another tool recorded (<c>import hypothesis</c>). Where the quote occurs more than once, the place must
/// have the words before or after it that tell it apart (they are written as <c>prefix:</c> or <c>suffix:</c>).
/// </summary>
internal static class OccurrenceChoice
{
    /// <summary>The occurrence a quote goes to, or why none (<see cref="Problem"/>), and all its occurrences.</summary>
    public sealed record Choice(NoteAnchorer.Occurrence? Chosen, IReadOnlyList<NoteAnchorer.Occurrence> Occurrences, string? Problem, bool UsageMistake = false);

    /// <summary>Occurrence <paramref name="which"/> (1 = the first in reading order).</summary>
    public static Choice ByNumber(NoteAnchorer.FoldedParagraphs text, string quote, int which)
    {
        var places = NoteAnchorer.Occurrences(text, quote, out var notFound);
        if (places.Count == 0) return new(null, places, notFound);
        if (which < 1 || which > places.Count)
            return new(null, places, $"--occurrence must be between 1 and {places.Count}: the quote occurs {places.Count} times", UsageMistake: true);
        return Decided(text, places, places[which - 1], $"occurrence {which}");
    }

    /// <summary>The place whose words before and after agree most, character by character, with <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    public static Choice ByContext(NoteAnchorer.FoldedParagraphs text, string quote, string? prefix, string? suffix)
    {
        var places = NoteAnchorer.Occurrences(text, quote, out var notFound);
        if (places.Count == 0) return new(null, places, notFound);
        if (places.Count == 1) return new(places[0], places, null);
        var scored = places.Select(p => (Occurrence: p, Score: Agreement(text.Text.Paragraphs[p.Paragraph - 1].PlainText, p, prefix, suffix))).ToList();
        var best = scored.Max(s => s.Score);
        var chosen = scored.Where(s => s.Score == best).Select(s => s.Occurrence).ToList();
        if (chosen.Count > 1)
            return new(null, places, $"the quote occurs {places.Count} times in {text.Text.Slug}, and its prefix and suffix do not tell which: " +
                string.Join("; ", chosen.Select(p => $"¶{p.Paragraph} {p.Context}")));
        return Decided(text, places, chosen[0], "the place chosen");
    }

    private static Choice Decided(NoteAnchorer.FoldedParagraphs text, IReadOnlyList<NoteAnchorer.Occurrence> places, NoteAnchorer.Occurrence place, string which) =>
        places.Count > 1 && place.Prefix is null && place.Suffix is null
            ? new(null, places, $"the quote occurs {places.Count} times in {text.Text.Slug}, and no words before or after {which} ({place.Context}) tell it apart from the others: quote more of the passage")
            : new(place, places, null);

    /// <summary>How many characters of a recorded prefix and suffix agree with the words around a place, folded as quotes are.</summary>
    private static int Agreement(string paragraph, NoteAnchorer.Occurrence place, string? prefix, string? suffix)
    {
        var before = FoldedText.Phrase(paragraph[..place.Start]).TrimEnd();
        var after = FoldedText.Phrase(paragraph[place.End..]).TrimStart();
        var p = FoldedText.Phrase(prefix ?? "").TrimEnd();
        var s = FoldedText.Phrase(suffix ?? "").TrimStart();
        var score = 0;
        while (score < before.Length && score < p.Length && before[^(score + 1)] == p[^(score + 1)]) score++;
        var tail = 0;
        while (tail < after.Length && tail < s.Length && after[tail] == s[tail]) tail++;
        return score + tail;
    }
}
