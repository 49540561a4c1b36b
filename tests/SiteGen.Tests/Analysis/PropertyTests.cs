using CsCheck;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Tests.Analysis;

/// <summary>
/// Generated inputs (CsCheck, a bounded number of cases so that CI stays quick): whatever a
/// contributor writes, loading and anchoring give diagnostics, never exceptions; a quote copied
/// from a text anchors where it was copied from; the phrase automaton finds exactly what a
/// brute-force scan finds.
/// </summary>
public class PropertyTests
{
    /// <summary>Cases per property: 400 in CI; SITEGEN_PROPERTY_CASES=100000 for a long hunt.</summary>
    private static readonly long Cases = long.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES"), out var n) ? n : 400;

    /// <summary>Pieces that stress YAML and Markdown parsers: structure characters, quotes, dashes, tabs, wide and invisible characters.</summary>
    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        "title", "date", "kind", "quote", "prefix", "aliases", "source", ":", ": ", "-", "- ", "—", "–", "[", "]", "{", "}", ",", "\"", "'", "“", "”",
        "#", "&a", "*a", "!", "|", ">", "\n", "\n  ", "\t", " ", "  ", "2024-06-24", "speech", "note", "x", "self-reliance", "Deng", "北斗",
        "\u200B", "\u00AD", "\uFEFF", "\r\n", "---", "...", "`", "**", "_", "<b>", "</b>", "(", ")", "\\", "~", "%", "{{", "}}", "\u0000");

    private static readonly Gen<string> Fragment = Piece.Array[0, 40].Select(p => string.Concat(p));

    [Fact]
    public void Front_matter_of_any_shape_gives_diagnostics_never_an_exception()
    {
        Fragment.Sample(yaml =>
        {
            var diagnostics = new DiagnosticBag();
            var fields = FrontMatter.Parse("f.md", yaml, 2, diagnostics);
            if (fields is null) { Assert.True(diagnostics.HasErrors); return; }
            fields.String("title", true, "x");
            fields.Date("date", false);
            fields.StringList("aliases", "[a]");
            fields.Url("url", false, "https://example.org/");
            fields.Choice("kind", false, Vocabulary.TextKinds.ByWord);
            fields.Mapping("source", "publisher: x")?.ReportUnknownKeys();
            fields.ReportUnknownKeys();
            Assert.All(diagnostics.Sorted(), d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
        }, iter: Cases);
    }

    [Fact]
    public void Any_text_concept_or_annotation_file_loads_or_gives_diagnostics_never_an_exception()
    {
        Gen.Select(Fragment, Fragment).Sample((head, body) =>
        {
            var content = $"---\n{head}\n---\n{body}";
            var diagnostics = new DiagnosticBag();
            var text = TextLoader.Load("content/texts/2024-06-24-t.md", content, diagnostics);
            ConceptLoader.Load("content/concepts/c.md", content, diagnostics);
            NoteLoader.Load("content/annotations/t/a.md", "t", content, diagnostics);
            Assert.True(text is not null || diagnostics.HasErrors);
        }, iter: Cases);
    }

    private static readonly Gen<string> Word = Gen.OneOf<string>("self", "reliance", "science", "and", "technology", "Deng", "Xiaoping", "“primary", "force”", "—", "-", "a", "of", "the", "北斗", "Chang’e", "2035", "R&D");

    private static readonly Gen<Text> GeneratedText =
        Word.Array[1, 30].Select(w => string.Join(' ', w)).Array[1, 6].Select(paragraphs =>
        {
            var diagnostics = new DiagnosticBag();
            var body = string.Join("\n\n", paragraphs) + "\n";
            return TextLoader.Load("content/texts/2024-06-24-t.md", $"---\ntitle: T\ndate: 2024-06-24\nkind: speech\n---\n{body}", diagnostics)!;
        }).Where(t => t is not null && t.Paragraphs.Length > 0);

    [Fact]
    public void A_quote_copied_from_a_text_anchors_where_it_was_copied_from()
    {
        Gen.Select(GeneratedText, Gen.Int, Gen.Int, Gen.Int).Sample((text, p, a, b) =>
        {
            var paragraph = text.Paragraphs[(int)((uint)p % text.Paragraphs.Length)];
            var words = paragraph.PlainText.Split(' ');
            var from = (int)((uint)a % words.Length);
            var count = 1 + (int)((uint)b % (words.Length - from));
            var quote = string.Join(' ', words.Skip(from).Take(count));
            if (NoteAnchorer.QuoteProblem(quote) is not null) return;
            var start = words.Take(from).Sum(w => w.Length + 1);
            // Dashes and spaces at the quote's edges fold away: the anchor must cover its first and last letters.
            var first = start + quote.TakeWhile(c => !char.IsLetterOrDigit(c)).Count();
            var last = start + quote.Length - 1 - quote.Reverse().TakeWhile(c => !char.IsLetterOrDigit(c)).Count();
            var occurrences = NoteAnchorer.Occurrences(text, quote, out _);
            Assert.Contains(occurrences, o => o.Paragraph == paragraph.Number && o.Start <= first && o.End > last);
        }, iter: Cases);
    }

    [Fact]
    public void Anchoring_any_quote_gives_an_anchor_or_a_diagnostic_never_an_exception()
    {
        Gen.Select(GeneratedText, Fragment, Fragment).Sample((text, quote, prefix) =>
        {
            var note = new Note
            {
                Name = "n", TextSlug = text.Slug, Quote = quote, Prefix = prefix, Kind = NoteKind.Note, Concepts = [], Body = Prose.Empty,
                Links = [], SourcePath = "a.md",
                TextLocation = new SourceLocation("a.md", 2, 7), QuoteLocation = new SourceLocation("a.md", 3, 8),
            };
            var site = new Site { Info = new SiteInfo { Title = "E", Description = "D", BaseUrl = "/", Language = "en" }, Texts = [text], Concepts = [], Notes = [note] };
            var diagnostics = new DiagnosticBag();
            var anchors = NoteAnchorer.Anchor(site, diagnostics);
            Assert.True(anchors.Count == 1 ^ diagnostics.HasErrors);
        }, iter: Cases);
    }

    [Fact]
    public void The_phrase_automaton_equals_a_brute_force_scan()
    {
        var phrase = Gen.OneOf<string>("a", "ab", "b", "ba", "aba", "c", "a-b", "b a").Array[1, 4].Select(w => FoldedText.Phrase(string.Join(' ', w)));
        var text = Gen.OneOf<string>("a", "ab", "b", "ba", "aba", "c", "-", "x").Array[0, 40].Select(w => FoldedText.Phrase(string.Join(' ', w)));
        Gen.Select(phrase.Array[1, 8], text).Sample((phrases, t) =>
        {
            var expected = BruteForce(t, phrases);
            var actual = new PhraseMatcher(phrases).Matches(t);
            Assert.Equal(expected, actual);
        }, iter: Cases * 5);
    }

    /// <summary>Every phrase tried at every position, whole words only; then the longest-first rule applied plainly.</summary>
    private static List<PhraseMatch> BruteForce(string text, string[] phrases)
    {
        var all = new List<PhraseMatch>();
        for (var p = 0; p < phrases.Length; p++)
        {
            if (phrases[p].Length == 0 || phrases.Take(p).Contains(phrases[p])) continue;
            for (var i = 0; i + phrases[p].Length <= text.Length; i++)
            {
                if (string.CompareOrdinal(text, i, phrases[p], 0, phrases[p].Length) != 0) continue;
                var end = i + phrases[p].Length;
                var startOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i]);
                var endOk = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]);
                if (startOk && endOk) all.Add(new PhraseMatch(p, i, phrases[p].Length));
            }
        }
        return PhraseMatcherTests.NaiveLongest(all);
    }
}
