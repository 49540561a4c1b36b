using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Loading;

/// <summary>Reads one <c>content/concepts/&lt;id&gt;.md</c>.</summary>
internal static partial class ConceptLoader
{
    [GeneratedRegex(@"\[\[([^\[\]\n]*)\]\]")]
    private static partial Regex WikiLink();

    public static Concept? Load(string path, string content, DiagnosticBag diagnostics)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        var idIsValid = Slugs.IsValidId(id);
        if (!idIsValid)
            diagnostics.Error(DiagnosticCodes.BadSlug, SourceLocation.StartOf(path),
                $"the file name '{id}' cannot be a concept id: rename the file; {Slugs.IdRule}");

        if (SourceFile.Read(path, content, diagnostics) is not var (file, fields)) return null;

        var title = fields.String("title", required: true, "Basic research");
        var titleLocation = fields.ValueLocation("title");
        var aliases = fields.StringList("aliases", "[basic research, fundamental research]").Select(a => new Located(a.Value, a.Location)).ToList();
        var category = fields.Choice("category", required: true, Vocabulary.ConceptCategories.ByWord);
        var related = fields.StringList("related", "[basic-research, key-core-technologies]").Select(r => new Located(r.Value, r.Location)).ToList();
        fields.ReportUnknownKeys();

        var links = Links(path, file.Body, file.BodyLine);
        if (string.IsNullOrWhiteSpace(file.Body))
            diagnostics.Warning(DiagnosticCodes.NoCommentary, new SourceLocation(path, file.BodyLine, 1),
                "the concept has no commentary: below the front matter, say what the term means, where it comes from and how its use changes across the texts");
        if (title is null || category is null || !idIsValid) return null;
        return new Concept
        {
            Id = id,
            Title = title,
            TitleLocation = titleLocation,
            Aliases = [.. aliases],
            Category = category.Value,
            Related = [.. related],
            Commentary = file.Body.Trim('\n'),
            CommentaryStart = file.TrimmedBodyStart,
            Links = [.. links],
            SourcePath = path,
        };
    }

    /// <summary>The <c>[[id]]</c> links of a Markdown body, each with its line and column in the file.</summary>
    public static IReadOnlyList<Located> Links(string path, string body, int bodyLine)
    {
        var links = new List<Located>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (Match m in WikiLink().Matches(lines[i]))
                links.Add(new Located(m.Groups[1].Value.Trim(), new SourceLocation(path, bodyLine + i, m.Index + 1)));
        return links;
    }
}
