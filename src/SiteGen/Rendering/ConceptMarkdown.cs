using System.Text.RegularExpressions;

namespace SiteGen.Rendering;

/// <summary>
/// Commentary and notes: Markdown in which <c>[[concept-id]]</c> links to a concept page with
/// the concept's title as its text. Ids were checked during analysis; an unknown one is left as
/// written.
/// </summary>
public sealed partial class ConceptMarkdown(IReadOnlyDictionary<string, string> titles, Urls urls)
{
    [GeneratedRegex(@"\[\[([a-z][a-z0-9-]*)\]\]")]
    private static partial Regex WikiLink();

    public string ToHtml(string markdown) => NoteMarkdown.ToHtml(WikiLink().Replace(markdown, m =>
        titles.TryGetValue(m.Groups[1].Value, out var title)
            ? $"[{EscapeLinkText(title)}]({urls.Concept(m.Groups[1].Value)}){{.concept-link}}"
            : m.Value));

    /// <summary>A contributor's note: rendered like commentary, then sanitized.</summary>
    public string NoteToHtml(string markdown) => NoteSanitizer.Clean(ToHtml(markdown));

    private static string EscapeLinkText(string text) => text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*").Replace("_", "\\_");
}
