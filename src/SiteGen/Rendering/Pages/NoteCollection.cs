using SiteGen.Model;
using SiteGen.Exports;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// The edition's notes as one W3C Web Annotation collection (<c>annotations.jsonld</c>): with its one page inside it
/// while the notes are few; else the collection and its pages (<c>annotations/page-&lt;n&gt;.jsonld</c>).
/// </summary>
internal sealed class NoteCollection(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        var plan = r.Site.Lists.ExportPages;
        var label = $"Notes of the editors of {r.Info.Title}";
        var collection = r.Urls.AnnotationExport;
        ImmutableArray<string> InputsOf(IEnumerable<AnchoredNote> notes) =>
            [Inputs.Site, Inputs.Templates, Inputs.Registry, Inputs.NoteList, .. notes.Select(n => n.Paragraph.Slug).Distinct(StringComparer.Ordinal).Select(Inputs.Text),
             .. notes.Select(n => Inputs.Note(n.Note.Id))];
        if (plan.Pages <= 1)
        {
            yield return new(r.Urls.FileFor(collection), InputsOf(r.Site.Notes),
                () => new(r.Urls.FileFor(collection), WebAnnotationExport.Write(r.Site, r.Site.Notes, collection, label, r.Urls, r.NoteHtml, r.Permalink)));
            yield break;
        }
        yield return new(r.Urls.FileFor(collection), [Inputs.Site, Inputs.NoteList],
            () => new(r.Urls.FileFor(collection), WebAnnotationExport.Collection(r.Site.Notes.Length, plan.Pages, collection, label, r.Urls)));
        foreach (var run in plan.Runs)
        {
            var notes = r.Site.Notes.AsSpan(run.From, run.Count).ToArray();
            var file = r.Urls.FileFor(r.Urls.AnnotationExportPage(run.Page));
            yield return new(file, InputsOf(notes),
                () => new(file, WebAnnotationExport.Page(r.Site, notes, run.Page, plan.Pages, collection, r.Urls, r.NoteHtml, r.Permalink)));
        }
    }
}
