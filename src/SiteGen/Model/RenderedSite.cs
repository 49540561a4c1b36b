namespace SiteGen.Model;

/// <summary>One file of the generated site, relative to the output folder, with forward slashes.</summary>
internal sealed record OutputFile(string Path, byte[] Content);

/// <summary>Every file of the site, rendered in memory: nothing is written until all of it succeeded.</summary>
internal sealed record RenderedSite(ImmutableArray<OutputFile> Files);
