using Markdig.Syntax.Inlines;

namespace SiteGen.Loading.ConceptLinks;

/// <summary>
/// <c>[[id]]</c> or <c>[[id|other words]]</c> in editors' Markdown, as Markdig's syntax tree holds it, until
/// <see cref="ProseParser"/> makes it a <see cref="Model.ConceptLink"/>.
/// </summary>
internal sealed class ConceptLinkInline : LeafInline
{
    /// <summary>The concept's id as written (whether a concept has it is checked by the analysis).</summary>
    public required string ConceptId { get; init; }

    /// <summary>The words to show instead of the concept's title; null for <c>[[id]]</c>.</summary>
    public string? Words { get; init; }
}
