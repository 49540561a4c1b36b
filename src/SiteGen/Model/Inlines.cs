namespace SiteGen.Model;

/// <summary>
/// Inline content of a heading, paragraph or caption. Offsets into a paragraph's
/// <see cref="Paragraph.PlainText"/> count the characters of <see cref="Words"/> and <see cref="Code"/>
/// nodes in order, and one space for each <see cref="Break"/>.
/// </summary>
internal abstract record Inline;

/// <summary>Plain words.</summary>
internal sealed record Words(string Value) : Inline;

/// <summary>Emphasised (<c>*x*</c>) or strong (<c>**x**</c>) content.</summary>
internal sealed record Emphasis(bool Strong, IReadOnlyList<Inline> Children) : Inline;

/// <summary>A link in the source text; concept links are never placed inside one.</summary>
internal sealed record Link(string Url, IReadOnlyList<Inline> Children) : Inline;

/// <summary>Code or other literal text; concept links are never placed inside it.</summary>
internal sealed record Code(string Value) : Inline;

/// <summary>A line break inside a paragraph: soft (rendered as a space) or hard (a new line).</summary>
internal sealed record Break(bool Hard) : Inline;
