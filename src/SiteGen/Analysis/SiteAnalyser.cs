using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// The second stage: works out what the loaded content says about itself — where each concept is
/// mentioned, which concepts go together, which passages speak of the same things.
/// </summary>
internal static class SiteAnalyser
{
    /// <param name="lap">Called with the name of each step as it ends, for timings.</param>
    public static AnalysedSite Analyse(Site site, DiagnosticBag diagnostics, Action<string>? lap = null)
    {
        ConceptChecks.CheckReferences(site, diagnostics);
        var anchors = AnnotationAnchorer.Anchor(site, diagnostics);
        PassageDrift.Check(site, anchors, diagnostics);
        lap?.Invoke("analyse: anchors");
        var mentions = MentionFinder.Find(site, diagnostics);
        lap?.Invoke("analyse: mentions");

        var byParagraph = mentions.Where(m => !m.InHeading).GroupBy(m => m.Paragraph!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        var byHeading = mentions.Where(m => m.InHeading).GroupBy(m => m.Heading!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        var byConcept = site.Concepts.ToDictionary(c => c.Id, _ => ImmutableArray.CreateBuilder<Mention>(), StringComparer.Ordinal);
        foreach (var mention in mentions) byConcept[mention.ConceptId].Add(mention);
        var mentionsByConcept = byConcept.ToFrozenDictionary(c => c.Key, c => c.Value.ToImmutable(), StringComparer.Ordinal);
        ConceptChecks.CheckRecurrence(site, mentionsByConcept, diagnostics);

        var analysed = new AnalysedSite
        {
            Site = site,
            Mentions = [.. mentions],
            MentionsByParagraph = byParagraph,
            MentionsByHeading = byHeading,
            MentionsByConcept = mentionsByConcept,
            CoMentions = CrossReferences.CoMentions(site.Concepts, byParagraph),
            RelatedPassages = CrossReferences.RelatedPassages(site, byParagraph),
            Anchors = [.. anchors],
            TextsBySlug = site.Texts.ToFrozenDictionary(t => t.Slug, StringComparer.Ordinal),
        };
        lap?.Invoke("analyse: cross-references");
        return analysed;
    }
}
