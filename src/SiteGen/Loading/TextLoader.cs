using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Loading;

/// <summary>Reads one <c>content/texts/&lt;slug&gt;.md</c>: typed front matter and the numbered body.</summary>
internal static class TextLoader
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
        var kind = fields.Choice("kind", required: true, Vocabulary.TextKinds.ByWord);
        var venue = fields.String("venue", required: false, "National Science and Technology Conference, Beijing");
        var summary = fields.String("summary", required: false, "One or two sentences for lists and search results.");
        var source = ReadSource(fields.Mapping("source", "publisher: Qiushi Journal"));
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
            Publisher = fields.String("publisher", required: false, "Qiushi Journal"),
            Published = fields.Date("published", required: false),
            Note = fields.String("note", required: false, "English translation"),
            Url = fields.Url("url", required: false, "https://example.org/article"),
        };
        fields.ReportUnknownKeys();
        return source;
    }
}
