using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>
/// The site's full-text search index, written under <c>search/</c> and read in the browser by
/// <c>assets/search.js</c>: nothing to install, no server. A result is a paragraph of a text or an
/// editors' note (a "document"); concepts are matched by title, alias, Chinese term and pinyin from the index's head.
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

    public static IReadOnlyList<OutputFile> Build(AnalysedSite site, Urls urls) => Build(site.Site, site.Notes, urls);

    /// <summary>Builds the index into <paramref name="sink"/>.</summary>
    public static void Build(AnalysedSite site, Urls urls, IFileSink sink)
    {
        foreach (var file in Build(site.Site, site.Notes, urls)) sink.Add(file);
    }

    /// <summary>The index of the texts and of the anchored notes; concepts by title and alias.</summary>
    public static IReadOnlyList<OutputFile> Build(Site site, IReadOnlyList<AnchoredNote> anchors, Urls urls)
    {
        var texts = site.Texts;
        var textIndex = texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        var docs = Documents(site, anchors, textIndex);

        // Documents are split into terms in parallel, each term known by a number (no string is made for
        // a term already seen); then each term's positions are appended to its postings in document order.
        var numbers = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var byText = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var next = new System.Runtime.CompilerServices.StrongBox<int>(0);
        var lengths = new int[docs.Count];
        var postings = new List<Postings>();
        const int Batch = 4096;
        var batch = new int[Batch][];
        for (var from = 0; from < docs.Count; from += Batch)
        {
            var count = Math.Min(Batch, docs.Count - from);
            Parallel.For(0, count, () => new List<int>(256), (i, _, terms) =>
            {
                terms.Clear();
                SearchTerms.Visit(docs[from + i].Words, (term, _, _) =>
                {
                    if (!byText.TryGetValue(term, out var number))
                    {
                        var name = term.ToString();
                        // A number lost to a race is never used: only the winner's is named.
                        number = numbers.GetOrAdd(name, static (_, counter) => Interlocked.Increment(ref counter.Value) - 1, next);
                        names.TryAdd(number, name);
                    }
                    terms.Add(number);
                });
                batch[i] = [.. terms];
                return terms;
            }, _ => { });
            for (var i = 0; i < count; i++)
            {
                var doc = from + i;
                var terms = batch[i];
                lengths[doc] = terms.Length;
                for (var p = 0; p < terms.Length; p++)
                {
                    while (postings.Count <= terms[p]) postings.Add(new Postings());
                    postings[terms[p]].Add(doc, p);
                }
            }
        }

        var raw = new List<(string Path, byte[] Content)>();
        var firstTerms = TermChunks(names.ToDictionary(n => n.Value, n => postings[n.Key], StringComparer.Ordinal), lengths, raw);
        raw.AddRange(DocChunks(docs, texts, urls));
        raw.Add(("search/filters.bin", Json(w => Filters(w, site, docs))));
        raw.Add(("search/index.bin", Json(w => Head(w, site, docs, firstTerms, urls))));
        var files = new OutputFile[raw.Count];
        Parallel.For(0, raw.Count, i => files[i] = Gzip(raw[i].Path, raw[i].Content));
        return files;
    }

    /// <summary>The paragraphs of the texts in reading order, then the notes in the same order.</summary>
    private static List<Doc> Documents(Site site, IReadOnlyList<AnchoredNote> anchors, Dictionary<string, int> textIndex)
    {
        var docs = new List<Doc>();
        foreach (var text in site.Texts)
            foreach (var paragraph in text.Paragraphs)
                docs.Add(new Doc('p', textIndex[text.Slug], paragraph.Number, paragraph.PlainText));
        var titles = site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        foreach (var anchor in anchors)
        {
            var a = anchor.Note;
            var words = NotePlainText(a.Body, titles);
            if (a.Correction is { Length: > 0 } reading) words = reading + " — " + words;
            docs.Add(new Doc('n', textIndex[a.TextSlug], anchor.Paragraph.Number, words, a.Name, Vocabulary.NoteKinds.Word(a.Kind)));
        }
        return docs;
    }

    /// <summary>A note's words without formatting, its <c>[[id]]</c> links as the concepts' titles (or their own words), runs of white space as one.</summary>
    public static string NotePlainText(Prose note, IReadOnlyDictionary<string, string> titles) =>
        System.Text.RegularExpressions.Regex.Replace(note.PlainText(id => titles.TryGetValue(id, out var title) ? title : id), @"\s+", " ").Trim();

    /// <summary>A term's documents, in order, each with the positions of the term in it.</summary>
    private sealed class Postings
    {
        public readonly List<int> Docs = [];
        /// <summary>Where each document's positions start in <see cref="Positions"/>.</summary>
        public readonly List<int> Starts = [];
        public readonly List<int> Positions = [];

        public int Count => Docs.Count;

        public void Add(int doc, int position)
        {
            if (Docs.Count == 0 || Docs[^1] != doc)
            {
                Docs.Add(doc);
                Starts.Add(Positions.Count);
            }
            Positions.Add(position);
        }

        public int Frequency(int i) => (i + 1 < Starts.Count ? Starts[i + 1] : Positions.Count) - Starts[i];
    }

    /// <summary>Writes the term chunks; returns the first term of each.</summary>
    private static List<string> TermChunks(Dictionary<string, Postings> postings, int[] lengths, List<(string Path, byte[] Content)> files)
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
            for (var i = 0; i < list.Count; i++)
                max = Math.Max(max, Weight(list.Count, list.Frequency(i), lengths[list.Docs[i]]));

        var firstTerms = new List<string>();
        var chunk = new MemoryStream();
        var entry = new MemoryStream();
        void Flush()
        {
            if (chunk.Length == 0) return;
            files.Add(($"search/t/{firstTerms.Count - 1}.bin", chunk.ToArray()));
            chunk.SetLength(0);
        }
        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = postings[term];
            entry.SetLength(0);
            var previous = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var doc = list.Docs[i];
                var frequency = list.Frequency(i);
                Varint(entry, doc - previous);
                previous = doc;
                entry.WriteByte(Impact(Weight(list.Count, frequency, lengths[doc]), max));
                Varint(entry, frequency);
                var at = 0;
                for (var k = list.Starts[i]; k < list.Starts[i] + frequency; k++) { Varint(entry, list.Positions[k] - at); at = list.Positions[k]; }
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

    private static IEnumerable<(string Path, byte[] Content)> DocChunks(List<Doc> docs, ImmutableArray<Text> texts, Urls urls)
    {
        for (var c = 0; c * DocsPerChunk < docs.Count; c++)
        {
            var slice = docs.GetRange(c * DocsPerChunk, Math.Min(DocsPerChunk, docs.Count - c * DocsPerChunk));
            yield return ($"search/d/{c}.bin", Json(w =>
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

    private static void Filters(Utf8JsonWriter w, Site site, List<Doc> docs)
    {
        var kinds = Vocabulary.TextKinds.Words.ToList();
        // Notes follow the paragraphs, in the texts' order: each text's are one range.
        var noteStart = new int[site.Texts.Length];
        var noteCount = new int[site.Texts.Length];
        for (var i = docs.Count - 1; i >= 0 && docs[i].Kind == 'n'; i--)
        {
            noteStart[docs[i].Text] = i;
            noteCount[docs[i].Text]++;
        }
        w.WriteStartObject();
        w.WriteStartArray("texts");
        var paragraphStart = 0;
        for (var t = 0; t < site.Texts.Length; t++)
        {
            var text = site.Texts[t];
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

    private static void Head(Utf8JsonWriter w, Site site, List<Doc> docs, List<string> firstTerms, Urls urls)
    {
        var texts = site.Texts;
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
        foreach (var c in site.Concepts)
        {
            w.WriteStartArray();
            w.WriteStringValue(c.Id);
            w.WriteStringValue(c.Title);
            w.WriteStartArray();
            foreach (var alias in c.Aliases) w.WriteStringValue(alias.Value);
            w.WriteEndArray();
            w.WriteStringValue(urls.Concept(c.Id));
            w.WriteStringValue(Vocabulary.ConceptCategories.Label(c.Category));
            // The Chinese term and its pinyin: a reader may search for either.
            w.WriteStringValue(c.Chinese ?? "");
            w.WriteStringValue(c.Pinyin ?? "");
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void Varint(Stream stream, int value)
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

    internal static OutputFile Gzip(string path, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return new OutputFile(path, stream.ToArray());
    }
}
