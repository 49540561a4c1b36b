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

    /// <summary>Every anchored note, by text in reading order, numbered within its text.</summary>
    public ImmutableArray<AnchoredNote> Notes { get; init; } = [];
    /// <summary>The notes of each text that has any, in reading order.</summary>
    public FrozenDictionary<string, ImmutableArray<AnchoredNote>> NotesByText { get; init; } = FrozenDictionary<string, ImmutableArray<AnchoredNote>>.Empty;
    /// <summary>The notes of each paragraph that has any, in reading order.</summary>
    public FrozenDictionary<ParagraphRef, ImmutableArray<AnchoredNote>> NotesByParagraph { get; init; } = FrozenDictionary<ParagraphRef, ImmutableArray<AnchoredNote>>.Empty;
    /// <summary>The notes about each concept (named in <c>concepts:</c> or linked with <c>[[id]]</c>), in reading order; every concept has an entry.</summary>
    public FrozenDictionary<string, ImmutableArray<AnchoredNote>> NotesByConcept { get; init; } = FrozenDictionary<string, ImmutableArray<AnchoredNote>>.Empty;
    /// <summary>How many texts mention each concept (every concept has an entry).</summary>
    public FrozenDictionary<string, int> TextCountByConcept { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>How the lists of the site are laid out on pages.</summary>
    public required SiteLists Lists { get; init; }

    /// <summary>The texts by slug.</summary>
    public required FrozenDictionary<string, Text> TextsBySlug { get; init; }

    public Text TextOf(string slug) => TextsBySlug[slug];
}
