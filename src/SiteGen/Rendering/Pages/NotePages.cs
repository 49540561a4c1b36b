using SiteGen.Model;
using SiteGen.Addresses;
using SiteGen.Rendering.Body;

namespace SiteGen.Rendering.Pages;

/// <summary>The editors' notes, text by text and by kind (<c>annotations/</c>, then <c>annotations/&lt;n&gt;/</c> when they are many).</summary>
internal sealed class NotePages(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        for (var n = 1; n <= r.Site.Lists.NotePageCount; n++)
        {
            var number = n;
            var slugs = SlugsOn(number);
            yield return new(r.Urls.FileFor(r.Urls.AnnotationsPage(number)),
                [.. RenderContext.PageInputs, Inputs.NoteList, Inputs.TextList, Inputs.Registry,
                 .. slugs.Select(Inputs.Text), .. slugs.SelectMany(s => r.Site.NotesByText[s]).Select(a => Inputs.Note(a.Note.Id))],
                () => Page(number));
        }
    }

    private List<string> SlugsOn(int number) => [.. r.Site.Lists.NotePages.On(number).Select(run => run.Group)];

    /// <summary>Page <paramref name="number"/> (1-based) of the notes, text by text; the first is the notes page itself.</summary>
    private OutputFile? Page(int number)
    {
        var plan = r.Site.Lists.NotePages;
        var slugs = SlugsOn(number);
        List<NoteView> Of(string slug) => [.. r.Site.NotesByText[slug].Select(n => r.Notes[n.Note.Id])];
        var notes = slugs.SelectMany(Of).ToList();
        var byText = slugs.Select(s => new NoteGroupView(r.Texts[s].Title, "text-" + s, Of(s), r.Texts[s])).ToList();
        var byKind = Enum.GetValues<NoteKind>()
            .Select(k => new NoteGroupView(Vocabulary.NoteKinds.Label(k), "kind-" + Vocabulary.NoteKinds.Word(k), notes.Where(n => n.Kind == Vocabulary.NoteKinds.Word(k)).ToList(), null))
            .Where(g => g.Notes.Count > 0).ToList();
        var pageCount = r.Site.Lists.NotePageCount;
        var links = pageCount == 1 ? [] : Enumerable.Range(1, pageCount).Select(n =>
        {
            var runs = plan.On(n).ToList();
            return new PageLinkView(TextMarkup.Number(n), r.Urls.AnnotationsPage(n), RenderContext.Months(r.Site.TextOf(runs[0].Group).Date, r.Site.TextOf(runs[^1].Group).Date));
        }).ToList();
        var total = r.Site.Notes.Length;
        var model = new NotesPageView(total, notes, byText, byKind, r.Urls.AnnotationExport, number, links,
            number > 1 ? r.Urls.AnnotationsPage(number - 1) : null, number < pageCount ? r.Urls.AnnotationsPage(number + 1) : null);
        var title = pageCount == 1 ? "Notes" : $"Notes, page {number} of {pageCount}";
        return r.Composer.Page("notes.html", r.Head(title, $"The editors’ {total} notes on the texts of {r.Info.Title}: corrections, context and translation, by text and by kind.",
            r.Urls.AnnotationsPage(number), "notes"), model);
    }
}
