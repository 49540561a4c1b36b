using SiteGen.Model;
using SiteGen.Exports;

namespace SiteGen.Rendering.Pages;

/// <summary>The concordance of each concept whose page does not list every mention (<see cref="Concordance"/>): where each mention is.</summary>
internal sealed class ConcordanceFiles(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var numbers = new Lazy<Dictionary<string, int>>(() => r.Content.Texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal));
        foreach (var concept in r.Content.Concepts)
        {
            if (!r.Site.Lists.IsSummarised(concept.Id)) continue;
            var id = concept.Id;
            var path = r.Urls.FileFor(r.Urls.Concordance(id));
            var mentions = r.Site.MentionsByConcept[id];
            // A heading's words are written with its mentions; a paragraph's are the search index's.
            var headingTexts = mentions.Where(m => m.InHeading).Select(m => m.Slug).Distinct(StringComparer.Ordinal).Select(Inputs.Text);
            yield return new(path, [Inputs.Mentions(id), Inputs.TextList, .. headingTexts], () => Concordance.Write(path, mentions, r.Site.Site, numbers.Value));
        }
    }
}
