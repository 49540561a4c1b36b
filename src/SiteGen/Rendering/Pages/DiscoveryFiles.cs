using SiteGen.Model;
using SiteGen.Exports;
using SiteGen.Addresses;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// What lets the edition be found, when its published address is known: <c>sitemap.xml</c> (every page, from the
/// catalogue's plan), <c>robots.txt</c>, and the Atom feed of the texts and notes (<c>feed.xml</c>).
/// </summary>
internal sealed class DiscoveryFiles(RenderContext r, IReadOnlyList<string> pageFiles) : IPageKind
{
    public IEnumerable<PlannedFile> Plan()
    {
        if (r.Urls.Published is not null)
        {
            // Which pages there are follows from the texts, the concepts, the notes and where the concepts are mentioned.
            yield return new(Discovery.SitemapFile, [Inputs.Site, Inputs.TextList, Inputs.Registry, Inputs.NoteList, .. r.Content.Concepts.Select(c => Inputs.Mentions(c.Id))],
                () => Discovery.Sitemap(pageFiles, r.Urls));
            yield return new(Discovery.RobotsFile, [Inputs.Site], () => Discovery.Robots(r.Urls));
        }
        if (r.HasFeed)
            yield return new(Discovery.FeedFile, [Inputs.Site, Inputs.Templates, Inputs.Registry, Inputs.TextList, Inputs.NoteList,
                .. r.Content.Texts.Select(t => Inputs.Text(t.Slug)), .. r.Site.Notes.Select(n => Inputs.Note(n.Note.Id))], Feed);
    }

    /// <summary>The Atom feed: every text, and every editors' note (dated by its own date, or its text's).</summary>
    private OutputFile Feed()
    {
        var info = r.Info;
        var texts = r.Content.Texts.Select(t => new Discovery.Entry(r.Urls.Absolute(r.Urls.Text(t.Slug)), t.Title, t.Date,
            r.CitationOf(t.Slug).Creator, t.Summary, null, "text"));
        var notes = r.Site.Notes.Select(anchor =>
        {
            var a = anchor.Note;
            var text = r.Site.TextOf(a.TextSlug);
            return new Discovery.Entry(r.Urls.Absolute(r.Permalink(a)),
                $"{Vocabulary.NoteKinds.Label(a.Kind)} on “{text.Title}”, ¶{anchor.Paragraph.Number}: “{Shorten(r.Notes[a.Id].Quote, 80)}”",
                a.Date ?? text.Date, a.Author, null, r.FeedNoteHtml(a), "note");
        });
        return Discovery.Feed(info, [.. texts, .. notes], r.Urls);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(s.LastIndexOf(' ', max - 1) is > 20 and var i ? i : max - 1)] + "…";
}
