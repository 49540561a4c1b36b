using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>
/// The edition's notes as a W3C Web Annotation collection (JSON-LD), for annotation clients to
/// anchor and import. Each target is a text page; its passage is selected within the paragraph's
/// element (a FragmentSelector <c>pN</c>) by a TextQuoteSelector and by a TextPositionSelector
/// whose offsets count the characters of that element's text as a browser's DOM gives it. The
/// element holds the paragraph's words and nothing else (the ¶ number, note markers and
/// corrections are drawn by CSS), so that text is the paragraph's page text
/// (<see cref="Inlines.PageText"/>). A whole-page TextQuoteSelector follows, for clients that
/// ignore fragments.
/// </summary>
internal static class WebAnnotationExport
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>The fragment specification of HTML's <c>id</c> fragments, as the Web Annotation model names it.</summary>
    public const string HtmlFragments = "http://tools.ietf.org/rfc/rfc3236";

    /// <summary>How many characters of context a quote carries on each side, at most.</summary>
    public const int ContextLength = 32;

    public static string Motivation(NoteKind kind) => kind switch
    {
        NoteKind.Correction => "editing",
        NoteKind.Context => "describing",
        _ => "commenting",
    };

    /// <summary>Beyond this many notes, a collection's pages are files of their own, of this many notes each.</summary>
    public const int PageSize = 200;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A collection of <paramref name="anchors"/>, published at <paramref name="url"/>, with its one page inside it.</summary>
    public static byte[] Write(AnalysedSite site, IReadOnlyList<AnchoredNote> anchors, string url, string label, Urls urls,
        Func<Note, string> annotationHtml, Func<Note, string> permalink) => Json(json =>
    {
        json.WriteStartObject();
        Head(json, urls.Absolute(url), "AnnotationCollection");
        json.WriteString("label", label);
        json.WriteNumber("total", anchors.Count);
        json.WriteStartObject("first");
        json.WriteString("id", urls.Absolute(url) + "#page-1");
        json.WriteString("type", "AnnotationPage");
        json.WriteNumber("startIndex", 0);
        Items(json, site, anchors, urls, annotationHtml, permalink);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>A collection of <paramref name="total"/> notes whose <paramref name="pages"/> pages are files of their own.</summary>
    public static byte[] Collection(int total, int pages, string url, string label, Urls urls) => Json(json =>
    {
        json.WriteStartObject();
        Head(json, urls.Absolute(url), "AnnotationCollection");
        json.WriteString("label", label);
        json.WriteNumber("total", total);
        json.WriteString("first", urls.Absolute(urls.AnnotationExportPage(1)));
        json.WriteString("last", urls.Absolute(urls.AnnotationExportPage(pages)));
        json.WriteEndObject();
    });

    /// <summary>Page <paramref name="number"/> of <paramref name="pages"/> of the collection at <paramref name="collectionUrl"/>.</summary>
    public static byte[] Page(AnalysedSite site, IReadOnlyList<AnchoredNote> anchors, int number, int pages, string collectionUrl, Urls urls,
        Func<Note, string> annotationHtml, Func<Note, string> permalink) => Json(json =>
    {
        json.WriteStartObject();
        Head(json, urls.Absolute(urls.AnnotationExportPage(number)), "AnnotationPage");
        json.WriteString("partOf", urls.Absolute(collectionUrl));
        json.WriteNumber("startIndex", (number - 1) * PageSize);
        if (number > 1) json.WriteString("prev", urls.Absolute(urls.AnnotationExportPage(number - 1)));
        if (number < pages) json.WriteString("next", urls.Absolute(urls.AnnotationExportPage(number + 1)));
        Items(json, site, anchors, urls, annotationHtml, permalink);
        json.WriteEndObject();
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options)) write(json);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Head(Utf8JsonWriter json, string id, string type)
    {
        // The Web Annotation context, and schema.org for the works each note cites (schema:citation).
        json.WriteStartArray("@context");
        json.WriteStringValue(Context);
        json.WriteStartObject();
        json.WriteString("schema", "https://schema.org/");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("id", id);
        json.WriteString("type", type);
    }

    private static void Items(Utf8JsonWriter json, AnalysedSite site, IReadOnlyList<AnchoredNote> anchors, Urls urls, Func<Note, string> annotationHtml, Func<Note, string> permalink)
    {
        json.WriteStartArray("items");
        foreach (var anchor in anchors)
            WriteAnnotation(json, site, anchor, urls, annotationHtml, permalink);
        json.WriteEndArray();
    }

    private static void WriteAnnotation(Utf8JsonWriter json, AnalysedSite site, AnchoredNote anchor, Urls urls, Func<Note, string> annotationHtml, Func<Note, string> permalink)
    {
        var a = anchor.Note;
        var paragraph = site.TextOf(a.TextSlug).Paragraphs[anchor.Paragraph.Number - 1];
        var text = Inlines.PageText(paragraph.Content);
        var exact = text[anchor.Start..anchor.End];
        var prefix = text[Math.Max(0, anchor.Start - ContextLength)..anchor.Start];
        var suffix = text[anchor.End..Math.Min(text.Length, anchor.End + ContextLength)];

        json.WriteStartObject();
        json.WriteString("id", urls.Absolute(permalink(a)));
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
        json.WriteString("purpose", a.Kind == NoteKind.Context ? "describing" : "commenting");
        json.WriteString("value", annotationHtml(a).Trim());
        json.WriteString("format", "text/html");
        json.WriteString("language", site.Site.Info.Language);
        json.WriteEndObject();
        json.WriteEndArray();
        if (!a.Sources.IsEmpty)
        {
            json.WriteStartArray("schema:citation");
            foreach (var c in a.Sources)
            {
                json.WriteStartObject();
                json.WriteString("type", "schema:CreativeWork");
                json.WriteString("schema:name", c.Title);
                if (c.Publication.Publisher is { } publisher) json.WriteString("schema:publisher", publisher);
                if (c.Publication.Date?.Value is { } published) json.WriteString("schema:datePublished", Dates.Iso(published));
                if (c.Publication.Url is { } url) json.WriteString("schema:url", url);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("target");
        json.WriteString("source", urls.Absolute(urls.Text(a.TextSlug)));
        json.WriteStartArray("selector");
        var fragment = "p" + anchor.Paragraph.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Two alternatives within the paragraph's element (one refinement each), then the whole page.
        WriteFragment(json, fragment, () => WriteQuote(json, exact, prefix, suffix));
        WriteFragment(json, fragment, () =>
        {
            json.WriteString("type", "TextPositionSelector");
            json.WriteNumber("start", anchor.Start);
            json.WriteNumber("end", anchor.End);
        });
        json.WriteStartObject();
        WriteQuote(json, exact, prefix, suffix);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFragment(Utf8JsonWriter json, string fragment, Action refinement)
    {
        json.WriteStartObject();
        json.WriteString("type", "FragmentSelector");
        json.WriteString("conformsTo", HtmlFragments);
        json.WriteString("value", fragment);
        json.WriteStartObject("refinedBy");
        refinement();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter json, string exact, string prefix, string suffix)
    {
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", exact);
        if (prefix.Length > 0) json.WriteString("prefix", prefix);
        if (suffix.Length > 0) json.WriteString("suffix", suffix);
    }
}
