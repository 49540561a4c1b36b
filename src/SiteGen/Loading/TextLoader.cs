using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Loading;

/// <summary>Reads one <c>content/texts/&lt;slug&gt;.md</c>: typed front matter and the numbered body.</summary>
internal static partial class TextLoader
{
    public static Text? Load(string path, string content, DiagnosticBag diagnostics)
    {
        var slug = System.IO.Path.GetFileNameWithoutExtension(path);
        var slugIsValid = Slugs.IsValidTextSlug(slug);
        if (!slugIsValid)
            diagnostics.Error(DiagnosticCodes.BadSlug, SourceLocation.StartOf(path),
                $"the file name '{slug}' cannot be a text's slug: rename the file; {Slugs.TextSlugRule}");

        if (SourceFile.Read(path, content, diagnostics) is not var (file, fields)) return null;

        var title = fields.String("title", required: true, "Striving to Build a Country Strong in Science and Technology");
        var date = fields.Date("date", required: true);
        var author = fields.String("author", required: false, "Xi Jinping");
        var speaker = fields.String("speaker", required: false, "Xi Jinping");
        var delivered = fields.DateOrNotKnown("delivered");
        var kind = fields.Choice("kind", required: true, Vocabulary.TextKinds.ByWord);
        var venue = fields.String("venue", required: false, "National Science and Technology Conference, Beijing");
        var summary = fields.String("summary", required: false, "One or two sentences for lists and search results.");
        var source = ReadSource(fields.Mapping("source", "publisher: Qiushi Journal"));
        var original = ReadOriginal(fields.Mapping("original", "title: 在全国科技大会上的讲话"), diagnostics);
        fields.ReportUnknownKeys();

        if (date is { } d && slugIsValid && !slug.StartsWith(d.ToString("yyyy-MM-dd-", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            diagnostics.Error(DiagnosticCodes.SlugMismatch, fields.ValueLocation("date"),
                $"the slug '{slug}' does not start with the text's date {d:yyyy-MM-dd}: rename the file to '{d:yyyy-MM-dd}-{SlugTail(slug)}.md' or correct the date");

        var (blocks, paragraphs) = TextBodyParser.Parse(path, file.Body, file.BodyLine, diagnostics);
        if (paragraphs.Length == 0)
            diagnostics.Error(DiagnosticCodes.EmptyText, new SourceLocation(path, file.BodyLine, 1),
                "the text has no paragraphs: paste the text below the front matter, one paragraph per block separated by a blank line");

        if (title is null || date is null || kind is null || !slugIsValid) return null;
        return new Text
        {
            Slug = slug,
            Title = title,
            Date = date.Value,
            Author = author,
            Speaker = speaker,
            Delivered = delivered,
            Original = original,
            Kind = kind.Value,
            Venue = venue,
            Summary = summary,
            Source = source,
            Blocks = blocks,
            Paragraphs = paragraphs,
            SourcePath = path,
        };
    }

    private static string SlugTail(string slug)
    {
        var parts = slug.Split('-');
        return parts.Length > 3 && parts[0].Length == 4 && parts[0].All(char.IsAsciiDigit) ? string.Join('-', parts[3..]) : slug;
    }

    private static TextSource? ReadSource(FrontMatter? fields)
    {
        if (fields is null) return null;
        var source = new TextSource
        {
            Publication = new Publication(fields.String("publisher", required: false, "Qiushi Journal"), fields.DateOrNotKnown("published"),
                fields.Url("url", required: false, "https://example.org/article")),
            Note = fields.String("note", required: false, "English translation"),
            Archived = fields.Url("archived", required: false, "https://web.archive.org/web/2024/https://example.org/article"),
            Translator = fields.String("translator", required: false, "machine translation"),
        };
        fields.ReportUnknownKeys();
        return source;
    }

    private static OriginalText? ReadOriginal(FrontMatter? fields, DiagnosticBag diagnostics)
    {
        if (fields is null) return null;
        var language = fields.String("language", required: false, "zh") ?? "zh";
        if (!LanguageTags.IsWellFormed(language))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("language"),
                $"'language: {language}' is not a language tag: {LanguageTags.Example}");
            language = "zh";
        }
        var original = new OriginalText
        {
            Title = fields.String("title", required: false, "在全国科技大会上的讲话"),
            Language = language,
            Publication = new Publication(fields.String("publisher", required: false, "Xinhua"), fields.DateOrNotKnown("published"),
                fields.Url("url", required: false, "http://www.news.cn/politics/leaders/2024-06/24/c_1130168826.htm")),
            Archived = fields.Url("archived", required: false, "https://perma.cc/CY6X-GCP2"),
        };
        fields.ReportUnknownKeys();
        return original;
    }
}
