using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.TextRules;

namespace SiteGen.Editing;

/// <summary>What an annotation file says, for the commands that write one.</summary>
/// <param name="Correction">For <c>kind: correction</c>: the right reading ("" for a deletion); null otherwise.</param>
/// <param name="SourceId">Where the annotation was imported from (<c>hypothesis:…</c>), so that a new import finds it.</param>
/// <param name="Body">The note, in Markdown; empty for a file still to be written by the editor.</param>
/// <param name="Starter">A file to start from (<c>new annotation</c>): with a comment by each field to fill in.</param>
internal sealed record NoteFields(
    string Text, string Quote, string? Prefix, string? Suffix, string Kind, string? Correction, IReadOnlyList<string> Concepts,
    string Author, DateOnly? Date, string? SourceId, PassageRecord Record, string Body, bool Starter = false);

/// <summary>
/// The one writer of annotation files, for <c>new annotation</c>, <c>import hypothesis</c> and
/// <c>check --accept-drift</c>: every value escaped for its place in the YAML, the <c>anchored:</c> record
/// replaced within the front matter as the loader finds it (<see cref="SourceFile.ClosingFence"/>), and every file
/// read back by the loader before it is written, so that what is written is exactly what will be read.
/// </summary>
internal static class NoteFile
{
    /// <summary>The file for <paramref name="fields"/>; an imported one carries its stamp (<see cref="Stamped"/>).</summary>
    public static string Write(NoteFields fields)
    {
        var yaml = new StringBuilder()
            .Append("---\n")
            .Append("text: ").Append(fields.Text).Append('\n')
            .Append("quote: ").Append(Quoted(fields.Quote)).Append('\n');
        if (fields.Prefix is { } prefix) yaml.Append("prefix: ").Append(Quoted(prefix)).Append('\n');
        if (fields.Suffix is { } suffix) yaml.Append("suffix: ").Append(Quoted(suffix)).Append('\n');
        yaml.Append("kind: ").Append(fields.Kind).Append('\n');
        if (fields.Correction is { } correction)
            yaml.Append("correction: ").Append(Quoted(correction)).Append(fields.Starter ? "   # the right reading; leave empty if the words should be deleted\n" : "\n");
        if (fields.Starter) yaml.Append("concepts: []   # ids of the concepts the note is about, e.g. [basic-research]\n");
        else if (fields.Concepts.Count > 0) yaml.Append("concepts: [").AppendJoin(", ", fields.Concepts.Distinct(StringComparer.Ordinal)).Append("]\n");
        yaml.Append("author: ").Append(Plain(fields.Author)).Append('\n');
        if (fields.Date is { } date) yaml.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (fields.SourceId is { } sourceId) yaml.Append("source_id: ").Append(Quoted(sourceId)).Append('\n');
        yaml.Append(RecordYaml(fields.Record)).Append("---\n");
        if (fields.Body.Length > 0) yaml.Append(fields.Body).Append('\n');
        var file = yaml.ToString();
        return fields.SourceId is null ? file : Stamped(file);
    }

