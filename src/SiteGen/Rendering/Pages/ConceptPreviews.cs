using SiteGen.Model;
using SiteGen.Exports;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>What a mention's preview shows (<c>concepts/previews.json</c>, read by site.js on the first hover or focus).</summary>
internal sealed class ConceptPreviews(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var file = r.Urls.FileFor(r.Urls.ConceptPreviews);
        yield return new(file, [Inputs.Registry, .. r.Content.Concepts.Select(c => Inputs.Mentions(c.Id))], () =>
            new(file, ConceptPreviewData.Write(r.Content.Concepts.Select(c =>
            {
                var summary = r.Concepts[c.Id];
                return new ConceptPreviewData.Preview(c.Id, c.Title, c.Chinese, c.Pinyin, ConceptPreviewData.FirstSentence(c.Commentary.FirstParagraph(r.TitleOf)),
                    summary.MentionCount, summary.TextCount);
            }))));
    }
}
