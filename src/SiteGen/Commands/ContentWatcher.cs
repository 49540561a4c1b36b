using SiteGen.Model;
using SiteGen.FileSystem;

namespace SiteGen.Commands;

/// <summary>
/// What <c>serve</c> watches: the content and templates folders, each with its files and folders, and the folder
/// each is in, so that a watched folder deleted or moved away and put back is watched again (a watcher on a folder
/// that is gone hears nothing more). A burst of changes (an editor's save writes several files within a few
/// milliseconds) is one rebuild, once it has been quiet for <see cref="Settle"/> ms.
/// </summary>
internal sealed class ContentWatcher : IDisposable
{
    /// <summary>How long a burst of file changes must be quiet before the rebuild.</summary>
    internal const int Settle = 30;

    private readonly Action _rebuild;
    private readonly Action<string> _say;
    private readonly ProjectPaths _paths;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher?> _folders = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _parents = [];
    private Timer? _timer;
    private bool _disposed;

    public ContentWatcher(IEnumerable<string> folders, Action rebuild, Action<string> say, ProjectPaths paths)
    {
        _rebuild = rebuild;
        _say = say;
        _paths = paths;
        foreach (var folder in folders.Select(Path.TrimEndingDirectorySeparator).Distinct(StringComparer.Ordinal))
        {
            _folders[folder] = null;
            Rewatch(folder);
            if (Path.GetDirectoryName(folder) is { } parent && Directory.Exists(parent))
            {
                var name = Path.GetFileName(folder);
                var watcher = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName };
                watcher.Created += (_, e) => { if (e.Name == name) Returned(folder); };
                watcher.Deleted += (_, e) => { if (e.Name == name) Gone(folder); };
                watcher.Renamed += (_, e) =>
                {
                    if (e.OldName == name) Gone(folder);
                    if (e.Name == name) Returned(folder);
                };
                watcher.EnableRaisingEvents = true;
                _parents.Add(watcher);
            }
        }
    }

    /// <summary>Watches <paramref name="folder"/> afresh, when it is there.</summary>
    private void Rewatch(string folder)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _folders[folder]?.Dispose();
            _folders[folder] = null;
            if (!Directory.Exists(folder)) return;
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
            watcher.Changed += Changed;
            watcher.Created += Changed;
            watcher.Deleted += Changed;
            watcher.Renamed += (s, e) => Changed(s, e);
            // A watcher that loses its folder (or overflows) reports an error: it is made again, and a rebuild tells what is there.
            watcher.Error += (_, _) => { Rewatch(folder); Changed(null, null); };
            watcher.EnableRaisingEvents = true;
            _folders[folder] = watcher;
        }
    }

    private void Gone(string folder)
    {
        _say($"{_paths.Display(folder)}/ is gone: serving the last good site, and waiting for the folder to come back to rebuild.");
        Rewatch(folder);
        Changed(null, null);
    }

    private void Returned(string folder)
    {
        _say($"{_paths.Display(folder)}/ is back: watching it again.");
        Rewatch(folder);
        Changed(null, null);
    }

    private void Changed(object? sender, FileSystemEventArgs? e)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _timer?.Dispose();
            _timer = new Timer(_ => _rebuild(), null, Settle, Timeout.Infinite);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            foreach (var watcher in _folders.Values) watcher?.Dispose();
            foreach (var watcher in _parents) watcher.Dispose();
        }
    }
}
