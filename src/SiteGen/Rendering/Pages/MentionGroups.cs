using System.Text;
using SiteGen.Model;
using SiteGen.Rendering.Body;
using SiteGen.TextRules;

namespace SiteGen.Rendering.Pages;

/// <summary>A text's mentions of a concept in context: a group of lines under the text's title (on a concept's page and the pages of its mentions).</summary>
internal static class MentionGroups
{
    /// <param name="inSample">The group is one mention of a sample: it has no anchor and does not continue another.</param>
    public static void Write(RenderContext r, StringBuilder html, ImmutableArray<Mention> mentions, PageRun run, int total, int shown, string? allUrl, bool inSample = false)
    {
        var text = r.Site.TextOf(run.Group);
        var lines = new StringBuilder();
        for (var i = run.From; i < run.From + shown; i++)
        {
            var m = mentions[i];
            var words = m.InHeading ? text.Headings[m.Number - 1].PlainText : text.Paragraphs[m.Number - 1].PlainText;
            var line = KeywordInContext.Of(words, m.Start, m.End);
            if (i > run.From) lines.Append('\n');
            lines.Append(r.Templates.Render("partials/mention-line.html", new MentionLineView(r.Urls.Place(m), RenderContext.PlaceLabel(m), line.Left, line.Match, line.Right), r.Diagnostics));
        }
        var summary = r.Texts[run.Group];
        html.Append(r.Templates.Render("partials/mention-group.html", new MentionGroupView(run.First && !inSample ? "in-" + run.Group : null, summary.Url, summary.Title,
            summary.DateIso, summary.DateDisplay, summary.Author, TextMarkup.Number(total), total == 1, !run.First && !inSample, lines.ToString(), allUrl), r.Diagnostics)).Append('\n');
    }
}
