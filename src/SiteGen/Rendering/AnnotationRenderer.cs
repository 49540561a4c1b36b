using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Annotations as readers see them in a text: the passage highlighted, a numbered marker after
/// it, a correction beside the published words, and the note itself in the margin (wide screens)
/// or, on narrow ones, opened in the flow when its marker is followed (CSS <c>:target</c>, no
/// JavaScript needed).
/// </summary>
internal sealed class AnnotationRenderer(Func<Annotation, string> noteHtml)
{
    /// <summary>The highlight over the passage, with the correction and the marker after it.</summary>
    public Decoration Highlight(Anchor anchor)
    {
        var a = anchor.Annotation;
        var after = new StringBuilder();
        if (a.Correction is { } correction)
            after.Append(CorrectionHtml(correction));
        after.Append("<a class=\"anno-ref\" id=\"ref-").Append(a.Name).Append("\" href=\"#note-").Append(a.Name)
            .Append("\" aria-label=\"").Append(Vocabulary.AnnotationKinds.Label(a.Kind)).Append(' ').Append(anchor.Number).Append("\">").Append(anchor.Number).Append("</a>");
        return new Decoration(anchor.Start, anchor.End,
            $"<mark class=\"anno anno-{Vocabulary.AnnotationKinds.Word(a.Kind)}\" data-note=\"{a.Name}\">", "</mark>", after.ToString());
    }

    /// <summary>The right reading beside the published words; an empty one means "delete".</summary>
    public static string CorrectionHtml(string correction) => correction.Length == 0
        ? "<span class=\"correction deletion\"><span class=\"sr-only\"> (the editors would delete these words)</span><span aria-hidden=\"true\">[delete]</span></span>"
        : $"<span class=\"correction\"><span class=\"sr-only\"> (the editors’ correction: </span><span aria-hidden=\"true\">[</span>{Html.Escape(correction)}<span aria-hidden=\"true\">]</span><span class=\"sr-only\">)</span></span>";

    /// <summary>The notes of one paragraph, in reading order.</summary>
    public string Notes(int paragraph, IReadOnlyList<Anchor> anchors)
    {
        var html = new StringBuilder();
        html.Append("<aside class=\"notes\" aria-label=\"Notes on paragraph ").Append(paragraph).Append("\">");
        foreach (var anchor in anchors)
        {
            var a = anchor.Annotation;
            html.Append("<div class=\"note note-").Append(Vocabulary.AnnotationKinds.Word(a.Kind)).Append("\" id=\"note-").Append(a.Name).Append("\" role=\"note\">")
                .Append("<p class=\"note-head\"><a class=\"note-num\" href=\"#ref-").Append(a.Name).Append("\" aria-label=\"Back to the passage\">")
                .Append(anchor.Number).Append("</a> <span class=\"note-kind\">").Append(Vocabulary.AnnotationKinds.Label(a.Kind)).Append("</span>");
            if (a.Correction is { } correction)
                html.Append(" <span class=\"note-reading\">").Append(correction.Length == 0 ? "delete “" + Html.Escape(a.Quote) + "”" : Html.Escape(correction)).Append("</span>");
            html.Append("</p>").Append(noteHtml(a)).Append("</div>");
        }
        html.Append("</aside>");
        return html.ToString();
    }
}
