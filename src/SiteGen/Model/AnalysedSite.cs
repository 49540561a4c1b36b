namespace SiteGen.Model;

/// <summary>The site with everything analysis found: the input of rendering.</summary>
public sealed record AnalysedSite
{
    public required Site Site { get; init; }
}
