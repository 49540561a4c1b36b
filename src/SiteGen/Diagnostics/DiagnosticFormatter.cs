using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Diagnostics;

/// <summary>How diagnostics are written: for people, for GitHub's pull-request view, or for tools.</summary>
internal enum DiagnosticFormat { Human, GitHub, Json }

/// <summary>Writes diagnostics in one of the <see cref="DiagnosticFormat"/>s, one line each.</summary>
internal static class DiagnosticFormatter
{
    /// <summary>The format to use when none is asked for: GitHub's inside GitHub Actions, else human.</summary>
    public static DiagnosticFormat Default(IDictionary<string, string?> environment) =>
        environment.TryGetValue("GITHUB_ACTIONS", out var value) && value == "true" ? DiagnosticFormat.GitHub : DiagnosticFormat.Human;

    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, bool colour)
    {
        switch (format)
        {
            case DiagnosticFormat.GitHub:
                foreach (var d in diagnostics) writer.WriteLine(GitHub(d));
                break;
            case DiagnosticFormat.Json:
                writer.WriteLine(Json(diagnostics));
                break;
            default:
                WriteHuman(writer, diagnostics, colour);
                break;
        }
    }

    public static void WriteHuman(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, bool colour)
    {
        foreach (var d in diagnostics)
        {
            var line = Printable(d.ToString());
            if (colour)
            {
                var head = Printable($"{d.Location}: ");
                var (word, code) = d.Severity == Severity.Error ? ("error", "\u001b[31m") : ("warning", "\u001b[33m");
                line = $"\u001b[1m{head}\u001b[0m{code}{word}:\u001b[0m {Printable(d.Message)} \u001b[2m[{d.Code}]\u001b[0m";
            }
            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// A message as a terminal may show it: control characters (an escape sequence quoted from content would
    /// recolour, move or retitle the terminal) and bidirectional controls are written as <c>\u001b</c>; line
    /// breaks stay.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(IsUnprintable)) return text;
        var printable = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnprintable(c)) printable.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else printable.Append(c);
        }
        return printable.ToString();
    }

    private static bool IsUnprintable(char c) =>
        c != '\n' && (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F');

    /// <summary>
    /// A GitHub Actions workflow command, which GitHub shows on the pull request's changed line:
    /// <c>::error file=content/x.md,line=3,col=7,title=SG0107::message</c>.
    /// </summary>
    public static string GitHub(Diagnostic d) =>
        $"::{(d.Severity == Severity.Error ? "error" : "warning")} file={Property(d.Location.Path)},line={d.Location.Line},col={d.Location.Column},title={Property(d.Code)}::{Data(d.Message)}";

    // Escaping as GitHub's runner (toolkit/core command.ts) expects.
    private static string Data(string s) => Printable(s).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private sealed record JsonDiagnostic(string Severity, string Code, string File, int Line, int Column, string Message);
    private sealed record JsonReport(IReadOnlyList<JsonDiagnostic> Diagnostics, int Errors, int Warnings);

    /// <summary>All diagnostics as one JSON document, with counts.</summary>
    public static string Json(IReadOnlyList<Diagnostic> diagnostics) => JsonSerializer.Serialize(
        new JsonReport(
            diagnostics.Select(d => new JsonDiagnostic(d.Severity == Severity.Error ? "error" : "warning", d.Code, d.Location.Path, d.Location.Line, d.Location.Column, d.Message)).ToList(),
            diagnostics.Count(d => d.Severity == Severity.Error),
            diagnostics.Count(d => d.Severity == Severity.Warning)),
        JsonOptions);

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}";
    }
}
