namespace SiteGen.Model;

/// <summary>The site with everything analysis found: the input of rendering.</summary>
internal sealed record AnalysedSite
{
    public required Site Site { get; init; }
    /// <summary>Every mention, in reading order: by text, then headings and paragraphs as they come, then position.</summary>
    public required ImmutableArray<Mention> Mentions { get; init; }
    /// <summary>The mentions of each paragraph that has any, in order.</summary>
    public required IReadOnlyDictionary<ParagraphRef, ImmutableArray<Mention>> MentionsByParagraph { get; init; }
    /// <summary>The mentions in each section heading that has any, in order.</summary>
    public required IReadOnlyDictionary<HeadingRef, ImmutableArray<Mention>> MentionsByHeading { get; init; }
    /// <summary>The mentions of each concept (every concept has an entry), in reading order.</summary>
    public required FrozenDictionary<string, ImmutableArray<Mention>> MentionsByConcept { get; init; }
    /// <summary>For each concept, the others mentioned in the same paragraphs, most shared first.</summary>
    public required FrozenDictionary<string, ImmutableArray<CoMention>> CoMentions { get; init; }
    /// <summary>For each paragraph, passages of other texts that share most of its concepts.</summary>
    public required IReadOnlyDictionary<ParagraphRef, ImmutableArray<RelatedPassage>> RelatedPassages { get; init; }

    /// <summary>Every anchored annotation, by text in reading order, numbered within its text.</summary>
    public ImmutableArray<AnchoredNote> Anchors { get; init; } = [];

    /// <summary>The texts by slug.</summary>
    public required FrozenDictionary<string, Text> TextsBySlug { get; init; }

    public Text TextOf(string slug) => TextsBySlug[slug];
}
