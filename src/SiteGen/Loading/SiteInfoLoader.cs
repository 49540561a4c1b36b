using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Loading;

/// <summary>Reads <c>content/site.yml</c>.</summary>
internal static class SiteInfoLoader
{
    public static SiteInfo? Load(string path, string content, DiagnosticBag diagnostics)
    {
        var yaml = content.TrimStart('\uFEFF').Replace("\r\n", "\n");
        var fields = FrontMatter.Parse(path, yaml, 1, diagnostics);
        if (fields is null) return null;
        var title = fields.String("title", required: true, "Self-Reliance in Science and Technology");
        var description = fields.String("description", required: true, "An annotated reading edition of ...");
        var baseUrl = fields.String("base_url", required: false, "/") ?? "/";
        var url = fields.String("url", required: false, "https://owner.github.io/edition/");
        var feed = fields.Choice("feed", required: false, new Dictionary<string, bool> { ["true"] = true, ["false"] = false, ["yes"] = true, ["no"] = false });
        var language = fields.String("language", required: false, "en") ?? "en";
        var repository = fields.Url("repository", required: false, "https://github.com/owner/repo") ?? "";
        var editors = fields.StringList("editors", "[Jane Doe, John Roe]").Select(e => e.Value).ToList();
        var introduction = fields.String("introduction", required: false, "|\n  What this edition is ...") ?? "";
        fields.ReportUnknownKeys();
        if (!LanguageTags.IsWellFormed(language))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("language"),
                $"'language: {language}' is not a language tag: {LanguageTags.Example}");
            return null;
        }

        if (!BaseUrl.TryNormalise(baseUrl, out var normalised))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("base_url"),
                $"'base_url: {baseUrl}' is neither a path such as /sitegen/ nor an http(s) URL");
            return null;
        }
        string? published = null;
        if (url is not null && (!url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || !BaseUrl.TryNormalise(url, out published)))
        {
            diagnostics.Error(DiagnosticCodes.BadValue, fields.ValueLocation("url"),
                $"'url: {url}' is not an http(s) URL: give the address where the edition is published, e.g. https://owner.github.io/edition/");
            return null;
        }
        var (introductionProse, introductionLinks) = ProseParser.Parse(introduction, fields.TextLocation("introduction", yaml), diagnostics);
        if (title is null || description is null) return null;
        return new SiteInfo
        {
            Title = title,
            Description = description,
            BaseUrl = normalised,
            Url = published,
            Feed = feed,
            FeedLocation = fields.ValueLocation("feed"),
            Language = language,
            Repository = repository,
            Editors = [.. editors],
            Introduction = introductionProse,
            IntroductionLinks = introductionLinks,
        };
    }
}
