namespace SiteGen.Model;

/// <summary>A block of a text's body.</summary>
internal abstract record Block
{
    /// <summary>The 1-based line in the source file where the block starts.</summary>
    public required int Line { get; init; }
}

/// <summary>A section heading inside a text ("III. Open up new fields ..."), or in editors' prose (then not numbered).</summary>
internal sealed record Heading : Block
{
    /// <summary>2 for <c>##</c>, 3 for <c>###</c> ...; the text's title is level 1.</summary>
    public required int Level { get; init; }
    /// <summary>1..H in reading order within its text; its address is <c>#h&lt;n&gt;</c>. 0 in editors' prose, which has no addresses.</summary>
    public required int Number { get; init; }
    public required ImmutableArray<Inline> Content { get; init; }
    /// <summary>The heading's words with formatting removed: what mentions are found in.</summary>
    public required string PlainText { get; init; }
}

/// <summary>
/// A numbered paragraph: the unit readers cite (¶n) and link to (<c>#p&lt;n&gt;</c>).
/// A bullet of a list is a paragraph too. A paragraph of editors' prose is not numbered.
/// </summary>
internal sealed record Paragraph : Block
{
    /// <summary>1..N in reading order within its text; 0 in editors' prose.</summary>
    public required int Number { get; init; }
    /// <summary>Extra style from the source's generic attributes: <c>attribution</c>, <c>salutation</c>, <c>editors-note</c>; may be empty.</summary>
    public ImmutableArray<string> Classes { get; init; } = [];
    public required ImmutableArray<Inline> Content { get; init; }
    /// <summary>The words of the paragraph with formatting removed: what mentions and quotes are found in.</summary>
    public required string PlainText { get; init; }
}

/// <summary>A photo caption: shown as such, never numbered.</summary>
internal sealed record Caption : Block
{
    public required ImmutableArray<Inline> Content { get; init; }
}

/// <summary>A bulleted or numbered list whose items are numbered paragraphs.</summary>
internal sealed record ItemList : Block
{
    public required bool Ordered { get; init; }
    public required ImmutableArray<Paragraph> Items { get; init; }
}

/// <summary>A quotation set off from the text (an epigraph, a pull quote).</summary>
internal sealed record Quotation : Block
{
    public required ImmutableArray<Block> Blocks { get; init; }
}

// Blocks that only editors' prose has (notes, commentary, the introduction): a source text is prose as published,
// with no code, rules or lists of several paragraphs an item.

/// <summary>A list in editors' prose: each item is blocks of its own (paragraphs, a nested list …).</summary>
internal sealed record ProseList : Block
{
    public required bool Ordered { get; init; }
    /// <summary>No blank line between the items: their paragraphs are shown without paragraph spacing.</summary>
    public required bool Tight { get; init; }
    public required ImmutableArray<ImmutableArray<Block>> Items { get; init; }
}

/// <summary>Code or other literal lines, shown as written.</summary>
internal sealed record CodeBlock : Block
{
    public required string Code { get; init; }
}

/// <summary>A thematic break (<c>---</c> between paragraphs).</summary>
internal sealed record Rule : Block;
