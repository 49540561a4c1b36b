using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using YamlDotNet.Core;

namespace SiteGen.Loading;

/// <summary>
/// What is wrong with a front matter that YamlDotNet cannot read, said at the line and column a
/// contributor must look at: YamlDotNet's own positions are relative to the YAML block, its
/// messages carry positions of their own, and a few of its failures (a tab, an unclosed list, an
/// alias) are reported far from their cause or not as syntax errors at all.
/// </summary>
internal sealed partial class YamlProblems(string path, string yaml, int offset, DiagnosticBag diagnostics)
{
    /// <summary>
    /// Reports front matter nested too deep to parse safely (YamlDotNet recurses once per level:
    /// thousands of levels would overflow the stack); true when it did.
    /// </summary>
    public bool TooDeep()
    {
        if (TooDeep(yaml) is not var (line, column)) return false;
        diagnostics.Error(DiagnosticCodes.YamlSyntax, At(line, column),
            $"the front matter is nested more than {MaxDepth} levels deep: write the value on one line, in double quotes if it contains '[' or '{{'");
        return true;
    }

    /// <summary>Reports the exception YamlDotNet threw, where the mistake is.</summary>
    public void Report(Exception exception)
    {
        var lines = yaml.Split('\n');
        switch (exception)
        {
            case YamlException ex when DuplicateKey().Match(ex.Message) is { Success: true } duplicate:
                var key = duplicate.Groups[1].Value;
                diagnostics.Error(DiagnosticCodes.DuplicateKey, KeyLine(yaml, key, second: true) is var (l, c) ? At(l, c) : At(ex.Start),
                    $"'{key}' is given twice: keep one of them");
                break;
            // YamlDotNet reports a tab at the end of the block it breaks; the contributor needs the tab's own line.
            case YamlException ex when ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndent(yaml) is var (tabLine, tabColumn):
                diagnostics.Error(DiagnosticCodes.YamlSyntax, At(tabLine, tabColumn),
                    "the front matter is not valid YAML: this line is indented with a tab; YAML indents with spaces only");
                break;
            case YamlException ex:
                diagnostics.Error(DiagnosticCodes.YamlSyntax, At(ex.Start), $"the front matter is not valid YAML: {DescribeYamlError(ex)}");
                break;
            case ArgumentException:
                // YamlDotNet's document model refuses some event kinds (an alias where a key is expected, say) this way.
                var alias = Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith('*') || l.Contains(": *", StringComparison.Ordinal) || l.Contains(" &", StringComparison.Ordinal) || l.TrimStart().StartsWith('&'));
                diagnostics.Error(DiagnosticCodes.YamlSyntax, At(alias < 0 ? 1 : alias + 1, 1),
                    "the front matter is not valid YAML here: YAML anchors and aliases (&name, *name) are not supported; put a value that starts with '&' or '*' in double quotes");
                break;
            default:
                // YamlDotNet fails with InvalidOperationException on an unclosed flow list or mapping: find it ourselves.
                var open = Array.FindIndex(lines, l => l.Count(c => c == '[') > l.Count(c => c == ']') || l.Count(c => c == '{') > l.Count(c => c == '}'));
                diagnostics.Error(DiagnosticCodes.YamlSyntax, At(open < 0 ? 1 : open + 1, open < 0 ? 1 : lines[open].IndexOfAny(['[', '{']) + 1),
                    "the front matter is not valid YAML: a list written [a, b] must be closed with ']' on the same line (or put a value that starts with '[' in double quotes)");
                break;
        }
    }

    /// <summary>A 1-based line and column of the YAML block, as a place in the file.</summary>
    private SourceLocation At(int line, int column) => new(path, line + offset, column);

    private SourceLocation At(Mark mark) => At((int)mark.Line, (int)mark.Column);

    /// <summary>How deep flow lists and mappings, or indentation in columns, may go.</summary>
    private const int MaxDepth = 32;
    private const int MaxIndent = 256;

    [GeneratedRegex(@"Duplicate key (.*)$")]
    private static partial Regex DuplicateKey();

    /// <summary>The first place where <c>[</c>/<c>{</c> nesting passes <see cref="MaxDepth"/> or indentation <see cref="MaxIndent"/>, 1-based.</summary>
    private static (int Line, int Column)? TooDeep(string yaml)
    {
        var lines = yaml.Split('\n');
        var depth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent > MaxIndent) return (i + 1, indent + 1);
            var quote = '\0';
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (c is '"' or '\'' && (j == 0 || line[j - 1] is ' ' or '[' or '{' or ',' or ':')) quote = c;
                else if (c == '#' && (j == 0 || line[j - 1] == ' ')) break;
                else if (c is '[' or '{' && ++depth > MaxDepth) return (i + 1, j + 1);
                else if (c is ']' or '}' && depth > 0) depth--;
            }
        }
        return null;
    }

    /// <summary>The first line indented with a tab, and the tab's column.</summary>
    private static (int Line, int Column)? TabIndent(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t');
            if (tab >= 0 && tab < indent) return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>Where a top-level or nested <paramref name="key"/> is written the second time.</summary>
    private static (int Line, int Column)? KeyLine(string yaml, string key, bool second)
    {
        var lines = yaml.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (trimmed.StartsWith(key + ":", StringComparison.Ordinal) && ++seen == (second ? 2 : 1))
                return (i + 1, lines[i].Length - trimmed.Length + 1);
        }
        return null;
    }

    private static string DescribeYamlError(YamlException ex)
    {
        // YamlDotNet's messages carry their own position in parentheses; ours is already in front.
        var message = PositionInMessage().Replace(ex.InnerException?.Message ?? ex.Message, "").Trim();
        if (message.Contains("expected key", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("mapping", StringComparison.OrdinalIgnoreCase))
            message += " (a value that contains ': ' or starts with a quote, '[', '{', '&', '*' or '#' must be put in double quotes)";
        else if (message.Contains("did not find expected ',' or ']'", StringComparison.Ordinal))
            message += " (a list written [a, b] must be closed with ']' on the same line)";
        return message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionInMessage();
}
