using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteGen.Diagnostics;

namespace SiteGen.Loading;

/// <summary>One annotation as the Hypothesis API gives it, with where it starts in the file.</summary>
internal sealed record HypothesisAnnotation
{
    public required SourceLocation Location { get; init; }
    public string? Id { get; init; }
    /// <summary>The annotated page.</summary>
    public string? Uri { get; init; }
    /// <summary>The note, in Markdown.</summary>
    public string Text { get; init; } = "";
    public ImmutableArray<string> Tags { get; init; } = [];
    /// <summary>The account, <c>acct:name@hypothes.is</c>.</summary>
    public string? User { get; init; }
    public DateTimeOffset? Created { get; init; }
    /// <summary>The annotations this one replies to: a reply has some.</summary>
    public ImmutableArray<string> References { get; init; } = [];
    public ImmutableArray<HypothesisTarget> Targets { get; init; } = [];
}

/// <summary>A target of a Hypothesis annotation: its page, and the passage when a selector names one.</summary>
internal sealed record HypothesisTarget(string? Source, string? Exact, string? Prefix, string? Suffix, int Selectors);

/// <summary>
/// Reads annotations exported from Hypothesis: a search response (<c>{"rows": [...]}</c>) or a
/// single annotation, in the API's JSON format. Of the selectors only the TextQuoteSelector is
/// kept: the edition anchors quotes itself, and positions and ranges count in a page that may since
/// have changed.
/// </summary>
internal static class HypothesisExport
{
    public static IReadOnlyList<HypothesisAnnotation>? Read(string path, byte[] json, DiagnosticBag diagnostics)
    {
        // A byte-order mark (some editors and shells write one) is not part of the JSON.
        if (json.AsSpan().StartsWith("\uFEFF"u8)) json = json[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, new SourceLocation(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1),
                $"this is not valid JSON ({FirstSentence(ex.Message)}): export the annotations again from Hypothesis (the API's /api/search, or one annotation from /api/annotations/<id>)");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array)
            {
                var starts = Locations(path, json, ObjectStarts(json));
                return rows.EnumerateArray().Select((row, i) => Annotation(row, i < starts.Count ? starts[i] : new SourceLocation(path, 1, 1))).ToList();
            }
            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("target", out _) || root.TryGetProperty("uri", out _)))
                return [Annotation(root, new SourceLocation(path, 1, 1))];
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, new SourceLocation(path, 1, 1),
                "this is not a Hypothesis export: expected a search response {\"rows\": [...]} or one annotation {\"uri\": ..., \"target\": [...]}");
            return null;
        }
    }

    private static HypothesisAnnotation Annotation(JsonElement row, SourceLocation location)
    {
        var targets = new List<HypothesisTarget>();
        if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in target.EnumerateArray())
            {
                if (t.ValueKind != JsonValueKind.Object) continue;
                var selectors = t.TryGetProperty("selector", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];
                var quote = selectors.FirstOrDefault(x => x.ValueKind == JsonValueKind.Object && String(x, "type") == "TextQuoteSelector");
                targets.Add(quote.ValueKind == JsonValueKind.Object
                    ? new HypothesisTarget(String(t, "source"), String(quote, "exact"), String(quote, "prefix"), String(quote, "suffix"), selectors.Count)
                    : new HypothesisTarget(String(t, "source"), null, null, null, selectors.Count));
            }
        }
        return new HypothesisAnnotation
        {
            Location = location,
            Id = String(row, "id"),
            Uri = String(row, "uri"),
            Text = String(row, "text") ?? "",
            Tags = Strings(row, "tags"),
            User = String(row, "user"),
            Created = DateTimeOffset.TryParse(String(row, "created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null,
            References = Strings(row, "references"),
            Targets = [.. targets],
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>Where each element of the top-level <c>rows</c> array starts, as byte offsets.</summary>
    private static List<long> ObjectStarts(byte[] json)
    {
        var starts = new List<long>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var inRows = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                inRows = reader.ValueTextEquals("rows");
            else if (inRows && reader.CurrentDepth == 2 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                     or JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
                starts.Add(reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 2) reader.Skip();
        }
        return starts;
    }

    /// <summary>
    /// The line and column (in characters, as editors count them) of each of the increasing byte offsets, in one
    /// pass over the file, however many rows share a line (the API writes its response on one).
    /// </summary>
    private static List<SourceLocation> Locations(string path, byte[] json, List<long> offsets)
    {
        var locations = new List<SourceLocation>(offsets.Count);
        int line = 1, column = 1;
        var at = 0;
        foreach (var offset in offsets)
        {
            for (; at < offset; at++)
            {
                var b = json[at];
                if (b == '\n') { line++; column = 1; }
                // A character starts at every byte but a continuation byte; one of four bytes is two UTF-16 units.
                else if ((b & 0xC0) != 0x80) column += b >= 0xF0 ? 2 : 1;
            }
            locations.Add(new SourceLocation(path, line, column));
        }
        return locations;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
