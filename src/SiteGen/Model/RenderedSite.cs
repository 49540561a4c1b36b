namespace SiteGen.Model;

/// <summary>One file of the generated site, relative to the output folder, with forward slashes.</summary>
internal sealed record OutputFile(string Path, byte[] Content);

/// <summary>Every file of the site, rendered in memory (for <c>serve</c>, <c>check</c> and tests).</summary>
internal sealed record RenderedSite(ImmutableArray<OutputFile> Files);

/// <summary>
/// Where rendering puts each file as soon as it is made, from any thread: the output stage's staging folder
/// (nothing becomes visible until the whole site is there), or memory. Pages are not held until the end.
/// </summary>
internal interface IFileSink
{
    void Add(OutputFile file);
}

/// <summary>Keeps every file in memory, for a site that is served, checked or looked at rather than written.</summary>
internal sealed class MemorySink : IFileSink
{
    private readonly System.Collections.Concurrent.ConcurrentBag<OutputFile> _files = [];

    public void Add(OutputFile file) => _files.Add(file);

    /// <summary>The files, in path order, whatever order they were made in.</summary>
    public RenderedSite ToSite() => new([.. _files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
}

/// <summary>Gives each file to several sinks.</summary>
internal sealed class Tee(params IFileSink[] sinks) : IFileSink
{
    public void Add(OutputFile file)
    {
        foreach (var sink in sinks) sink.Add(file);
    }
}

/// <summary>
/// What a build made, kept in memory for the next build (<c>serve</c>): each file with the inputs it declared, and the
/// fingerprints those inputs had. A file whose inputs are the same and have the same fingerprints is not made again.
/// </summary>
internal sealed record MadeFiles(FrozenDictionary<string, string> Fingerprints, FrozenDictionary<string, (ImmutableArray<string> Inputs, OutputFile File)> Files)
{
    /// <summary>The file as the last build made it, when nothing it is made from has changed since; null otherwise.</summary>
    public OutputFile? Unchanged(PlannedFile planned, FrozenDictionary<string, string> fingerprints)
    {
        if (!Files.TryGetValue(planned.Path, out var made) || !made.Inputs.SequenceEqual(planned.Inputs, StringComparer.Ordinal)) return null;
        foreach (var input in planned.Inputs)
            if (!Fingerprints.TryGetValue(input, out var before) || !fingerprints.TryGetValue(input, out var now) || before != now) return null;
        return made.File;
    }
}
