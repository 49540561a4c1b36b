namespace SiteGen.Model;

/// <summary>A paragraph of a text, as a key: <c>texts/&lt;slug&gt;/#p&lt;n&gt;</c>.</summary>
internal readonly record struct ParagraphRef(string Slug, int Number);

/// <summary>An occurrence of a concept's title or alias in a paragraph.</summary>
internal sealed record Mention
{
    public required string ConceptId { get; init; }
    public required ParagraphRef Paragraph { get; init; }
    /// <summary>Where the mention starts in the paragraph's plain text.</summary>
    public required int Start { get; init; }
    /// <summary>Where it ends (exclusive) in the paragraph's plain text.</summary>
    public required int End { get; init; }
}

/// <summary>A paragraph of another text that shares concepts with a paragraph.</summary>
internal sealed record RelatedPassage(ParagraphRef Paragraph, ImmutableArray<string> SharedConceptIds);

/// <summary>How often another concept is mentioned in the same paragraphs as a concept.</summary>
internal sealed record CoMention(string ConceptId, int Paragraphs);
