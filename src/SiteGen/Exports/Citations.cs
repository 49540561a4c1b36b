using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>
/// How a text of the edition is cited: a plain citation for the page, BibTeX and CSL-JSON files to
/// download, Highwire Press <c>citation_*</c> meta tags and schema.org JSON-LD for reference managers
/// (Zotero reads both). All are made from the same facts: who spoke or wrote, the title, the date,
/// the occasion, who published the English text, the translator, and the edition it is read in.
/// </summary>
internal static class Citations
{
    /// <summary>The facts a citation of one text states.</summary>
    public sealed record Work(
        string Slug, string Title, string? Creator, DateOnly Date, TextKind Kind, string? Occasion,
        string? Publisher, string? Translator, string? OriginalTitle, string? OriginalLanguage, DateOnly? OriginalDate,
        string Language, string Url, string Edition, IReadOnlyList<string> Editors, string EditionUrl, string? Summary);

    public static Work Of(Text text, SiteInfo info, Urls urls) => new(
        text.Slug, text.Title, Known(text.Speaker ?? text.Author), text.Date, text.Kind, Known(text.Venue),
        Known(text.Source?.Publication.Publisher), Known(text.Source?.Translator), text.Original?.Title, text.Original?.Language,
        text.Original?.Publication.Date?.Value, info.Language, urls.Absolute(urls.Text(text.Slug)), info.Title, info.Editors,
        urls.Absolute(urls.Home), text.Summary);

    /// <summary>"unknown", "not known" and "machine translation" say something to readers, not to a citation.</summary>
    private static string? Known(string? value) =>
        value is null || value.Equals("unknown", StringComparison.OrdinalIgnoreCase) || value.Equals(EditorialDate.NotKnownWords, StringComparison.OrdinalIgnoreCase)
            || value.Equals("machine translation", StringComparison.OrdinalIgnoreCase) ? null : value.Trim();

    private static string KindWord(TextKind kind) => kind switch
    {
        TextKind.Speech => "Speech",
        TextKind.Article => "Article",
        TextKind.Report => "Report",
        _ => "News report",
    };

    /// <summary>
    /// The plain citation, without the reader's access date: <c>Xi Jinping. “Title.” Speech, occasion, 28 May 2021.
    /// Translated by …. In <i>Edition</i>, edited by ….</c>, followed on the page by the URL (with the paragraph's
    /// <c>#pN</c> when one is cited). As parts, so that the page can set the edition's title in italics.
    /// </summary>
    public static (string Before, string Edition, string After) Plain(Work w)
    {
        var before = new StringBuilder();
        if (w.Creator is not null) before.Append(w.Creator).Append(". ");
        before.Append('“').Append(w.Title.TrimEnd('.')).Append(".” ").Append(KindWord(w.Kind));
        if (w.Occasion is not null) before.Append(", ").Append(w.Occasion);
        before.Append(", ").Append(Dates.Display(w.Date)).Append(". ");
        if (w.Publisher is not null) before.Append("English text: ").Append(w.Publisher).Append(". ");
        if (w.Translator is not null) before.Append("Translated by ").Append(w.Translator).Append(". ");
        before.Append("In ");
        var after = (w.Editors.Count > 0 ? ", edited by " + string.Join(" and ", w.Editors) : "") + ".";
        return (before.ToString(), w.Edition, after);
    }

    /// <summary>A BibTeX entry (<c>@misc</c>, with biblatex's <c>date</c> beside <c>year</c>/<c>month</c>).</summary>
    public static string BibTeX(Work w)
    {
        var fields = new List<(string Name, string Value)>();
        // A name that is not "Family, Given" is kept whole: {{Xi Jinping}}, never "Jinping, Xi".
        if (w.Creator is not null) fields.Add(("author", "{" + Escape(w.Creator) + "}"));
        fields.Add(("title", "{" + Escape(w.Title) + "}"));
        fields.Add(("howpublished", Escape(KindWord(w.Kind) + (w.Occasion is null ? "" : ", " + w.Occasion))));
        fields.Add(("year", w.Date.Year.ToString(CultureInfo.InvariantCulture)));
        // The month as BibTeX's own macro (jan … dec), unbraced, so that each style prints it in its own way.
        var month = w.Date.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant();
        fields.Add(("date", Dates.Iso(w.Date)));
        if (w.Publisher is not null) fields.Add(("publisher", Escape(w.Publisher)));
        if (w.Translator is not null) fields.Add(("translator", "{" + Escape(w.Translator) + "}"));
        fields.Add(("language", w.Language == "en" ? "english" : Escape(w.Language)));
        fields.Add(("url", w.Url.Replace("%", "\\%", StringComparison.Ordinal)));
        fields.Add(("note", Escape($"In {w.Edition}" + (w.Editors.Count > 0 ? ", edited by " + string.Join(" and ", w.Editors) : ""))));
        var entry = new StringBuilder();
        entry.Append("@misc{").Append(Key(w.Slug)).Append(",\n");
        foreach (var (name, value) in fields)
        {
            entry.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
            if (name == "year") entry.Append("  month = ").Append(month).Append(",\n");
        }
        entry.Append("}\n");
        return entry.ToString();
    }

