namespace SiteGen.Diagnostics;

internal enum Severity { Warning, Error }

/// <summary>
/// One problem with the content or templates, reported to a contributor: where it is, what is
/// wrong and what to do. <see cref="Code"/> is stable across releases (see <see cref="DiagnosticCodes"/>).
/// </summary>
internal sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message)
{
    public static Diagnostic Error(string code, SourceLocation location, string message) => new(Severity.Error, code, location, message);
    public static Diagnostic Warning(string code, SourceLocation location, string message) => new(Severity.Warning, code, location, message);

    /// <summary>The one-line human form: <c>path:line:col: error: message [SG0101]</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")}: {Message} [{Code}]";
}
