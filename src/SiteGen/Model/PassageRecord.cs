using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Model;

/// <summary>
/// The paragraph an annotation was written against, as recorded in its front matter
/// (<c>anchored: {paragraph, hash, text}</c>) by <c>new annotation</c>, <c>import</c> and
/// <c>check --accept-drift</c>: when the text is later corrected, the note still anchors, but the
/// passage it comments on may have changed, and <c>check</c> says so. The hash decides; the
/// paragraph number is informative (a renumbered but unchanged paragraph is no drift); the text
/// is kept so that the change can be shown word by word.
/// </summary>
internal sealed record PassageRecord(int Paragraph, string Hash, string? Text)
{
    /// <summary>Where <c>anchored:</c> is written, for messages.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>How many hexadecimal digits of the paragraph's SHA-256 are kept.</summary>
    public const int HashLength = 8;

    /// <summary>The short hash of a paragraph's plain text.</summary>
    public static string HashOf(string paragraphText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(paragraphText)))[..HashLength];

    /// <summary>The record of a paragraph as it stands now.</summary>
    public static PassageRecord Of(Paragraph paragraph) => new(paragraph.Number, HashOf(paragraph.PlainText), paragraph.PlainText);

    public bool IsValidHash => Hash.Length == HashLength && Hash.All(char.IsAsciiHexDigitLower);
}