    /// <summary>A citation key BibTeX and biber accept: letters, digits, <c>-_:.</c>.</summary>
    private static string Key(string slug) => new([.. slug.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.')]);

    /// <summary>Escapes what BibTeX would read as markup; braces are balanced by construction.</summary>
    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{' or '}' or '&' or '%' or '$' or '#' or '_': sb.Append('\\').Append(c); break;
                case '~': sb.Append("\\textasciitilde{}"); break;
                case '^': sb.Append("\\textasciicircum{}"); break;
                case '\n' or '\r' or '\t': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    // A file of its own, never inside HTML: characters are written as themselves, as reference managers write them.
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>CSL-JSON (an array of one item), as Zotero, Pandoc and citation.js read it.</summary>
    public static byte[] CslJson(Work w)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("id", w.Slug);
            json.WriteString("type", w.Kind switch { TextKind.Speech => "speech", TextKind.Article => "article-magazine", TextKind.Report => "report", _ => "article-newspaper" });
            json.WriteString("title", w.Title);
            if (w.Creator is not null) Names(json, "author", [w.Creator]);
            if (w.Translator is not null) Names(json, "translator", [w.Translator]);
            Date(json, "issued", w.Date);
            if (w.Kind == TextKind.Speech) Date(json, "event-date", w.Date);
            if (w.Occasion is not null) json.WriteString(w.Kind == TextKind.Speech ? "event" : "genre", w.Occasion);
            if (w.Publisher is not null) json.WriteString("publisher", w.Publisher);
            json.WriteString("container-title", w.Edition);
            if (w.Editors.Count > 0) Names(json, "collection-editor", w.Editors);
            if (w.OriginalTitle is not null) json.WriteString("original-title", w.OriginalTitle);
            if (w.OriginalDate is { } original) Date(json, "original-date", original);
            json.WriteString("language", w.Language);
            json.WriteString("URL", w.Url);
            if (w.Summary is not null) json.WriteString("abstract", w.Summary);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Names(Utf8JsonWriter json, string name, IEnumerable<string> literals)
    {
        json.WriteStartArray(name);
        foreach (var literal in literals) { json.WriteStartObject(); json.WriteString("literal", literal); json.WriteEndObject(); }
        json.WriteEndArray();
    }

    private static void Date(Utf8JsonWriter json, string name, DateOnly date)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("date-parts");
        json.WriteStartArray();
        json.WriteNumberValue(date.Year); json.WriteNumberValue(date.Month); json.WriteNumberValue(date.Day);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Highwire Press tags (Google Scholar's inclusion guidelines; Zotero's embedded-metadata translator).</summary>
    public static IReadOnlyList<(string Name, string Content)> Highwire(Work w)
    {
        var meta = new List<(string Name, string Content)> { ("citation_title", w.Title) };
        if (w.Creator is not null) meta.Add(("citation_author", w.Creator));
        meta.Add(("citation_publication_date", w.Date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)));
        meta.Add(("citation_date", w.Date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)));
        if (w.Publisher is not null) meta.Add(("citation_publisher", w.Publisher));
        meta.Add(("citation_language", w.Language));
        meta.Add(("citation_public_url", w.Url));
        meta.Add(("citation_fulltext_html_url", w.Url));
        return meta;
    }

    /// <summary>
    /// schema.org JSON-LD for the text page. <see cref="JavaScriptEncoder.Default"/> writes &lt;, &gt; and &amp; as
    /// \u escapes, so no value can close the script element it is in.
    /// </summary>
    public static string JsonLd(Work w)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", w.Kind == TextKind.News ? "NewsArticle" : "Article");
            json.WriteString("@id", w.Url);
            json.WriteString("url", w.Url);
            json.WriteString("headline", w.Title);
            json.WriteString("name", w.Title);
            if (w.Summary is not null) json.WriteString("description", w.Summary);
            json.WriteString("genre", KindWord(w.Kind));
            json.WriteString("datePublished", Dates.Iso(w.Date));
            json.WriteString("inLanguage", w.Language);
            if (w.Creator is not null) Thing(json, "author", "Person", w.Creator);
            if (w.Publisher is not null) Thing(json, "publisher", "Organization", w.Publisher);
            if (w.Translator is not null) Thing(json, "translator", "Person", w.Translator);
            if (w.Occasion is not null) Thing(json, "locationCreated", "Place", w.Occasion);
            if (w.OriginalTitle is not null)
            {
                json.WriteStartObject("translationOfWork");
                json.WriteString("@type", "CreativeWork");
                json.WriteString("name", w.OriginalTitle);
                if (w.OriginalLanguage is not null) json.WriteString("inLanguage", w.OriginalLanguage);
                if (w.OriginalDate is { } d) json.WriteString("datePublished", Dates.Iso(d));
                json.WriteEndObject();
            }
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Collection");
            json.WriteString("name", w.Edition);
            json.WriteString("url", w.EditionUrl);
            if (w.Editors.Count > 0)
            {
                json.WriteStartArray("editor");
                foreach (var e in w.Editors) { json.WriteStartObject(); json.WriteString("@type", "Organization"); json.WriteString("name", e); json.WriteEndObject(); }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Thing(Utf8JsonWriter json, string property, string type, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", type);
        json.WriteString("name", name);
        json.WriteEndObject();
    }
}
