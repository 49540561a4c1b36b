using SiteGen.Model;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using SiteGen.Addresses;

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

    private readonly SourceLocation? _start;

    private FrontMatter(string path, YamlMappingNode node, int lineOffset, DiagnosticBag diagnostics, SourceLocation? start = null)
    {
        _start = start;
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
        var problems = new YamlProblems(path, yaml, offset, diagnostics);
        if (problems.TooDeep()) return null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            problems.Report(ex);
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
        CheckNodes(path, mapping, offset, diagnostics);
        return new FrontMatter(path, mapping, offset, diagnostics);
    }

    /// <summary>
    /// What YAML can say that front matter cannot mean, reported at its place: a key that is not a single word
    /// (<c>? [a, b]: c</c>, which would otherwise be silently ignored), and a value that holds an invisible
    /// character written as an escape (<c>""</c>, <c>"￾"</c>).
    /// </summary>
    private static void CheckNodes(string path, YamlNode node, int offset, DiagnosticBag diagnostics)
    {
        SourceLocation At(Mark mark) => new(path, (int)mark.Line + offset, (int)mark.Column);
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlScalarNode { Value: { } value } scalar:
                    TextRules.TextCharacters.CheckValue(value, At(scalar.Start), "the value", diagnostics);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children) pending.Push(item);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is not YamlScalarNode)
                            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(key.Start),
                                "a key must be a single word followed by ':' (this one is a list or a group, written with '?'): write it as 'key: value'");
                        else pending.Push(key);
                        pending.Push(value);
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// The first line of the front matter (line 2 of a content file), or the key of a nested
    /// mapping, for problems with no better place (a missing field).
    /// </summary>
    public SourceLocation Start => _start ?? new(Path, _lineOffset + 1, 1);

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
        if (SafeUrl.Problem(text, allowRelative: false) is not { } problem) return text;
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

    /// <summary>
    /// A date the editors may state as not known: YYYY-MM-DD, or the words <c>not known</c>. Null when the key is absent
    /// (or wrong); an <see cref="EditorialDate"/> without a value for "not known".
    /// </summary>
    public EditorialDate? DateOrNotKnown(string key)
    {
        var text = String(key, required: false, "2024-06-24");
        if (text is null) return null;
        if (text.Equals(EditorialDate.NotKnownWords, StringComparison.OrdinalIgnoreCase)) return new EditorialDate(null);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new EditorialDate(date);
        _diagnostics.Error(DiagnosticCodes.BadDate, ValueLocation(key),
            $"'{key}: {text}' is not a date: write it as YYYY-MM-DD (e.g. '{key}: 2024-06-24'), or '{key}: not known' when no source gives it");
        return null;
    }

    /// <summary>A list of groups of fields, such as <c>sources:</c>, each item read with the same checks.</summary>
    public IReadOnlyList<FrontMatter> MappingList(string key, string example)
    {
        _known.Add(key);
        if (!_fields.TryGetValue(key, out var field)) return [];
        if (field.Value is YamlScalarNode { Value: var v } && string.IsNullOrWhiteSpace(v)) return [];
        if (field.Value is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, At(field.Value.Start),
                $"'{key}' must be a list of groups of fields, one per '- ', e.g.\n    {key}:\n      {example}");
            return [];
        }
        var items = new List<FrontMatter>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping) items.Add(new FrontMatter(Path, mapping, _lineOffset, _diagnostics, At(item.Start)));
            else
                _diagnostics.Error(DiagnosticCodes.WrongType, At(item.Start),
                    $"each item of '{key}' must be a group of fields, e.g.\n    {key}:\n      {example}");
        }
        return items;
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
        if (field.Value is YamlMappingNode mapping) return new FrontMatter(Path, mapping, _lineOffset, _diagnostics, At(field.Key.Start));
        if (field.Value is YamlScalarNode { Value: var v } && string.IsNullOrWhiteSpace(v)) return null;
        _diagnostics.Error(DiagnosticCodes.WrongType, At(field.Value.Start),
            $"'{key}' must be a group of indented fields, e.g.\n    {key}:\n      {example}");
        return null;
    }

    /// <summary>A yes-or-no field, written <c>true</c> or <c>false</c>; <paramref name="otherwise"/> when absent (or wrong).</summary>
    public bool Flag(string key, bool otherwise)
    {
        var text = String(key, required: false, "true");
        if (text is null) return otherwise;
        if (text is "true" or "false") return text == "true";
        _diagnostics.Error(DiagnosticCodes.BadValue, ValueLocation(key), $"'{key}: {text}' must be true or false, e.g. '{key}: true'");
        return otherwise;
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
