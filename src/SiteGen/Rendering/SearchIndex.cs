using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Markdig;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The site's full-text search index, written under <c>search/</c> and read in the browser by
/// <c>assets/search.js</c>: nothing to install, no server. A result is a paragraph of a text or an
/// editors' note (a "document"); concepts are matched by title and alias from the index's head.
/// <list type="bullet">
/// <item><c>index.bin</c>: the head — counts, the first term of each term chunk, years, kinds, the concepts.</item>
/// <item><c>t/N.bin</c>: term chunks, in ordinal order of terms, each about <see cref="TermChunkBytes"/>: a query
/// fetches only the chunks its terms (or, for the last word typed, their prefix) fall in. Per term: its
/// documents, delta-coded as varints, each with a one-byte BM25 impact and the term's positions
/// (for phrases).</item>
/// <item><c>d/N.bin</c>: the words of <see cref="DocsPerChunk"/> consecutive documents and their texts'
/// titles, fetched only for the results shown.</item>
/// <item><c>filters.bin</c>: each text's kind, year and document ranges, fetched only when a filter is set.</item>
/// </list>
/// Every file is gzip-compressed (the browser inflates it with DecompressionStream), so its size
/// on disk is what a reader downloads. Terms are <see cref="SearchTerms"/>, the folding of concept
/// matching. The output is deterministic: documents in reading order, terms in ordinal order.
/// </summary>
internal static class SearchIndex
{
    public const int Version = 1;
    public const int DocsPerChunk = 32;
    public const int TermChunkBytes = 24 * 1024;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>A searchable unit: a paragraph ('p') or a note ('n') of text number <paramref name="Text"/>.</summary>
    public sealed record Doc(char Kind, int Text, int Paragraph, string Words, string? Name = null, string? NoteKind = null);

    public static IReadOnlyList<OutputFile> Build(AnalysedSite site, Urls urls)
    {
        var texts = site.Site.Texts;
        var textIndex = texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        var docs = Documents(site, textIndex);

        // Terms and positions of each document, in parallel; merged in document order.
        var tokenised = new (string[] Terms, int[][] Positions, int Length)[docs.Count];
        Parallel.For(0, docs.Count, i =>
        {
            var terms = SearchTerms.Of(docs[i].Words);
            var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var p = 0; p < terms.Count; p++)
            {
                if (!byTerm.TryGetValue(terms[p].Value, out var list)) byTerm[terms[p].Value] = list = [];
                list.Add(p);
            }
            tokenised[i] = ([.. byTerm.Keys], [.. byTerm.Values.Select(v => v.ToArray())], terms.Count);
        });
        var postings = new Dictionary<string, List<(int Doc, int[] Positions)>>(StringComparer.Ordinal);
        for (var d = 0; d < docs.Count; d++)
        {
            var (terms, positions, _) = tokenised[d];
            for (var j = 0; j < terms.Length; j++)
            {
                if (!postings.TryGetValue(terms[j], out var list)) postings[terms[j]] = list = [];
                list.Add((d, positions[j]));
            }
        }

