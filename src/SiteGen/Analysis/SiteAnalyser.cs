using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>The second stage: works out what the loaded content says about itself.</summary>
public static class SiteAnalyser
{
    public static AnalysedSite Analyse(Site site, DiagnosticBag diagnostics) => new() { Site = site };
}
