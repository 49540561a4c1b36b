using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteGen.Loading.ConceptLinks;

/// <summary>
/// Reads <c>[[id]]</c> and <c>[[id|other words]]</c> where an inline starts with <c>[[</c>: the id runs to
/// <c>|</c> or <c>]]</c> on the same line. Empty words (<c>[[id| ]]</c>) mean the concept's title.
/// </summary>
internal sealed class ConceptLinkParser : InlineParser
{
    public ConceptLinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[') return false;
        var text = slice.Text;
        var from = slice.Start + 2;
        var close = text.IndexOf("]]", from, StringComparison.Ordinal);
        if (close < 0 || close > slice.End) return false;
        var target = text.AsSpan(from, close - from);
        if (target.IndexOfAny('\n', '[') >= 0) return false;
        var bar = target.IndexOf('|');
        var id = (bar < 0 ? target : target[..bar]).Trim().ToString();
        if (id.Length == 0) return false;
        var words = bar < 0 ? null : target[(bar + 1)..].Trim().ToString();
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new ConceptLinkInline
        {
            ConceptId = id,
            Words = string.IsNullOrEmpty(words) ? null : words,
            Span = new SourceSpan(start, start + close + 2 - slice.Start - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
