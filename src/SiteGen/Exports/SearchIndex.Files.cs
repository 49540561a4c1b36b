using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>The index's other files (the documents' words, the filters, the head) and the encodings every file of it uses: varints, JSON, gzip.</summary>
internal static partial class SearchIndex
{
    /// <summary>Document chunk <paramref name="c"/>: the words of its documents and their texts' titles, dates and addresses.</summary>
    private static (string Path, byte[] Content) DocChunk(int c, List<Doc> docs, ImmutableArray<Text> texts, Urls urls)
    {
        var slice = docs.GetRange(c * DocsPerChunk, Math.Min(DocsPerChunk, docs.Count - c * DocsPerChunk));
        return ($"search/d/{c}.bin", Json(w =>
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
