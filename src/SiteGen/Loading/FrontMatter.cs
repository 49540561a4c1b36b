using SiteGen.Model;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Loading;

/// <summary>
/// Typed reading of one YAML mapping (a file's front matter, or a nested mapping such as
/// <c>source:</c>), reporting every problem at the exact line and column of the file. Keys that
/// are read are remembered, so that <see cref="ReportUnknownKeys"/> can catch typos such as
/// <c>auther:</c> with a suggestion.
/// </summary>
internal sealed partial class FrontMatter
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;

    public string Path { get; }

    private FrontMatter(string path, YamlMappingNode node, int lineOffset, DiagnosticBag diagnostics)
    {
        Path = path;
        _node = node;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        _fields = new(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            // YamlDotNet rejects a key given twice before this point (reported as SG0110 by Parse).
            if (key is YamlScalarNode { Value: { } name } scalar) _fields.TryAdd(name, (scalar, value));
        }
    }

    /// <summary>
    /// Parses <paramref name="yaml"/>, which starts on line <paramref name="firstLine"/> of the file.
    /// An empty front matter is an empty mapping. Returns null, with a diagnostic, on a syntax error.
    /// </summary>
    public static FrontMatter? Parse(string path, string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        var offset = firstLine - 1;
        if (TooDeep(yaml) is var (deepLine, deepColumn))
        {
            // YamlDotNet recurses once per level: thousands of levels would overflow the stack.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, deepLine + offset, deepColumn),
                $"the front matter is nested more than {MaxDepth} levels deep: write the value on one line, in double quotes if it contains '[' or '{{'");
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex) when (DuplicateKey().Match(ex.Message) is { Success: true } duplicate)
        {
            var key = duplicate.Groups[1].Value;
            var at = KeyLine(yaml, key, second: true) is var (l, c) ? new SourceLocation(path, l + offset, c) : new SourceLocation(path, (int)ex.Start.Line + offset, (int)ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.DuplicateKey, at, $"'{key}' is given twice: keep one of them");
            return null;
        }
        catch (YamlException ex)
        {
            var location = new SourceLocation(path, (int)ex.Start.Line + offset, (int)ex.Start.Column);
            // YamlDotNet reports a tab at the end of the block it breaks; the contributor needs the tab's own line.
            if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndent(yaml) is var (tabLine, tabColumn))
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, tabLine + offset, tabColumn),
                    "the front matter is not valid YAML: this line is indented with a tab; YAML indents with spaces only");
                return null;
            }
            diagnostics.Error(DiagnosticCodes.YamlSyntax, location, $"the front matter is not valid YAML: {DescribeYamlError(ex)}");
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's document model refuses some event kinds (an alias where a key is expected, say) this way.
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith('*') || l.Contains(": *", StringComparison.Ordinal) || l.Contains(" &", StringComparison.Ordinal) || l.TrimStart().StartsWith('&'));
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, (index < 0 ? 1 : index + 1) + offset, 1),
                "the front matter is not valid YAML here: YAML anchors and aliases (&name, *name) are not supported; put a value that starts with '&' or '*' in double quotes");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on an unclosed flow list or mapping: find it ourselves.
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l.Count(c => c == '[') > l.Count(c => c == ']') || l.Count(c => c == '{') > l.Count(c => c == '}'));
            var line = index < 0 ? 1 : index + 1;
            var column = index < 0 ? 1 : lines[index].IndexOfAny(['[', '{']) + 1;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, line + offset, column),
                "the front matter is not valid YAML: a list written [a, b] must be closed with ']' on the same line (or put a value that starts with '[' in double quotes)");
            return null;
        }
        if (stream.Documents.Count == 0)
            return new FrontMatter(path, new YamlMappingNode(), offset, diagnostics);
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var root = stream.Documents[0].RootNode;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, (int)root.Start.Line + offset, (int)root.Start.Column),
                "the front matter must be a list of 'key: value' lines");
            return null;
        }
        return new FrontMatter(path, mapping, offset, diagnostics);
    }

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

    /// <summary>The first line of the front matter (line 2 of a content file), for problems with no better place.</summary>
    public SourceLocation Start => new(Path, _lineOffset + 1, 1);

    private SourceLocation At(Mark mark) => new(Path, (int)mark.Line + _lineOffset, (int)mark.Column);

    /// <summary>Where <paramref name="key"/>'s value starts, or the front matter's start when it is absent.</summary>
    public SourceLocation ValueLocation(string key) => _fields.TryGetValue(key, out var f) ? At(f.Value.Start) : Start;

    /// <summary>Where <paramref name="key"/> itself is written.</summary>
    public SourceLocation KeyLocation(string key) => _fields.TryGetValue(key, out var f) ? At(f.Key.Start) : Start;

    public bool Has(string key) { _known.Add(key); return _fields.ContainsKey(key); }

    /// <summary>A single-line or block string. Null (and an error when required) when absent or empty.</summary>
    public string? String(string key, bool required, string example)
    {
        _known.Add(key);
        if (!_fields.TryGetValue(key, out var field))
        {
            if (required) Missing(key, example);
            return null;
        }
        if (field.Value is not YamlScalarNode scalar)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, At(field.Value.Start),
                $"'{key}' must be a single value, not a {KindOf(field.Value)}: write it as '{key}: {example}'");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null"))
        {
            if (required)
                _diagnostics.Error(DiagnosticCodes.MissingField, At(field.Key.Start), $"'{key}' is empty: give it a value, e.g. '{key}: {example}'");
            return null;
        }
        return value;
    }

    /// <summary>A string value exactly as written, spaces included (after YAML's own quoting rules).</summary>
    public string? Raw(string key) =>
        _fields.TryGetValue(key, out var field) && field.Value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A full http(s) URL, checked by <see cref="Model.SafeUrl"/>.</summary>
    public string? Url(string key, bool required, string example)
    {
        var text = String(key, required, example);
        if (text is null) return null;
        if (Model.SafeUrl.Problem(text, allowRelative: false) is not { } problem) return text;
        _diagnostics.Error(DiagnosticCodes.RefusedUrl, ValueLocation(key), $"'{key}: {text}' is refused: {problem}, e.g. '{key}: {example}'");
        return null;
    }

    /// <summary>Where the text of <paramref name="key"/>'s value starts: the next line, indented, for a <c>|</c> or <c>&gt;</c> block.</summary>
    public SourceLocation TextLocation(string key, string yaml)
    {
        var at = ValueLocation(key);
        if (!_fields.TryGetValue(key, out var field) || field.Value is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded })
            return at;
        var lines = yaml.Split('\n');
        var index = at.Line - _lineOffset;
        if (index >= lines.Length) return at;
        return new SourceLocation(Path, at.Line + 1, lines[index].Length - lines[index].TrimStart(' ').Length + 1);
    }

    /// <summary>A date written YYYY-MM-DD.</summary>
    public DateOnly? Date(string key, bool required)
    {
        var text = String(key, required, "2024-06-24");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        _diagnostics.Error(DiagnosticCodes.BadDate, ValueLocation(key),
            $"'{key}: {text}' is not a date: write it as YYYY-MM-DD, e.g. '{key}: 2024-06-24'");
        return null;
    }

    /// <summary>A list of strings, written <c>[a, b]</c> or one <c>- item</c> per line; a single value counts as a list of one.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> StringList(string key, string example)
    {
        _known.Add(key);
        if (!_fields.TryGetValue(key, out var field)) return [];
        switch (field.Value)
        {
            case YamlScalarNode { Value: var v } when string.IsNullOrWhiteSpace(v) || v is "~" or "null":
                return [];
            case YamlScalarNode scalar:
                return [(scalar.Value!.Trim(), At(scalar.Start))];
            case YamlSequenceNode sequence:
                var items = new List<(string, SourceLocation)>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } s } && !string.IsNullOrWhiteSpace(s))
                        items.Add((s.Trim(), At(item.Start)));
                    else
                        _diagnostics.Error(DiagnosticCodes.WrongType, At(item.Start),
                            $"each item of '{key}' must be a single value, e.g. '{key}: {example}'");
                }
                return items;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongType, At(field.Value.Start),
                    $"'{key}' must be a list, e.g. '{key}: {example}'");
                return [];
        }
    }

    /// <summary>A nested mapping such as <c>source:</c>, read with the same checks.</summary>
    public FrontMatter? Mapping(string key, string example)
    {
        _known.Add(key);
        if (!_fields.TryGetValue(key, out var field)) return null;
        if (field.Value is YamlMappingNode mapping) return new FrontMatter(Path, mapping, _lineOffset, _diagnostics);
        if (field.Value is YamlScalarNode { Value: var v } && string.IsNullOrWhiteSpace(v)) return null;
        _diagnostics.Error(DiagnosticCodes.WrongType, At(field.Value.Start),
            $"'{key}' must be a group of indented fields, e.g.\n    {key}:\n      {example}");
        return null;
    }

    /// <summary>One of a fixed set of lowercase words.</summary>
    public T? Choice<T>(string key, bool required, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        var words = string.Join(" | ", choices.Keys);
        var text = String(key, required, choices.Keys.First());
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        var hint = Suggestions.Closest(text, choices.Keys) is { } s ? $"did you mean '{s}'? " : "";
        _diagnostics.Error(DiagnosticCodes.BadValue, ValueLocation(key), $"'{key}: {text}' is not known: {hint}use one of {words}");
        return null;
    }

    /// <summary>Reports each key that no reader asked for: usually a typo, never silently dropped.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (name, field) in _fields)
        {
            if (_known.Contains(name)) continue;
            var hint = Suggestions.Closest(name, _known) is { } s ? $"did you mean '{s}'?" : $"the keys here are {string.Join(", ", _known.Order(StringComparer.Ordinal))}";
            _diagnostics.Error(DiagnosticCodes.UnknownKey, At(field.Key.Start), $"unknown key '{name}': {hint}");
        }
    }

    private void Missing(string key, string example) =>
        _diagnostics.Error(DiagnosticCodes.MissingField, Start, $"'{key}' is missing: add a line '{key}: {example}' to the front matter");

    private static string KindOf(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "group of fields",
        _ => "value",
    };
}
