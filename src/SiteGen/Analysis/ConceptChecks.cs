using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>References between concepts must lead somewhere; a concept should recur across texts.</summary>
internal static class ConceptChecks
{
    public static void CheckReferences(Site site, DiagnosticBag diagnostics)
    {
        var ids = site.Concepts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var concept in site.Concepts)
        {
            foreach (var related in concept.Related)
                CheckId(related, ids, "related", diagnostics);
            foreach (var link in concept.Links)
                CheckId(link, ids, "[[...]]", diagnostics);
        }
        foreach (var link in site.Info.IntroductionLinks)
            CheckId(link, ids, "[[...]]", diagnostics);
        foreach (var annotation in site.Notes)
        {
            foreach (var id in annotation.Concepts)
                CheckId(id, ids, "concepts", diagnostics);
            foreach (var link in annotation.Links)
                CheckId(link, ids, "[[...]]", diagnostics);
        }
    }

    /// <summary>Reports a reference to a concept that does not exist, with the nearest id.</summary>
    public static void CheckId(Located reference, IReadOnlySet<string> ids, string where, DiagnosticBag diagnostics)
    {
        if (ids.Contains(reference.Value)) return;
        var hint = Suggestions.Closest(reference.Value, ids) is { } s ? $"did you mean '{s}'?" : "the concept ids are the file names in content/concepts/";
        diagnostics.Error(DiagnosticCodes.UnknownConcept, reference.Location,
            $"there is no concept '{reference.Value}' (in {where}): {hint}");
    }

    public static void CheckRecurrence(Site site, FrozenDictionary<string, ImmutableArray<Mention>> byConcept, DiagnosticBag diagnostics)
    {
        // With a text missing, recurrence cannot be judged: that text's own error comes first.
        if (site.UnloadedTexts.Count > 0) return;
        foreach (var concept in site.Concepts)
        {
            var texts = byConcept[concept.Id].Select(m => m.Slug).Distinct().Count();
            if (texts >= 2) continue;
            diagnostics.Warning(DiagnosticCodes.ConceptInOneText, concept.TitleLocation,
                texts == 0
                    ? $"the concept '{concept.Id}' is mentioned in no text: add the phrasings the texts use to its aliases"
                    : $"the concept '{concept.Id}' is mentioned in one text only: a concept should recur across texts; add the phrasings other texts use to its aliases");
        }
    }
}
