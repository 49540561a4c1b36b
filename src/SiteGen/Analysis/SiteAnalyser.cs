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
        var anchors = NoteAnchorer.Anchor(site, diagnostics);
        PassageDrift.Check(site, anchors, diagnostics);
        lap?.Invoke("analyse: anchors");
        var mentions = MentionFinder.Find(site, diagnostics);
        lap?.Invoke("analyse: mentions");

        var (byParagraph, byHeading) = ByPlace(site, mentions);
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
            Notes = [.. anchors],
            NotesByText = anchors.GroupBy(a => a.Paragraph.Slug, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal),
            NotesByParagraph = anchors.GroupBy(a => a.Paragraph).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray()),
            NotesByConcept = NotesByConcept(site, anchors),
            TextCountByConcept = mentionsByConcept.ToFrozenDictionary(c => c.Key, c => CountTexts(c.Value), StringComparer.Ordinal),
            Lists = Analysis.Lists.Of(site, anchors, mentionsByConcept),
            TextsBySlug = site.Texts.ToFrozenDictionary(t => t.Slug, StringComparer.Ordinal),
        };
        lap?.Invoke("analyse: cross-references");
        return analysed;
    }

    /// <summary>The notes about each concept: those that name it in <c>concepts:</c> or link it in their text.</summary>
    private static FrozenDictionary<string, ImmutableArray<AnchoredNote>> NotesByConcept(Site site, IReadOnlyList<AnchoredNote> notes)
    {
        var byConcept = site.Concepts.ToDictionary(c => c.Id, _ => ImmutableArray.CreateBuilder<AnchoredNote>(), StringComparer.Ordinal);
        foreach (var note in notes)
            foreach (var id in note.Note.Concepts.Select(c => c.Value).Concat(note.Note.Links.Select(l => l.Value)).Distinct(StringComparer.Ordinal))
                if (byConcept.TryGetValue(id, out var list)) list.Add(note);
        return byConcept.ToFrozenDictionary(c => c.Key, c => c.Value.ToImmutable(), StringComparer.Ordinal);
    }

    /// <summary>How many texts a concept's mentions (in reading order, so text by text) are in.</summary>
    private static int CountTexts(ImmutableArray<Mention> mentions)
    {
        var count = 0;
        for (var i = 0; i < mentions.Length; i++)
            if (i == 0 || mentions[i].Slug != mentions[i - 1].Slug) count++;
        return count;
    }

    /// <summary>
    /// The mentions of each paragraph and of each heading. Mentions come in reading order, so those of one place
    /// follow one another: each place's are one slice of the list.
    /// </summary>
    private static (ByPlace<ParagraphRef, ImmutableArray<Mention>>, ByPlace<HeadingRef, ImmutableArray<Mention>>) ByPlace(Site site, IReadOnlyList<Mention> mentions)
    {
        var paragraphs = new ByPlace<ParagraphRef, ImmutableArray<Mention>>.Builder(site.Texts.Select(t => (t.Slug, t.Paragraphs.Length)));
        var headings = new ByPlace<HeadingRef, ImmutableArray<Mention>>.Builder(site.Texts.Select(t => (t.Slug, t.Headings.Length)));
        for (var start = 0; start < mentions.Count;)
        {
            var first = mentions[start];
            var end = start + 1;
            while (end < mentions.Count && mentions[end].Number == first.Number && mentions[end].InHeading == first.InHeading && mentions[end].Slug == first.Slug) end++;
            var slice = ImmutableArray.CreateBuilder<Mention>(end - start);
            for (var i = start; i < end; i++) slice.Add(mentions[i]);
            if (first.InHeading) headings.Set(first.Slug, first.Number, slice.MoveToImmutable());
            else paragraphs.Set(first.Slug, first.Number, slice.MoveToImmutable());
            start = end;
        }
        return (paragraphs.ToReadOnly(), headings.ToReadOnly());
    }
}
