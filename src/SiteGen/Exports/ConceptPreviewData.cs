using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteGen.Exports;

/// <summary>
/// <c>concepts/previews.json</c>: for each concept, what the preview over a mention shows — its title, Chinese
/// term and pinyin, the first sentence of its commentary, and how often the texts use it. One small file for the
/// whole edition, fetched once by <c>site.js</c>; the script writes every value as text, never as HTML.
/// </summary>
internal static partial class ConceptPreviewData
{
    public sealed record Preview(string Id, string Title, string? Chinese, string? Pinyin, string Summary, int Mentions, int Texts);

    /// <summary>Longest first sentence kept whole; a longer one is cut at a word and ends with an ellipsis.</summary>
    private const int MaxSummary = 240;

    public static byte[] Write(IEnumerable<Preview> previews)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var p in previews)
            {
                json.WriteStartObject(p.Id);
                json.WriteString("title", p.Title);
                if (p.Chinese is not null) json.WriteString("zh", p.Chinese);
                if (p.Pinyin is not null) json.WriteString("pinyin", p.Pinyin);
                json.WriteString("summary", p.Summary);
                json.WriteNumber("mentions", p.Mentions);
                json.WriteNumber("texts", p.Texts);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The first sentence of the commentary's first paragraph (given as plain text), cut when long.</summary>
    public static string FirstSentence(string firstParagraph)
    {
        var text = Spaces().Replace(firstParagraph, " ").Trim();
        text = text[..SentenceEnd(text)];
        if (text.Length <= MaxSummary) return text;
        var cut = text.LastIndexOf(' ', MaxSummary);
        return text[..(cut > 0 ? cut : MaxSummary)].TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>
    /// Where the first sentence ends: after a '.', '!' or '?' that a space or the end follows (closing quotes or
    /// brackets between them), except after a one-letter initial or a common abbreviation; the whole text when none does.
    /// One pass: each candidate looks back over its own word only.
    /// </summary>
    internal static int SentenceEnd(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '”' or '"' or '’' or ')') end++;
            if (end < text.Length && !char.IsWhiteSpace(text[end])) continue;
            var wordStart = text.LastIndexOf(' ', i) + 1;
            var lastWord = text[wordStart..(i + 1)];
            if (lastWord is "e.g." or "i.e." or "cf." or "No." or "vs." || lastWord.Length == 2 && char.IsUpper(lastWord[0])) continue;
            return i + 1;
        }
        return text.Length;
    }
}
