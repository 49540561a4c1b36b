using System.Text;
using SiteGen.Model;

namespace SiteGen.Exports;

/// <summary>
/// Every mention of a concept as places in the texts (<c>concepts/&lt;id&gt;/mentions.bin</c>), from which
/// <c>assets/site.js</c> builds the concept's complete concordance in the browser: the words around each mention come
/// from the search index's documents (<see cref="SearchIndex"/>, <c>search/d/</c>), and each text's year and first
/// document from <c>search/filters.bin</c>, so no paragraph is stored twice. A few bytes a mention, gzip-compressed:
/// <list type="number">
/// <item>varint: the format's version (<see cref="Version"/>); varint: the number of mentions.</item>
/// <item>per mention, in reading order: varint: the text's number (its place in the corpus's date order) less the
/// previous mention's; varint: the paragraph's or heading's number × 2, + 1 for a heading; varint: where the mention
/// starts in the paragraph's words (UTF-16 code units, as JavaScript counts); varint: its length.</item>
/// <item>varint: the number of headings with mentions; per heading: varint text, varint heading number, varint byte
/// length and the heading's words in UTF-8 (headings are not in the search index).</item>
/// </list>
/// </summary>
internal static class Concordance
{
    public const int Version = 1;

    public static OutputFile Write(string path, ImmutableArray<Mention> mentions, Site site, IReadOnlyDictionary<string, int> textNumbers)
    {
        using var stream = new MemoryStream();
        SearchIndex.Varint(stream, Version);
        SearchIndex.Varint(stream, mentions.Length);
        var previous = 0;
        var headings = new List<(int Text, int Number, string Words)>();
        foreach (var m in mentions)
        {
            var text = textNumbers[m.Slug];
            SearchIndex.Varint(stream, text - previous);
            previous = text;
            SearchIndex.Varint(stream, m.Number * 2 + (m.InHeading ? 1 : 0));
            SearchIndex.Varint(stream, m.Start);
            SearchIndex.Varint(stream, m.End - m.Start);
            if (m.InHeading && (headings.Count == 0 || headings[^1].Text != text || headings[^1].Number != m.Number))
                headings.Add((text, m.Number, site.Texts[text].Headings[m.Number - 1].PlainText));
        }
        SearchIndex.Varint(stream, headings.Count);
        foreach (var (text, number, words) in headings)
        {
            SearchIndex.Varint(stream, text);
            SearchIndex.Varint(stream, number);
            var bytes = Encoding.UTF8.GetBytes(words);
            SearchIndex.Varint(stream, bytes.Length);
            stream.Write(bytes);
        }
        return SearchIndex.Gzip(path, stream.ToArray());
    }
}
