namespace SiteGen.Model;

/// <summary>
/// Inline content of a heading, paragraph or caption. Every inline knows its span in the
/// paragraph's plain text (<see cref="Paragraph.PlainText"/>): mentions, anchors, highlights and
/// exported positions are all offsets into that one text, so the rule that makes it lives here
/// and nowhere else. Words and code count their characters, a line break counts one (a space),
/// and formatting counts what it contains. <see cref="Inlines.WithSpans"/> sets the spans once, at load.
/// </summary>
internal abstract record Inline
{
    /// <summary>Where the inline starts in its paragraph's plain text.</summary>
    public int Start { get; init; }

    /// <summary>How many characters of plain text it stands for.</summary>
    public abstract int Length { get; }

    /// <summary>Where it ends (exclusive) in the plain text.</summary>
    public int End => Start + Length;
}

/// <summary>Plain words.</summary>
internal sealed record Words(string Value) : Inline
{
    public override int Length => Value.Length;
}

/// <summary>How content is set off: the kinds of emphasis texts and editors' prose may use.</summary>
internal enum EmphasisKind
{
    /// <summary><c>*x*</c></summary>
    Emphasis,
    /// <summary><c>**x**</c></summary>
    Strong,
    /// <summary><c>~~x~~</c>, in editors' prose only.</summary>
    Deleted,
    /// <summary><c>++x++</c>, in editors' prose only.</summary>
    Inserted,
    /// <summary><c>==x==</c>, in editors' prose only.</summary>
    Marked,
    /// <summary><c>^x^</c>, in editors' prose only.</summary>
    Superscript,
    /// <summary><c>~x~</c>, in editors' prose only.</summary>
    Subscript,
}

/// <summary>Content set off as emphasis, strong, deleted … (<see cref="EmphasisKind"/>).</summary>
internal sealed record Emphasis(EmphasisKind Kind, ImmutableArray<Inline> Children) : Inline
{
    public override int Length => Children.Sum(c => c.Length);
}

/// <summary>
/// A link to a concept in editors' prose: <c>[[id]]</c>, shown with the concept's title (no children), or
/// <c>[[id|other words]]</c>, shown with those words.
/// </summary>
internal sealed record ConceptLink(string ConceptId, ImmutableArray<Inline> Children) : Inline
{
    public override int Length => Children.Sum(c => c.Length);
}

/// <summary>A link in the source text; concept links are never placed inside one.</summary>
internal sealed record Link(string Url, ImmutableArray<Inline> Children) : Inline
{
    public override int Length => Children.Sum(c => c.Length);
}

/// <summary>Code or other literal text; concept links are never placed inside it.</summary>
internal sealed record Code(string Value) : Inline
{
    public override int Length => Value.Length;
}

/// <summary>A line break inside a paragraph: soft (rendered as a space) or hard (a new line); one character of plain text.</summary>
internal sealed record Break(bool Hard) : Inline
{
    public override int Length => 1;
}

/// <summary>Operations on inline content that every reader of it shares.</summary>
internal static class Inlines
{
    /// <summary>The same content with every inline's <see cref="Inline.Start"/> set, from <paramref name="start"/>.</summary>
    public static ImmutableArray<Inline> WithSpans(IReadOnlyList<Inline> content, int start = 0)
    {
        var placed = ImmutableArray.CreateBuilder<Inline>(content.Count);
        placed.Count = content.Count;
        for (var i = 0; i < content.Count; i++)
        {
            placed[i] = content[i] switch
            {
                Words or Code or Break => content[i] with { Start = start },
                Emphasis e => e with { Start = start, Children = WithSpans(e.Children, start) },
                Link l => l with { Start = start, Children = WithSpans(l.Children, start) },
                ConceptLink c => c with { Start = start, Children = WithSpans(c.Children, start) },
                var unknown => throw Unknown(unknown),
            };
            start += placed[i].Length;
        }
        return placed.MoveToImmutable();
    }

    /// <summary>The plain text of placed content: what mentions and quotes are found in.</summary>
    public static string PlainText(IReadOnlyList<Inline> content) => Text(content, hardBreak: ' ');

    /// <summary>
    /// The paragraph's text as a browser's DOM gives it on the page (the element's textContent): the
    /// plain text, except that a hard line break is the newline written after its <c>&lt;br&gt;</c>.
    /// Offsets are the same in both.
    /// </summary>
    public static string PageText(IReadOnlyList<Inline> content) => Text(content, hardBreak: '\n');

    private static string Text(IReadOnlyList<Inline> content, char hardBreak)
    {
        // Words alone (most paragraphs) are their own text: no second copy of it is kept.
        if (content.Count == 1 && content[0] is Words only) return only.Value;
        var text = new char[content.Sum(c => c.Length)];
        void Write(IReadOnlyList<Inline> inlines)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Words w: w.Value.CopyTo(text.AsSpan(w.Start - content[0].Start)); break;
                    case Code c: c.Value.CopyTo(text.AsSpan(c.Start - content[0].Start)); break;
                    case Break b: text[b.Start - content[0].Start] = b.Hard ? hardBreak : ' '; break;
                    case Emphasis e: Write(e.Children); break;
                    case Link l: Write(l.Children); break;
                    case ConceptLink c: Write(c.Children); break;
                    default: throw Unknown(inline);
                }
            }
        }
        if (content.Count > 0) Write(content);
        return new string(text);
    }

    /// <summary>For every switch over inline kinds: a kind added to the model must be handled everywhere, not skipped.</summary>
    public static InvalidOperationException Unknown(Inline inline) =>
        new($"no rule for the inline kind {inline.GetType().Name}: add it to every switch over inlines");
}
