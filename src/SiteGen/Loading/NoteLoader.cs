using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Loading;

/// <summary>Reads one <c>content/annotations/&lt;text-slug&gt;/&lt;name&gt;.md</c>.</summary>
internal static class NoteLoader
{
    public static Note? Load(string path, string folderSlug, string content, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var nameIsValid = Slugs.IsValidId(name);
        if (!nameIsValid)
            diagnostics.Error(DiagnosticCodes.BadSlug, SourceLocation.StartOf(path),
                $"the file name '{name}' cannot name an annotation: rename the file; {Slugs.IdRule}");

        if (SourceFile.Read(path, content, diagnostics) is not var (file, fields)) return null;

        var text = fields.String("text", required: true, folderSlug);
        var quote = fields.String("quote", required: true, "Dening X Kodaira");
        var prefix = RawString(fields, "prefix");
        var suffix = RawString(fields, "suffix");
        var kind = fields.Choice("kind", required: true, Vocabulary.NoteKinds.ByWord);
        var hasCorrection = fields.Has("correction");
        var correction = fields.String("correction", required: false, "Deng Xiaoping");
        var concepts = fields.StringList("concepts", "[primary-productive-force]").Select(c => new Located(c.Value, c.Location)).ToList();
        var author = fields.String("author", required: false, "editors");
        var date = fields.Date("date", required: false);
        var sources = ReadSources(fields);
        var anchored = ReadRecord(fields, diagnostics);
        var sourceId = fields.String("source_id", required: false, "hypothesis:Zx8f2mQ4Ee6y1wc7a9Kp3A");
        // Written by 'import hypothesis' (a hash of what it wrote, so that it never overwrites an editor's changes); not shown.
        fields.String("imported", required: false, "\"3f2a9c1e5b7d0a4c\"");
        fields.ReportUnknownKeys();

        if (kind == NoteKind.Correction && !hasCorrection)
            diagnostics.Error(DiagnosticCodes.MissingField, fields.KeyLocation("kind"),
                "a correction needs the right reading: add 'correction: <the right words>' (or 'correction: \"\"' when the words should be deleted)");
        if (kind is { } k && k != NoteKind.Correction && hasCorrection)
            diagnostics.Error(DiagnosticCodes.BadValue, fields.KeyLocation("correction"),
                $"'correction:' is only for 'kind: correction': change the kind, or remove the correction");
        if (text is not null && text != folderSlug)
            diagnostics.Error(DiagnosticCodes.SlugMismatch, fields.ValueLocation("text"),
                $"'text: {text}' does not match the folder the file is in ({folderSlug}): move the file to content/annotations/{text}/ or correct 'text:'");
        if (string.IsNullOrWhiteSpace(file.Body))
            diagnostics.Error(DiagnosticCodes.MissingField, new SourceLocation(path, file.BodyLine, 1),
                "the annotation has no note: write it below the front matter, in Markdown");

        var (note, links) = ProseParser.Parse(file.Body.Trim('\n'), file.TrimmedBodyStart, diagnostics);
        if (text is null || quote is null || kind is null || !nameIsValid || text != folderSlug) return null;
        return new Note
        {
            Name = name,
            TextSlug = text,
            Quote = quote,
            Prefix = prefix,
            Suffix = suffix,
            Kind = kind.Value,
            Correction = kind == NoteKind.Correction ? correction ?? "" : null,
            Concepts = [.. concepts],
            Author = author,
            Date = date,
            Sources = [.. sources],
            Anchored = anchored,
            SourceId = sourceId,
            Body = note,
            Links = links,
            SourcePath = path,
            TextLocation = fields.ValueLocation("text"),
            QuoteLocation = fields.ValueLocation("quote"),
        };
    }

    private const string SourceExample = "- title: Full text of Xi's speech at sci-tech conference\n        publisher: Xinhua\n        date: 2024-06-28\n        url: https://english.news.cn/...";

    /// <summary><c>sources:</c>, the works the note rests on: each a title, and as far as known its publisher, date and URL.</summary>
    private static List<Source> ReadSources(FrontMatter fields)
    {
        var sources = new List<Source>();
        foreach (var item in fields.MappingList("sources", SourceExample))
        {
            var title = item.String("title", required: true, "Full text of Xi's speech at sci-tech conference");
            var source = new Source
            {
                Title = title ?? "",
                Publication = new Publication(item.String("publisher", required: false, "Xinhua"), item.DateOrNotKnown("date"),
                    item.Url("url", required: false, "https://english.news.cn/20240628/example.html")),
            };
            item.ReportUnknownKeys();
            if (title is not null) sources.Add(source);
        }
        return sources;
    }

    /// <summary>
    /// <c>anchored:</c>, the paragraph the note was written against: its number, the short hash of
    /// its text and the text itself (see <see cref="PassageRecord"/>).
    /// </summary>
    private static PassageRecord? ReadRecord(FrontMatter fields, DiagnosticBag diagnostics)
    {
        const string Fix = "record it again with 'check --accept-drift <this file>'";
        if (fields.Mapping("anchored", "paragraph: 12\n      hash: 3f2a9c1e") is not { } record) return null;
        var number = record.String("paragraph", required: true, "12");
        var hash = record.String("hash", required: true, "3f2a9c1e");
        var text = RawString(record, "text", "\"the paragraph's words\"");
        record.ReportUnknownKeys();
        if (number is null || hash is null) return null;
        if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var paragraph) || paragraph < 1)
        {
            diagnostics.Error(DiagnosticCodes.BadValue, record.ValueLocation("paragraph"),
                $"'paragraph: {number}' is not a paragraph number: write a whole number from 1, e.g. 'paragraph: 12', or {Fix}");
            return null;
        }
        var result = new PassageRecord(paragraph, hash, text) { Location = fields.KeyLocation("anchored") };
        if (!result.IsValidHash)
        {
            diagnostics.Error(DiagnosticCodes.BadValue, record.ValueLocation("hash"),
                $"'hash: {hash}' is not a passage hash ({PassageRecord.HashLength} digits 0-9 and a-f): {Fix}");
            return null;
        }
        return result;
    }

    /// <summary>
    /// Prefix and suffix keep their spaces ("In 1978, Chinese leader " ends with one): the value is
    /// checked like any string, then taken as written.
    /// </summary>
    private static string? RawString(FrontMatter fields, string key, string example = "\"words \"") =>
        fields.String(key, required: false, example) is null ? null : fields.Raw(key);
}
