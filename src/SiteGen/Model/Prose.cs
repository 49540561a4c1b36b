using System.Text;

namespace SiteGen.Model;

/// <summary>
/// What editors write in Markdown (a note, a concept's commentary, the edition's introduction), read at load
/// into the blocks and inlines that texts are made of: every refusal of the policy for contributors' Markdown
/// is reported then, at its line and column, and pages render it through the same partials as texts.
/// </summary>
internal sealed record Prose(ImmutableArray<Block> Blocks)
{
    public static readonly Prose Empty = new([]);

    public bool IsEmpty => Blocks.IsEmpty;

    /// <summary>
    /// The words, without formatting, as a search index or a preview reads them: blocks separated by a space, a
    /// concept link without words of its own by the concept's title (<paramref name="title"/>).
    /// </summary>
    public string PlainText(Func<string, string> title)
    {
        var text = new StringBuilder();
        foreach (var block in Blocks) Write(text, block, title);
        return text.ToString().Trim();
    }

    /// <summary>The plain text of the first paragraph (in reading order, inside lists and quotations too), or of everything when there is none.</summary>
    public string FirstParagraph(Func<string, string> title)
    {
        var first = Paragraphs(Blocks).FirstOrDefault();
        if (first is null) return PlainText(title);
        var text = new StringBuilder();
        Write(text, first.Content, title);
        return text.ToString().Trim();
    }

    private static IEnumerable<Paragraph> Paragraphs(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p: yield return p; break;
                case Quotation q: foreach (var p in Paragraphs(q.Blocks)) yield return p; break;
                case ProseList l: foreach (var item in l.Items) foreach (var p in Paragraphs(item)) yield return p; break;
            }
        }
    }

    private static void Write(StringBuilder text, Block block, Func<string, string> title)
    {
        switch (block)
        {
            case Paragraph p: Write(text, p.Content, title); break;
            case Heading h: Write(text, h.Content, title); break;
            case Quotation q: foreach (var b in q.Blocks) Write(text, b, title); break;
            case ProseList l: foreach (var item in l.Items) foreach (var b in item) Write(text, b, title); break;
            case CodeBlock c: text.Append(c.Code); break;
            case Rule: break;
            default: throw new InvalidOperationException($"no rule for the plain text of the block kind {block.GetType().Name}");
        }
        text.Append(' ');
    }

    private static void Write(StringBuilder text, IReadOnlyList<Inline> content, Func<string, string> title)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case Words w: text.Append(w.Value); break;
                case Code c: text.Append(c.Value); break;
                case Break: text.Append(' '); break;
                case Emphasis e: Write(text, e.Children, title); break;
                case Link l: Write(text, l.Children, title); break;
                case ConceptLink { Children.IsEmpty: true } c: text.Append(title(c.ConceptId)); break;
                case ConceptLink c: Write(text, c.Children, title); break;
                default: throw Inlines.Unknown(inline);
            }
        }
    }
}
