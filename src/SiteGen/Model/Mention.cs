namespace SiteGen.Model;

/// <summary>A paragraph of a text, as a key: <c>texts/&lt;slug&gt;/#p&lt;n&gt;</c>.</summary>
internal readonly record struct ParagraphRef(string Slug, int Number) : IPlace<ParagraphRef>
{
    public static ParagraphRef At(string slug, int number) => new(slug, number);
}

/// <summary>A section heading of a text, as a key: <c>texts/&lt;slug&gt;/#h&lt;n&gt;</c>.</summary>
internal readonly record struct HeadingRef(string Slug, int Number) : IPlace<HeadingRef>
{
    public static HeadingRef At(string slug, int number) => new(slug, number);
}

/// <summary>An occurrence of a concept's title or alias in a paragraph or in a section heading.</summary>
internal sealed record Mention
{
    public required string ConceptId { get; init; }
    /// <summary>The text the mention is in.</summary>
    public required string Slug { get; init; }
    /// <summary>The paragraph's number (¶n), or the heading's number when <see cref="InHeading"/>.</summary>
    public required int Number { get; init; }
    /// <summary>True for a mention in a section heading; headings are not paragraphs and are never cited as ¶n.</summary>
    public bool InHeading { get; init; }
    /// <summary>Where the mention starts in the paragraph's (or heading's) plain text.</summary>
    public required int Start { get; init; }
    /// <summary>Where it ends (exclusive) in that plain text.</summary>
    public required int End { get; init; }

    /// <summary>The paragraph, for a mention in one; null for a mention in a heading.</summary>
    public ParagraphRef? Paragraph => InHeading ? null : new ParagraphRef(Slug, Number);
    /// <summary>The heading, for a mention in one; null for a mention in a paragraph.</summary>
    public HeadingRef? Heading => InHeading ? new HeadingRef(Slug, Number) : null;
}

/// <summary>A paragraph of another text that shares concepts with a paragraph.</summary>
internal sealed record RelatedPassage(ParagraphRef Paragraph, ImmutableArray<string> SharedConceptIds, string Opening);

/// <summary>How often another concept is mentioned in the same paragraphs as a concept.</summary>
internal sealed record CoMention(string ConceptId, int Paragraphs);
