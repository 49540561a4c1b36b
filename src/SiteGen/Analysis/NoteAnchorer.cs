using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Analysis;

/// <summary>
/// Anchors each annotation in its text as the W3C TextQuoteSelector does: the quote is looked for
/// in every paragraph after the same folding as mentions (case, quotes, dashes, spaces), and the
/// prefix and suffix decide between several places. A quote never crosses paragraphs. When
/// anchoring fails, the message says what to write instead: the closest passage found, or the
/// prefix that picks each place.
/// </summary>
internal static class NoteAnchorer
{
    /// <summary>Where a quote was found: its paragraph, folded, and the range in the folded text.</summary>
    private sealed record QuoteMatch(Paragraph Paragraph, FoldedText Folded, int Start, int End);

    public static IReadOnlyList<AnchoredNote> Anchor(Site site, DiagnosticBag diagnostics)
    {
        var texts = site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var anchors = new AnchoredNote?[site.Notes.Length];
        // A text's paragraphs are folded once for all of its annotations, then let go.
        var byText = Enumerable.Range(0, site.Notes.Length).GroupBy(i => site.Notes[i].TextSlug, StringComparer.Ordinal).ToList();
        Parallel.ForEach(byText, group =>
        {
            if (!texts.TryGetValue(group.Key, out var text))
            {
                // The text's own errors are reported already.
                if (site.UnloadedTexts.Contains(group.Key)) return;
                var hint = Suggestions.Closest(group.Key, texts.Keys) is { } s ? $"did you mean '{s}'?" : "the text slugs are the file names in content/texts/";
                foreach (var i in group)
                    diagnostics.Error(DiagnosticCodes.UnknownText, site.Notes[i].TextLocation, $"there is no text '{group.Key}': {hint}");
                return;
            }
            var folded = new FoldedParagraphs(text);
            foreach (var i in group) anchors[i] = AnchorIn(folded, site.Notes[i], diagnostics);
        });
        // Number each text's annotations in reading order.
        var textOrder = site.Texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        return anchors.OfType<AnchoredNote>()
            .GroupBy(a => a.Paragraph.Slug)
            .SelectMany(g => g.OrderBy(a => a.Paragraph.Number).ThenBy(a => a.Start).ThenByDescending(a => a.End).ThenBy(a => a.Note.Name, StringComparer.Ordinal)
                .Select((a, n) => a with { Number = n + 1 }))
            .OrderBy(a => textOrder[a.Paragraph.Slug]).ThenBy(a => a.Number)
            .ToList();
    }

    /// <summary>
    /// A text's paragraphs folded as quotes are compared, and the words of each (for the closest-passage search),
    /// made once for all the quotes looked for in the text.
    /// </summary>
    public sealed class FoldedParagraphs(Text text)
    {
        public Text Text { get; } = text;
        public FoldedText[] Folded { get; } = [.. text.Paragraphs.Select(p => FoldedText.Of(p.PlainText))];
        private HashSet<string>[]? _words;

