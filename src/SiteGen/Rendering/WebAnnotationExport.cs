using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The edition's notes as a W3C Web Annotation collection (JSON-LD), for other annotation tools to
/// import. Each target is a text page with a TextQuoteSelector (exact, prefix, suffix) and a
/// TextPositionSelector counted in the text's reading text: its numbered paragraphs, in order,
/// separated by a blank line ("\n\n"); headings and captions are not part of it.
/// </summary>
internal static class WebAnnotationExport
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    public static string Motivation(AnnotationKind kind) => kind switch
    {
        AnnotationKind.Correction => "editing",
        AnnotationKind.Context => "describing",
        _ => "commenting",
    };

    public static byte[] Write(AnalysedSite site, Urls urls, Func<Annotation, string> annotationHtml)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("@context", Context);
            json.WriteString("id", urls.Absolute(urls.AnnotationExport));
            json.WriteString("type", "AnnotationCollection");
            json.WriteString("label", $"Notes of the editors of {site.Site.Info.Title}");
            json.WriteNumber("total", site.Anchors.Length);
            json.WriteStartObject("first");
            json.WriteString("id", urls.Absolute(urls.AnnotationExport) + "#page-1");
            json.WriteString("type", "AnnotationPage");
            json.WriteNumber("startIndex", 0);
            json.WriteStartArray("items");
            var offsets = site.Site.Texts.ToDictionary(t => t.Slug, ParagraphOffsets, StringComparer.Ordinal);
            foreach (var anchor in site.Anchors)
                WriteAnnotation(json, site, anchor, offsets[anchor.Paragraph.Slug], urls, annotationHtml);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Where each paragraph starts in the reading text (paragraph n at index n - 1).</summary>
    public static int[] ParagraphOffsets(Text text)
    {
        var offsets = new int[text.Paragraphs.Length];
        var position = 0;
        for (var i = 0; i < text.Paragraphs.Length; i++)
        {
            offsets[i] = position;
            position += text.Paragraphs[i].PlainText.Length + 2;
        }
        return offsets;
    }

    private static void WriteAnnotation(Utf8JsonWriter json, AnalysedSite site, Anchor anchor, int[] offsets, Urls urls, Func<Annotation, string> annotationHtml)
    {
        var a = anchor.Annotation;
        var paragraph = site.TextOf(a.TextSlug).Paragraphs[anchor.Paragraph.Number - 1].PlainText;
        json.WriteStartObject();
        json.WriteString("id", urls.Absolute(urls.AnnotationPermalink(a.TextSlug, a.Name)));
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", Motivation(a.Kind));
        if (a.Date is { } date) json.WriteString("created", Dates.Iso(date) + "T00:00:00Z");
        json.WriteStartObject("creator");
        var author = a.Author ?? "editors";
        json.WriteString("type", author == "editors" ? "Organization" : "Person");
        json.WriteString("name", author == "editors" ? $"The editors of {site.Site.Info.Title}" : author);
        json.WriteEndObject();
        json.WriteStartArray("body");
        if (a.Correction is { } correction)
        {
            json.WriteStartObject();
            json.WriteString("type", "TextualBody");
            json.WriteString("purpose", "editing");
            json.WriteString("value", correction);
            json.WriteString("format", "text/plain");
            json.WriteString("language", site.Site.Info.Language);
            json.WriteEndObject();
        }
        json.WriteStartObject();
        json.WriteString("type", "TextualBody");
        json.WriteString("purpose", a.Kind == AnnotationKind.Context ? "describing" : "commenting");
        json.WriteString("value", annotationHtml(a).Trim());
        json.WriteString("format", "text/html");
        json.WriteString("language", site.Site.Info.Language);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("target");
        json.WriteString("source", urls.Absolute(urls.Text(a.TextSlug)));
        json.WriteStartArray("selector");
        json.WriteStartObject();
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", paragraph[anchor.Start..anchor.End]);
        json.WriteString("prefix", paragraph[Math.Max(0, anchor.Start - 32)..anchor.Start]);
        json.WriteString("suffix", paragraph[anchor.End..Math.Min(paragraph.Length, anchor.End + 32)]);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "TextPositionSelector");
        json.WriteNumber("start", offsets[anchor.Paragraph.Number - 1] + anchor.Start);
        json.WriteNumber("end", offsets[anchor.Paragraph.Number - 1] + anchor.End);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
