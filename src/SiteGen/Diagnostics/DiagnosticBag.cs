namespace SiteGen.Diagnostics;

/// <summary>
/// Collects the problems of a whole run, so that a contributor sees all of them at once.
/// Thread-safe: loaders and renderers run in parallel. <see cref="Sorted"/> gives a stable order.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    public void Error(string code, SourceLocation location, string message) => Add(Diagnostic.Error(code, location, message));
    public void Warning(string code, SourceLocation location, string message) => Add(Diagnostic.Warning(code, location, message));

    public bool HasErrors { get { lock (_lock) return _items.Any(d => d.Severity == Severity.Error); } }

    public int Count { get { lock (_lock) return _items.Count; } }

    /// <summary>All problems by file, line and column, whatever order they were found in.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_lock)
            return _items
                .Distinct()
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
    }
}
