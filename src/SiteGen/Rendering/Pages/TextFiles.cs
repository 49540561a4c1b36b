using System.Text;
using SiteGen.Model;
using SiteGen.Exports;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// Beside each text's page, its data: its notes as a W3C Web Annotation collection (<c>annotations.jsonld</c>, also
/// when it has none, so that every text page links one) and its citation as BibTeX and CSL-JSON (<c>cite.bib</c>, <c>cite.json</c>).
/// </summary>
internal sealed class TextFiles(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        foreach (var text in r.Content.Texts)
        {
            var notes = r.Site.NotesByText.GetValueOrDefault(text.Slug, []);
            var url = r.Urls.TextAnnotationExport(text.Slug);
            yield return new(r.Urls.FileFor(url),
                [Inputs.Site, Inputs.Templates, Inputs.Registry, Inputs.NoteList, Inputs.Text(text.Slug), .. notes.Select(n => Inputs.Note(n.Note.Id))],
                () => new(r.Urls.FileFor(url), WebAnnotationExport.Write(r.Site, notes, url,
                    $"Notes of the editors of {r.Info.Title} on “{text.Title}”", r.Urls, r.NoteHtml, r.Permalink)));
            ImmutableArray<string> cited = [Inputs.Site, Inputs.Text(text.Slug)];
            var bib = r.Urls.FileFor(r.Urls.TextBibTeX(text.Slug));
            yield return new(bib, cited, () => new(bib, Encoding.UTF8.GetBytes(Citations.BibTeX(r.CitationOf(text.Slug)))));
            var csl = r.Urls.FileFor(r.Urls.TextCslJson(text.Slug));
            yield return new(csl, cited, () => new(csl, Citations.CslJson(r.CitationOf(text.Slug))));
        }
    }
}