        /// <summary>The words of each paragraph (folded), made on first use.</summary>
        public HashSet<string>[] Words => _words ??= [.. Folded.Select(f => f.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal))];
    }

    /// <summary>Every place where the folded <paramref name="quote"/> occurs, paragraph by paragraph, in reading order.</summary>
    private static List<QuoteMatch> MatchesOf(FoldedParagraphs text, string quote)
    {
        var places = new List<QuoteMatch>();
        for (var p = 0; p < text.Folded.Length; p++)
        {
            var folded = text.Folded[p];
            for (var i = folded.Value.IndexOf(quote, StringComparison.Ordinal); i >= 0; i = folded.Value.IndexOf(quote, i + 1, StringComparison.Ordinal))
                places.Add(new QuoteMatch(text.Text.Paragraphs[p], folded, i, i + quote.Length));
        }
        return places;
    }

    /// <summary>A quote longer than this is refused: a note is about a phrase or a sentence or two, and the closest-passage search grows with the quote's length.</summary>
    public const int MaxQuoteLength = 1000;

    /// <summary>What is wrong with a quote before it is looked for: no words at all, or too long; null when it may be looked for.</summary>
    public static string? QuoteProblem(string quote)
    {
        var folded = FoldedText.Phrase(quote);
        if (!folded.Any(FoldedText.IsWordChar))
            return $"the quote \"{quote}\" has no words to find (only spaces, dashes or punctuation): copy the words of the passage from the text";
        if (quote.Length > MaxQuoteLength)
            return string.Create(CultureInfo.InvariantCulture,
                $"the quote is {quote.Length} characters long, more than {MaxQuoteLength}: quote the words the note is about (a phrase or a sentence or two)");
        return null;
    }

    private static AnchoredNote? AnchorIn(FoldedParagraphs folded, Note annotation, DiagnosticBag diagnostics)
    {
        var text = folded.Text;
        if (QuoteProblem(annotation.Quote) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.QuoteNotFound, annotation.QuoteLocation, problem);
            return null;
        }
        var quote = FoldedText.Phrase(annotation.Quote);
        var places = MatchesOf(folded, quote);
        if (places.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.QuoteNotFound, annotation.QuoteLocation, NotFound(folded, quote));
            return null;
        }
        var prefix = annotation.Prefix is null ? "" : FoldedText.Phrase(annotation.Prefix);
        var suffix = annotation.Suffix is null ? "" : FoldedText.Phrase(annotation.Suffix);
        var chosen = places.Where(p => Before(p).EndsWith(prefix, StringComparison.Ordinal) && After(p).StartsWith(suffix, StringComparison.Ordinal)).ToList();
        if (chosen.Count == 1)
        {
            var c = chosen[0];
            return new AnchoredNote(annotation, new ParagraphRef(text.Slug, c.Paragraph.Number), c.Folded.Start(c.Start), c.Folded.End(c.End));
        }
        if (chosen.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.QuoteAmbiguous, annotation.QuoteLocation,
                $"the quote occurs {Times(places.Count)} in {text.Slug}, but the prefix or suffix matches none of them: {Describe(places, prefix.Length > 0)}");
            return null;
        }
        diagnostics.Error(DiagnosticCodes.QuoteAmbiguous, annotation.QuoteLocation,
            $"the quote occurs {Times(chosen.Count)} in {text.Slug}, so the note cannot be placed: {Describe(chosen, withPrefix: true)}");
        return null;
    }

    /// <summary>A place where a quote occurs, with the words that pick it out from the others (YAML-ready, unescaped).</summary>
    public sealed record Occurrence(int Paragraph, int Start, int End, string? Prefix, string? Suffix, string Context);

    /// <summary>
    /// Every place where <paramref name="quote"/> occurs in <paramref name="text"/>, in reading
    /// order, each with the prefix or suffix that decides it when there are several. Empty when
    /// the quote is nowhere; then <paramref name="notFound"/> says what is closest.
    /// </summary>
    public static IReadOnlyList<Occurrence> Occurrences(Text text, string quote, out string notFound) =>
        Occurrences(new FoldedParagraphs(text), quote, out notFound);

    /// <inheritdoc cref="Occurrences(Text, string, out string)"/>
    public static IReadOnlyList<Occurrence> Occurrences(FoldedParagraphs text, string quote, out string notFound)
    {
        if (QuoteProblem(quote) is { } problem)
        {
            notFound = problem;
            return [];
        }
        var folded = FoldedText.Phrase(quote);
        var places = MatchesOf(text, folded);
        notFound = places.Count == 0 ? NotFound(text, folded) : "";
        return places.Select(p =>
        {
            var line = KeywordInContext.Of(p.Paragraph.PlainText, p.Folded.Start(p.Start), p.Folded.End(p.End), 30);
            var context = $"“{line.Left}[{line.Match}]{line.Right}”";
            if (places.Count == 1) return new Occurrence(p.Paragraph.Number, p.Folded.Start(p.Start), p.Folded.End(p.End), null, null, context);
            var (side, words) = Deciding(p, places);
            return new Occurrence(p.Paragraph.Number, p.Folded.Start(p.Start), p.Folded.End(p.End),
                side == Side.Prefix ? words : null, side == Side.Suffix ? words : null, context);
        }).ToList();
    }

    private static string Times(int n) => n == 2 ? "twice" : $"{n} times";

    private static string Before(QuoteMatch p) => p.Folded.Value[..p.Start].TrimEnd();
    private static string After(QuoteMatch p) => p.Folded.Value[p.End..].TrimStart();

    /// <summary>Each place with its context and the prefix that picks it out from the others.</summary>
    private static string Describe(List<QuoteMatch> places, bool withPrefix)
    {
        var parts = new List<string>();
        foreach (var place in places)
        {
            var original = place.Paragraph.PlainText;
            var (start, end) = (place.Folded.Start(place.Start), place.Folded.End(place.End));
            var line = KeywordInContext.Of(original, start, end, 30);
            var description = $"¶{place.Paragraph.Number} “{line.Left}[{line.Match}]{line.Right}”";
            if (withPrefix) description += $" — to choose it, add {DecidingWords(place, places)}";
            parts.Add(description);
        }
        return string.Join("; ", parts);
    }

    /// <summary>The <c>prefix:</c> or <c>suffix:</c> line that picks a place out from the others.</summary>
    private static string DecidingWords(QuoteMatch place, List<QuoteMatch> places) => Deciding(place, places) switch
    {
        (Side.Prefix, var words) => $"prefix: \"{Yaml(words)}\"",
        (Side.Suffix, var words) => $"suffix: \"{Yaml(words)}\"",
        _ => "a longer quote",
    };

    /// <summary>Which side of a place its deciding words are on.</summary>
    private enum Side { None, Prefix, Suffix }

    /// <summary>
    /// The fewest whole words just before a place that end no other place's preceding text (as the
    /// W3C TextQuoteSelector's prefix is matched), or else the fewest just after it; prefixes are
    /// preferred because readers find a passage by reading up to it.
    /// </summary>
    private static (Side Side, string Words) Deciding(QuoteMatch place, List<QuoteMatch> places)
    {
        var others = places.Where(p => p != place).ToList();
        var original = place.Paragraph.PlainText;
        var before = WordStarts(place.Folded.Value, 0, place.Start);
        for (var n = 1; n <= before.Count; n++)
        {
            var from = before[^n];
            var words = place.Folded.Value[from..place.Start].TrimEnd();
            if (others.All(o => !Before(o).EndsWith(words, StringComparison.Ordinal)))
                return (Side.Prefix, original[place.Folded.Start(from)..place.Folded.Start(place.Start)]);
        }
        var after = WordEnds(place.Folded.Value, place.End, place.Folded.Value.Length);
        foreach (var to in after)
        {
            var words = place.Folded.Value[place.End..to].TrimStart();
            if (others.All(o => !After(o).StartsWith(words, StringComparison.Ordinal)))
                return (Side.Suffix, original[place.Folded.End(place.End)..place.Folded.End(to)]);
        }
        return (Side.None, "");
    }

    private static List<int> WordStarts(string text, int from, int to)
    {
        var starts = new List<int>();
        for (var i = from; i < to; i++)
            if (FoldedText.IsWordChar(text[i]) && (i == 0 || text[i - 1] == ' ')) starts.Add(i);
        return starts;
    }

    private static List<int> WordEnds(string text, int from, int to)
    {
        var ends = new List<int>();
        for (var i = from + 1; i <= to; i++)
            if (FoldedText.IsWordChar(text[i - 1]) && (i == text.Length || text[i] == ' ')) ends.Add(i);
        return ends;
    }

    private static string Yaml(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>
    /// How many cells of the edit-distance table the closest-passage search may fill for one quote (a quarter of a
    /// millisecond): the paragraphs that share most of the quote's words are searched first, so the closest passage
    /// is almost always among those searched, and a wrong quote costs the same however long the text.
    /// </summary>
    private const long SearchBudget = 100_000;

    /// <summary>The message for a quote found nowhere: the closest passage, how alike it is, and the line to write.</summary>
    private static string NotFound(FoldedParagraphs text, string quote)
    {
        var best = (Score: int.MaxValue, Paragraph: (Paragraph?)null, Start: 0, End: 0);
        var budget = SearchBudget;
        foreach (var p in MostAlikeFirst(text, quote))
        {
            var (paragraph, folded) = (text.Text.Paragraphs[p], text.Folded[p]);
            budget -= (long)quote.Length * folded.Value.Length;
            if (budget < 0 && best.Paragraph is not null) break;
            // A paragraph far longer than the budget is searched in its first part only.
            var searched = budget >= 0 ? folded.Value : folded.Value[..(int)Math.Min(folded.Value.Length, Math.Max(quote.Length * 2, SearchBudget / quote.Length))];
            var (distance, start, end) = ClosestSubstring(quote, searched);
            if (distance < best.Score) best = (distance, paragraph, folded.Start(start), folded.End(end));
            if (budget < 0) break;
        }
        var across = text.Text.Paragraphs.Length > 1 ? " A quote cannot run across paragraphs." : "";
        // An edit distance as long as the quote means nothing of it was found: no suggestion is better than a wrong one.
        if (best.Paragraph is null || best.Score >= quote.Length)
            return $"the quote is not in {text.Text.Slug}, and nothing there resembles it: copy the words from the text as they are published.{across}";
        var para = best.Paragraph;
        var (s, e) = ExtendToWords(para.PlainText, best.Start, best.End);
        var passage = para.PlainText[s..e];
        var alike = (int)Math.Round(100.0 * (quote.Length - best.Score) / quote.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"the quote is not in {text.Text.Slug}; the closest passage is in ¶{para.Number} ({alike}% alike): “{passage}”. If that is the passage, write: quote: \"{Yaml(passage)}\"");
    }

    /// <summary>The paragraphs (their indexes) by how many of the quote's words they contain, most first (reading order among equals).</summary>
    private static IEnumerable<int> MostAlikeFirst(FoldedParagraphs text, string quote)
    {
        var words = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Distinct(StringComparer.Ordinal).ToArray();
        var sets = text.Words;
        return Enumerable.Range(0, sets.Length)
            .Select(p => (Paragraph: p, Shared: words.Count(sets[p].Contains)))
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Paragraph)
            .Select(x => x.Paragraph);
    }

    private static (int Start, int End) ExtendToWords(string text, int start, int end)
    {
        while (start > 0 && char.IsLetterOrDigit(text[start - 1])) start--;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        return (start, end);
    }

    /// <summary>
    /// The substring of <paramref name="text"/> closest to <paramref name="pattern"/> by edit
    /// distance (Sellers' approximate matching: a free start anywhere in the text).
    /// </summary>
    internal static (int Distance, int Start, int End) ClosestSubstring(string pattern, string text)
    {
        var m = pattern.Length;
        var previous = new int[text.Length + 1];
        var previousStart = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        var currentStart = new int[text.Length + 1];
        for (var j = 0; j <= text.Length; j++) { previous[j] = 0; previousStart[j] = j; }
        for (var i = 1; i <= m; i++)
        {
            current[0] = i;
            currentStart[0] = 0;
            for (var j = 1; j <= text.Length; j++)
            {
                var substitute = previous[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
                var delete = previous[j] + 1;
                var insert = current[j - 1] + 1;
                if (substitute <= delete && substitute <= insert) { current[j] = substitute; currentStart[j] = previousStart[j - 1]; }
                else if (delete <= insert) { current[j] = delete; currentStart[j] = previousStart[j]; }
                else { current[j] = insert; currentStart[j] = currentStart[j - 1]; }
            }
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
        }
        var bestEnd = 0;
        for (var j = 1; j <= text.Length; j++)
            if (previous[j] < previous[bestEnd]) bestEnd = j;
        return (previous[bestEnd], previousStart[bestEnd], bestEnd);
    }
}