    /// <summary>A file name from the first words of a quote: "Dening X Kodaira" → dening-x-kodaira.</summary>
    public static string NameFrom(string quote)
    {
        var words = FoldedText.Phrase(quote).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0).Take(5).ToList();
        var name = string.Join('-', words);
        if (name.Length > 60) name = name[..60].TrimEnd('-');
        return name.Length == 0 || !char.IsAsciiLetterLower(name[0]) ? "note" + (name.Length > 0 ? "-" + name : "") : name;
    }

    /// <summary>A YAML double-quoted scalar: any text, on one line.</summary>
    public static string Quoted(string value)
    {
        var yaml = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': yaml.Append("\\\\"); break;
                case '"': yaml.Append("\\\""); break;
                case '\n': yaml.Append("\\n"); break;
                case '\t': yaml.Append("\\t"); break;
                case '\r': yaml.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c)) yaml.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else yaml.Append(c);
                    break;
            }
        }
        return yaml.Append('"').ToString();
    }

    /// <summary>A value as it is when YAML reads it back unchanged (a name such as <c>editors</c>), else quoted.</summary>
    public static string Plain(string value) =>
        value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n")
            ? value : Quoted(value);

    /// <summary>The <c>anchored:</c> block of a record, one line per field.</summary>
    public static string RecordYaml(PassageRecord record, string newline = "\n") =>
        $"anchored:{newline}" +
        $"  paragraph: {record.Paragraph.ToString(CultureInfo.InvariantCulture)}{newline}" +
        $"  hash: \"{record.Hash}\"{newline}" +
        (record.Text is { } text ? $"  text: {Quoted(text)}{newline}" : "");

    // An imported file says what the import wrote: `imported:` holds a hash of the rest of the file, so that a later
    // import can tell a file nobody changed (which it may update) from one an editor completed (which it leaves alone).
    private const string StampKey = "imported: ";

    /// <summary>The file with its stamp: a line <c>imported: "…"</c> before the closing fence, the hash of the file without it.</summary>
    private static string Stamped(string file)
    {
        var lines = file.Split('\n').ToList();
        var close = (int)SourceFile.ClosingFence(lines);
        lines.Insert(close, StampKey + "\"" + Hash(file) + "\"");
        return string.Join('\n', lines);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Whether an imported file is as its import wrote it (its stamp matches the rest); false when it has none or was changed.</summary>
    public static bool IsAsImported(string file)
    {
        var lines = file.Replace("\r\n", "\n").Split('\n').ToList();
        if ((int)SourceFile.ClosingFence(lines) is var close && close < 0) return false;
        var at = lines.FindIndex(1, close - 1, l => l.StartsWith(StampKey, StringComparison.Ordinal));
        if (at < 0) return false;
        var stamp = lines[at][StampKey.Length..].Trim().Trim('"');
        lines.RemoveAt(at);
        return stamp == Hash(string.Join('\n', lines));
    }

    /// <summary>
    /// The file with its <c>anchored:</c> block replaced by <paramref name="record"/> (or added at the end of the front
    /// matter), every other line as it was; null, with the reason, when the file has no front matter the loader
    /// would read or the change would not read back as that record alone.
    /// </summary>
    public static string? WithRecord(string path, string folderSlug, string file, PassageRecord record, out string? problem)
    {
        var newline = file.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = file.Split('\n').ToList();
        string Bare(int i) => lines[i].TrimEnd('\r');
        var close = (int)SourceFile.ClosingFence(lines);
        if (close < 0)
        {
            problem = "it has no front matter between '---' lines";
            return null;
        }
        var block = RecordYaml(record, newline).Split(newline)[..^1].Select(l => l + (newline == "\r\n" ? "\r" : "")).ToList();
        var start = lines.FindIndex(1, close - 1, l => l.StartsWith("anchored:", StringComparison.Ordinal));
        if (start < 0) lines.InsertRange(close, block);
        else
        {
            var end = start + 1;
            while (end < close && (Bare(end).Length == 0 || Bare(end)[0] is ' ' or '\t')) end++;
            // Blank lines that follow the block belong to what comes after it.
            while (end > start + 1 && Bare(end - 1).Trim().Length == 0) end--;
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, block);
        }
        var updated = string.Join('\n', lines);
        problem = ReadsBackAs(path, folderSlug, file, updated, record);
        return problem is null ? updated : null;
    }

    /// <summary>Null when <paramref name="updated"/> reads as <paramref name="original"/> does, its record apart; else what differs.</summary>
    private static string? ReadsBackAs(string path, string folderSlug, string original, string updated, PassageRecord record)
    {
        var before = new DiagnosticBag();
        var after = new DiagnosticBag();
        var was = NoteLoader.Load(path, folderSlug, original, before);
        var now = NoteLoader.Load(path, folderSlug, updated, after);
        if (was is null || now is null || after.HasErrors) return "the file does not read as an annotation: run 'check' and correct it first";
        if (now.Anchored is not { } read || read.Paragraph != record.Paragraph || read.Hash != record.Hash || read.Text != record.Text)
            return "the record would not read back as written";
        if (SourceFile.Split(path, original, new DiagnosticBag())?.Body != SourceFile.Split(path, updated, new DiagnosticBag())?.Body
            || now.Quote != was.Quote || now.Prefix != was.Prefix || now.Suffix != was.Suffix || now.Kind != was.Kind || now.Correction != was.Correction)
            return "the change would touch more than the record";
        return null;
    }

    /// <summary>
    /// What the loader makes of a file about to be written: its problems (a control character, a field the loader
    /// refuses, a link the prose policy refuses), all reported into <paramref name="diagnostics"/>; the annotation, or null.
    /// </summary>
    public static Note? ReadBack(string path, string folderSlug, string file, DiagnosticBag diagnostics)
    {
        TextRules.TextCharacters.CheckFile(path, file, diagnostics);
        return NoteLoader.Load(path, folderSlug, file, diagnostics);
    }
}
