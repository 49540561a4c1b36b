using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// A fingerprint of every input a file of the site may declare (<see cref="Inputs"/>): the digest of each file people
/// write, and a digest of what the analysis works out across files. Two builds whose fingerprints of a file's inputs
/// are equal make that file byte for byte the same; an input a build does not have has no fingerprint (it differs
/// from any).
/// </summary>
internal static class Fingerprints
{
    public static FrozenDictionary<string, string> Of(AnalysedSite analysed, Theme theme)
    {
        var site = analysed.Site;
        var result = new Dictionary<string, string>(site.Digests, StringComparer.Ordinal);
        // site.yml as read, and the addresses the build was asked for (--base-url), which every page is written for.
        result[Inputs.Site] = Inputs.Digest($"{site.Digests.GetValueOrDefault(Inputs.Site)}\0{site.Info.BaseUrl}\0{site.Info.PublishedUrl}");
        result[Inputs.Templates] = Inputs.Digest(Join(theme.Templates.Select(t => t.Name + "\0" + t.Text)));
        foreach (var asset in theme.Assets) result[Inputs.Asset(asset.Path)] = Inputs.Digest(asset.Content);
        result[Inputs.Assets] = Inputs.Digest(Join(theme.Assets.Select(a => a.Path + "\0" + result[Inputs.Asset(a.Path)])));
        result[Inputs.TextList] = Inputs.Digest(Join(site.Texts.Select(t => $"{t.Slug}\0{t.Title}\0{t.Date:yyyy-MM-dd}")));
        result[Inputs.Registry] = Inputs.Digest(Join(site.Concepts.Select(c => c.Id + "\0" + site.Digests.GetValueOrDefault(Inputs.Concept(c.Id)))));
        result[Inputs.NoteList] = Inputs.Digest(Join(analysed.Notes.Select(n =>
            FormattableString.Invariant($"{n.Note.Id}\0{n.Paragraph.Slug}\0{n.Paragraph.Number}\0{n.Start}\0{n.End}\0{n.Number}\0{n.Note.Kind}"))));
        foreach (var concept in site.Concepts)
        {
            var text = new StringBuilder();
            foreach (var m in analysed.MentionsByConcept[concept.Id])
                text.Append(CultureInfo.InvariantCulture, $"{m.Slug}\0{m.InHeading}\0{m.Number}\0{m.Start}\0{m.End}\n");
            text.Append('\u0001');
            foreach (var c in analysed.CoMentions[concept.Id]) text.Append(CultureInfo.InvariantCulture, $"{c.ConceptId}\0{c.Paragraphs}\n");
            result[Inputs.Mentions(concept.Id)] = Inputs.Digest(text.ToString());
        }
        foreach (var t in site.Texts)
        {
            var text = new StringBuilder();
            for (var p = 1; p <= t.Paragraphs.Length; p++)
            {
                if (!analysed.RelatedPassages.TryGetValue(new ParagraphRef(t.Slug, p), out var passages)) continue;
                text.Append(CultureInfo.InvariantCulture, $"{p}:");
                foreach (var r in passages) text.Append(CultureInfo.InvariantCulture, $"{r.Paragraph.Slug}\0{r.Paragraph.Number}\0{string.Join(',', r.SharedConceptIds)}\0{r.Opening}\n");
            }
            result[Inputs.Related(t.Slug)] = Inputs.Digest(text.ToString());
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Join(IEnumerable<string> parts) => string.Join('\n', parts);
}
