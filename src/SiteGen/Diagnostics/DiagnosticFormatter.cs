namespace SiteGen.Diagnostics;

/// <summary>Writes diagnostics for people on a terminal, one line each, then a summary count.</summary>
public static class DiagnosticFormatter
{
    public static void WriteHuman(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, bool colour)
    {
        foreach (var d in diagnostics)
        {
            var line = d.ToString();
            if (colour)
            {
                var head = $"{d.Location}: ";
                var (word, code) = d.Severity == Severity.Error ? ("error", "\u001b[31m") : ("warning", "\u001b[33m");
                line = $"\u001b[1m{head}\u001b[0m{code}{word}:\u001b[0m {d.Message} \u001b[2m[{d.Code}]\u001b[0m";
            }
            writer.WriteLine(line);
        }
    }

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}";
    }
}
