using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Loading;

/// <summary>Reads one <c>content/concepts/&lt;id&gt;.md</c>.</summary>
internal static partial class ConceptLoader
{
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
        var chinese = ChineseTerm(fields, diagnostics);
        var pinyin = Pinyin(fields, chinese, diagnostics);
        var generic = fields.Flag("generic", otherwise: false);
        var exclusions = fields.StringList("exclude", "[national key laboratories]").Select(e => new Located(e.Value, e.Location)).ToList();
        fields.ReportUnknownKeys();

        var (commentary, links) = ProseParser.Parse(file.Body.Trim('\n'), file.TrimmedBodyStart, diagnostics);
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
            Chinese = chinese,
            Pinyin = pinyin,
            Exclusions = [.. exclusions],
            Generic = generic,
            Related = [.. related],
            Commentary = commentary,
            Links = links,
            SourcePath = path,
        };
    }

    /// <summary><c>zh:</c>, the term in Chinese characters: at least one, and no Latin letters (pinyin has its own field).</summary>
    private static string? ChineseTerm(FrontMatter fields, DiagnosticBag diagnostics)
    {
        var zh = fields.String("zh", required: false, "基础研究");
        if (zh is null) return null;
        if (!Scripts.HasHan(zh))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("zh"),
                $"'zh: {zh}' has no Chinese characters: write the term in characters, e.g. 'zh: 基础研究', and its romanisation under 'pinyin:'");
            return null;
        }
        if (zh.Any(char.IsAsciiLetter))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("zh"),
                $"'zh: {zh}' mixes Latin letters with the characters: keep only the characters here and put the romanisation under 'pinyin:'");
            return null;
        }
        return zh;
    }

    /// <summary><c>pinyin:</c>, Latin letters with tone marks; only beside a <c>zh:</c>.</summary>
    private static string? Pinyin(FrontMatter fields, string? chinese, DiagnosticBag diagnostics)
    {
        var pinyin = fields.String("pinyin", required: false, "jīchǔ yánjiū");
        if (pinyin is null) return null;
        if (Scripts.HasHan(pinyin) || !pinyin.Any(char.IsLetter) || pinyin.Any(c => !(char.IsLetter(c) || c is ' ' or ',' or '\'' or '’' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("pinyin"),
                $"'pinyin: {pinyin}' is not pinyin: write the romanisation in Latin letters with tone marks, e.g. 'pinyin: jīchǔ yánjiū'");
            return null;
        }
        if (chinese is null && !fields.Has("zh"))
            diagnostics.Error(DiagnosticCodes.MissingField, fields.KeyLocation("pinyin"),
                "the concept gives 'pinyin:' without 'zh:': add the term in characters, e.g. 'zh: 基础研究'");
        return pinyin;
    }
}
