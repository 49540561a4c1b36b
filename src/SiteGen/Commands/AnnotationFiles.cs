using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Commands;

/// <summary>
/// Writes annotation files for the commands that make or update them (<c>new annotation</c>,
/// <c>import hypothesis</c>, <c>check --accept-drift</c>): YAML values quoted safely, and the
/// <c>anchored:</c> record replaced in place, leaving every other line of the file as it was.
/// </summary>
internal static class AnnotationFiles
{
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
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF') yaml.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else yaml.Append(c);
                    break;
            }
        }
        return yaml.Append('"').ToString();
    }

    /// <summary>A file for <paramref name="name"/> in <paramref name="folder"/> that exists nowhere yet (nor among <paramref name="taken"/>): name.md, name-2.md, ...</summary>
    public static string Unused(string folder, string name, IReadOnlySet<string>? taken = null)
    {
        var file = Path.Combine(folder, name + ".md");
        for (var n = 2; File.Exists(file) || taken?.Contains(file) == true; n++) file = Path.Combine(folder, $"{name}-{n}.md");
        return file;
    }

    /// <summary>The usage mistake of naming a text the content does not have; the exit code to return.</summary>
    public static int NoSuchText(TextWriter stderr, Site site, string slug)
    {
        var hint = Diagnostics.Suggestions.Closest(slug, site.Texts.Select(t => t.Slug)) is { } s ? $" Did you mean '{s}'?" : "";
        stderr.WriteLine($"error: there is no text '{slug}'.{hint} The texts are: {string.Join(", ", site.Texts.Select(t => t.Slug))}");
        return Cli.UsageError;
    }

    /// <summary>The <c>anchored:</c> block of a record, one line per field.</summary>
    public static string RecordYaml(PassageRecord record, string newline = "\n") =>
        $"anchored:{newline}" +
        $"  paragraph: {record.Paragraph.ToString(CultureInfo.InvariantCulture)}{newline}" +
        $"  hash: \"{record.Hash}\"{newline}" +
        (record.Text is { } text ? $"  text: {Quoted(text)}{newline}" : "");

    /// <summary>
    /// The file with its <c>anchored:</c> block replaced by <paramref name="record"/> (or added at the
    /// end of the front matter); null when the file has no front matter to change.
    /// </summary>
    public static string? WithRecord(string file, PassageRecord record)
    {
        var newline = file.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = file.Split('\n').ToList();
        string Bare(int i) => lines[i].TrimEnd('\r');
        if (lines.Count == 0 || Bare(0) != "---") return null;
        var close = lines.FindIndex(1, l => l.TrimEnd('\r') == "---");
        if (close < 0) return null;
        var block = RecordYaml(record, newline).Split(newline)[..^1].Select(l => l + (newline == "\r\n" ? "\r" : "")).ToList();
        var start = lines.FindIndex(1, close - 1, l => l.StartsWith("anchored:", StringComparison.Ordinal));
        if (start < 0)
        {
            lines.InsertRange(close, block);
            return string.Join('\n', lines);
        }
        var end = start + 1;
        while (end < close && (Bare(end).Length == 0 || Bare(end)[0] is ' ' or '\t')) end++;
        // Blank lines that follow the block belong to what comes after it.
        while (end > start + 1 && Bare(end - 1).Trim().Length == 0) end--;
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, block);
        return string.Join('\n', lines);
    }
}
