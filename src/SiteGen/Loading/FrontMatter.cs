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
            if (key is not YamlScalarNode scalar || scalar.Value is null) continue;
            if (!_fields.TryAdd(scalar.Value, (scalar, value)))
                diagnostics.Error(DiagnosticCodes.DuplicateKey, At(scalar.Start),
                    $"'{scalar.Value}' is given twice: keep one of them");
        }
    }

    /// <summary>
    /// Parses <paramref name="yaml"/>, which starts on line <paramref name="firstLine"/> of the file.
    /// An empty front matter is an empty mapping. Returns null, with a diagnostic, on a syntax error.
    /// </summary>
    public static FrontMatter? Parse(string path, string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        var offset = firstLine - 1;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var location = new SourceLocation(path, (int)ex.Start.Line + offset, (int)ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, location, $"the front matter is not valid YAML: {DescribeYamlError(ex)}");
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
        var hint = Suggest(text, choices.Keys) is { } s ? $"did you mean '{s}'? " : "";
        _diagnostics.Error(DiagnosticCodes.BadValue, ValueLocation(key), $"'{key}: {text}' is not known: {hint}use one of {words}");
        return null;
    }

    /// <summary>Reports each key that no reader asked for: usually a typo, never silently dropped.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (name, field) in _fields)
        {
            if (_known.Contains(name)) continue;
            var hint = Suggest(name, _known) is { } s ? $"did you mean '{s}'?" : $"the keys here are {string.Join(", ", _known.Order(StringComparer.Ordinal))}";
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

    /// <summary>The closest of <paramref name="candidates"/> to a misspelt word, if one is close enough.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Candidate: c, Distance: EditDistance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, x.Candidate.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .FirstOrDefault();

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