        var files = new List<OutputFile>();
        var firstTerms = TermChunks(postings, tokenised.Select(t => t.Length).ToArray(), files);
        files.AddRange(DocChunks(docs, texts, urls));
        files.Add(Gzip("search/filters.bin", Json(w => Filters(w, site, docs))));
        files.Add(Gzip("search/index.bin", Json(w => Head(w, site, docs, firstTerms, urls))));
        return files;
    }

    /// <summary>The paragraphs of the texts in reading order, then the notes in the same order.</summary>
    private static List<Doc> Documents(AnalysedSite site, Dictionary<string, int> textIndex)
    {
        var docs = new List<Doc>();
        foreach (var text in site.Site.Texts)
            foreach (var paragraph in text.Paragraphs)
                docs.Add(new Doc('p', textIndex[text.Slug], paragraph.Number, paragraph.PlainText));
        var titles = site.Site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        foreach (var anchor in site.Anchors)
        {
            var a = anchor.Annotation;
            var words = NotePlainText(a.Body, titles);
            if (a.Correction is { Length: > 0 } reading) words = reading + " — " + words;
            docs.Add(new Doc('n', textIndex[a.TextSlug], anchor.Paragraph.Number, words, a.Name, Vocabulary.AnnotationKinds.Word(a.Kind)));
        }
        return docs;
    }

    private static readonly MarkdownPipeline PlainPipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>A note's words without Markdown, its <c>[[id]]</c> links as the concepts' titles.</summary>
    public static string NotePlainText(string markdown, IReadOnlyDictionary<string, string> titles)
    {
        var linked = System.Text.RegularExpressions.Regex.Replace(markdown, @"\[\[([a-z0-9-]+)\]\]",
            m => titles.TryGetValue(m.Groups[1].Value, out var title) ? title : m.Groups[1].Value);
        return System.Text.RegularExpressions.Regex.Replace(Markdown.ToPlainText(linked, PlainPipeline), @"\s+", " ").Trim();
    }

    /// <summary>Writes the term chunks; returns the first term of each.</summary>
    private static List<string> TermChunks(Dictionary<string, List<(int Doc, int[] Positions)>> postings, int[] lengths, List<OutputFile> files)
    {
        var n = lengths.Length;
        var average = n == 0 ? 1 : Math.Max(1, lengths.Average());
        double Weight(int df, int tf, int length)
        {
            var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
            return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average));
        }
        var max = 0.0;
        foreach (var list in postings.Values)
            foreach (var (doc, positions) in list)
                max = Math.Max(max, Weight(list.Count, positions.Length, lengths[doc]));

        var firstTerms = new List<string>();
        var chunk = new MemoryStream();
        var entry = new MemoryStream();
        void Flush()
        {
            if (chunk.Length == 0) return;
            files.Add(Gzip($"search/t/{firstTerms.Count - 1}.bin", chunk.ToArray()));
            chunk.SetLength(0);
        }
        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = postings[term];
            entry.SetLength(0);
            var previous = 0;
            foreach (var (doc, positions) in list)
            {
                Varint(entry, doc - previous);
                previous = doc;
                entry.WriteByte(Impact(Weight(list.Count, positions.Length, lengths[doc]), max));
                Varint(entry, positions.Length);
                var at = 0;
                foreach (var p in positions) { Varint(entry, p - at); at = p; }
            }
            if (chunk.Length == 0 || chunk.Length + entry.Length > TermChunkBytes)
            {
                Flush();
                firstTerms.Add(term);
            }
            var bytes = Encoding.UTF8.GetBytes(term);
            Varint(chunk, bytes.Length);
            chunk.Write(bytes);
            Varint(chunk, list.Count);
            Varint(chunk, (int)entry.Length);
            entry.WriteTo(chunk);
        }
        Flush();
        return firstTerms;
    }

    /// <summary>A BM25 weight as one byte (1–255) of the largest in the index: sums of impacts rank results.</summary>
    public static byte Impact(double weight, double max) => (byte)Math.Clamp((int)Math.Round(255 * weight / max, MidpointRounding.AwayFromZero), 1, 255);

    private static IEnumerable<OutputFile> DocChunks(List<Doc> docs, ImmutableArray<Text> texts, Urls urls)
    {
        for (var c = 0; c * DocsPerChunk < docs.Count; c++)
        {
            var slice = docs.Skip(c * DocsPerChunk).Take(DocsPerChunk).ToList();
            yield return Gzip($"search/d/{c}.bin", Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("texts");
                foreach (var t in slice.Select(d => d.Text).Distinct())
                {
                    var text = texts[t];
                    w.WriteStartArray(t.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteStringValue(text.Slug);
                    w.WriteStringValue(text.Title);
                    w.WriteStringValue(Dates.Iso(text.Date));
                    w.WriteStringValue(Dates.Display(text.Date));
                    w.WriteStringValue(Vocabulary.TextKinds.Word(text.Kind));
                    w.WriteStringValue(urls.Text(text.Slug));
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteStartArray("docs");
                foreach (var d in slice)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(d.Kind.ToString());
                    w.WriteNumberValue(d.Text);
                    w.WriteNumberValue(d.Paragraph);
                    w.WriteStringValue(d.Words);
                    if (d.Name is not null) { w.WriteStringValue(d.Name); w.WriteStringValue(d.NoteKind); }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
    }

    private static void Filters(Utf8JsonWriter w, AnalysedSite site, List<Doc> docs)
    {
        var kinds = Vocabulary.TextKinds.Words.ToList();
        // Notes follow the paragraphs, in the texts' order: each text's are one range.
        var noteStart = new int[site.Site.Texts.Length];
        var noteCount = new int[site.Site.Texts.Length];
        for (var i = docs.Count - 1; i >= 0 && docs[i].Kind == 'n'; i--)
        {
            noteStart[docs[i].Text] = i;
            noteCount[docs[i].Text]++;
        }
        w.WriteStartObject();
        w.WriteStartArray("texts");
        var paragraphStart = 0;
        for (var t = 0; t < site.Site.Texts.Length; t++)
        {
            var text = site.Site.Texts[t];
            w.WriteStartArray();
            w.WriteStringValue(text.Slug);
            w.WriteNumberValue(text.Date.Year);
            w.WriteNumberValue(kinds.IndexOf(Vocabulary.TextKinds.Word(text.Kind)));
            w.WriteNumberValue(paragraphStart);
            w.WriteNumberValue(text.Paragraphs.Length);
            w.WriteNumberValue(noteStart[t]);
            w.WriteNumberValue(noteCount[t]);
            w.WriteEndArray();
            paragraphStart += text.Paragraphs.Length;
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Head(Utf8JsonWriter w, AnalysedSite site, List<Doc> docs, List<string> firstTerms, Urls urls)
    {
        var texts = site.Site.Texts;
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteNumber("docs", docs.Count);
        w.WriteNumber("paragraphs", docs.Count(d => d.Kind == 'p'));
        w.WriteNumber("perChunk", DocsPerChunk);
        w.WriteNumber("texts", texts.Length);
        w.WriteStartArray("terms");
        foreach (var t in firstTerms) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartArray("kinds");
        foreach (var k in Vocabulary.TextKinds.Words) w.WriteStringValue(k);
        w.WriteEndArray();
        w.WriteStartArray("years");
        foreach (var y in texts.Select(t => t.Date.Year).Distinct().Order()) w.WriteNumberValue(y);
        w.WriteEndArray();
        // A list of texts to choose from, while it is short enough for a menu.
        w.WriteStartArray("textMenu");
        if (texts.Length <= 200)
            foreach (var t in texts)
            {
                w.WriteStartArray();
                w.WriteStringValue(t.Slug);
                w.WriteStringValue($"{t.Title} ({t.Date.Year})");
                w.WriteEndArray();
            }
        w.WriteEndArray();
        w.WriteStartArray("concepts");
        foreach (var c in site.Site.Concepts)
        {
            var mentions = site.MentionsByConcept.TryGetValue(c.Id, out var m) ? m : [];
            w.WriteStartArray();
            w.WriteStringValue(c.Id);
            w.WriteStringValue(c.Title);
            w.WriteStartArray();
            foreach (var alias in c.Aliases) w.WriteStringValue(alias.Value);
            w.WriteEndArray();
            w.WriteStringValue(urls.Concept(c.Id));
            w.WriteNumberValue(mentions.Length);
            w.WriteNumberValue(mentions.Select(x => x.Paragraph.Slug).Distinct().Count());
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Varint(Stream stream, int value)
    {
        var v = (uint)value;
        while (v >= 0x80) { stream.WriteByte((byte)(v | 0x80)); v >>= 7; }
        stream.WriteByte((byte)v);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return stream.ToArray();
    }

    private static OutputFile Gzip(string path, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return new OutputFile(path, stream.ToArray());
    }
}
