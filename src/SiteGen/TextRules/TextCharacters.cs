using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.TextRules;

/// <summary>
/// Characters that content may not hold, wherever they come from (the file's bytes, a YAML escape such as
/// <c>"\x01"</c>, a Markdown entity such as <c>&amp;#x1;</c>): control characters other than tab and line
/// breaks (a form feed pasted from a PDF, an escape sequence), Unicode noncharacters (U+FFFE) and unpaired
/// surrogates. None is visible, XML forbids most of them, and a terminal obeys some. Bidirectional
/// controls (U+202E …) are allowed, with a warning: they can make words read in another order than they
/// are written, so pages isolate them.
/// </summary>
internal static class TextCharacters
{
    /// <summary>How many characters of one file are reported, at most: the rest are counted.</summary>
    private const int MaxReported = 5;

    /// <summary>Whether <paramref name="c"/> at <paramref name="i"/> of <paramref name="s"/> may not be in content.</summary>
    private static bool IsForbidden(string s, int i, out int length)
    {
        var c = s[i];
        length = 1;
        if (c < 0x20) return c is not ('\t' or '\n' or '\r');
        if (c < 0x7F) return false;
        if (c <= 0x9F) return true;
        if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF') return true;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return true;
            length = 2;
            // The noncharacters U+1FFFE, U+1FFFF … U+10FFFF.
            return (char.ConvertToUtf32(c, s[i + 1]) & 0xFFFE) == 0xFFFE;
        }
        return char.IsLowSurrogate(c);
    }

    /// <summary>The embedding, override and isolate controls of the bidirectional algorithm.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Whether <paramref name="s"/> holds a bidirectional control.</summary>
    public static bool HasBidiControl(ReadOnlySpan<char> s) => s.IndexOfAny("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") >= 0;

    /// <summary>How a character is named in a message: U+000C (form feed).</summary>
    public static string Name(string s, int i)
    {
        var code = char.IsSurrogatePair(s, i) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
        var name = code switch
        {
            0 => "null",
            0x08 => "backspace",
            0x0B => "vertical tab",
            0x0C => "form feed, often pasted from a PDF",
            0x1B => "escape, which starts a terminal's control sequences",
            0x7F => "delete",
            0xFFFE or 0xFFFF => "a noncharacter",
            >= 0xD800 and <= 0xDFFF => "half of a surrogate pair",
            >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => "a bidirectional control, which reorders the words after it",
            _ when code >= 0xFDD0 && code <= 0xFDEF || (code & 0xFFFE) == 0xFFFE => "a noncharacter",
            _ => "a control character",
        };
        return string.Create(CultureInfo.InvariantCulture, $"U+{code:X4} ({name})");
    }

    /// <summary>The index of the first character content may not hold, or -1.</summary>
    public static int FirstForbidden(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // The common case in one comparison.
            if (c is >= ' ' and < '\u007F') continue;
            if (IsForbidden(s, i, out var length)) return i;
            i += length - 1;
        }
        return -1;
    }

    /// <summary>
    /// Reports every forbidden character of a file's text at its line and column (and warns of bidirectional
    /// controls); false when there is a forbidden one.
    /// </summary>
    public static bool CheckFile(string path, string text, DiagnosticBag diagnostics)
    {
        int line = 1, lineStart = 0, errors = 0, warnings = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F') continue;
            if (c == '\n') { line++; lineStart = i + 1; continue; }
            if (IsForbidden(text, i, out var length))
            {
                if (++errors <= MaxReported)
                    diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, new SourceLocation(path, line, i - lineStart + 1),
                        $"the file holds the invisible character {Name(text, i)}: delete it (retype the words around it if your editor does not show it)");
            }
            else if (IsBidiControl(c) && ++warnings <= MaxReported)
                diagnostics.Warning(DiagnosticCodes.BidiControl, new SourceLocation(path, line, i - lineStart + 1),
                    $"the file holds {Name(text, i)}: pages isolate it, but check that the words read as the source has them, and delete it if it is not in the source");
            i += length - 1;
        }
        if (errors > MaxReported)
            diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, SourceLocation.StartOf(path),
                string.Create(CultureInfo.InvariantCulture, $"the file holds {errors:N0} invisible characters in all ({MaxReported} are shown): save it again as plain UTF-8 text"));
        return errors == 0;
    }

    /// <summary>
    /// Reports a value that holds a forbidden character (written as a YAML or Markdown escape, since the file's own
    /// characters are checked), at <paramref name="location"/>; false when it does.
    /// </summary>
    public static bool CheckValue(string value, SourceLocation location, string what, DiagnosticBag diagnostics)
    {
        var at = FirstForbidden(value);
        if (at < 0) return true;
        diagnostics.Error(DiagnosticCodes.ForbiddenCharacter, location,
            $"{what} holds the invisible character {Name(value, at)} (written as an escape such as \\x01, \\u0001 or &#x1;): remove it");
        return false;
    }

    /// <summary>
    /// The text with what an XML document may not hold replaced by U+FFFD: for writers of XML that must stay
    /// well-formed whatever reaches them.
    /// </summary>
    public static string ForXml(string s)
    {
        if (FirstForbidden(s) < 0) return s;
        var safe = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (IsForbidden(s, i, out var length)) safe.Append('\uFFFD');
            else safe.Append(s, i, length);
            i += length - 1;
        }
        return safe.ToString();
    }
}
