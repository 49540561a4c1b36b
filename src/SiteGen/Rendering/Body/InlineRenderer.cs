using System.Text;
using SiteGen.Model;

namespace SiteGen.Rendering.Body;

/// <summary>
/// Writes inline content as HTML while laying decorations over plain-text offsets. Within one run
/// of words, open decorations stay open; at a formatting boundary they are closed and reopened,
/// so the output always nests properly. The elements' tags are the templates' (<see cref="InlineTags"/>).
/// </summary>
internal static class InlineRenderer
{
    /// <param name="concepts">For editors' prose: a concept's address and title by id, for <c>[[id]]</c> links (null for an id no concept has).</param>
    /// <param name="address">For prose shown away from the site (the feed): a link's address as it is to be written.</param>
    public static void Render(StringBuilder html, InlineTags tags, IReadOnlyList<Inline> content, IReadOnlyList<Decoration> decorations,
        Func<string, (string Url, string Title)?>? concepts = null, Func<string, string>? address = null)
    {
        var ordered = decorations.Count == 0
            ? decorations
            : decorations.OrderBy(d => d.Start).ThenByDescending(d => d.End).ToList();
        var state = new State { Tags = tags, Concepts = concepts, Address = address ?? (url => url) };
        Render(html, content, ordered, state);
        Flush(html, state.Pending);
    }

    /// <summary>
    /// Where the walk is: how many links of the source are open; and what follows a closed range
    /// (a note's marker, itself a link) but must wait until no link is open, since a link inside a
    /// link is not HTML. Offsets come from the inlines themselves (<see cref="Inline.Start"/>).
    /// </summary>
    private sealed class State
    {
        public int SourceLinks;
        public readonly StringBuilder Pending = new();
        /// <summary>The first decoration (in start order) not yet met, and those met that may still be open.</summary>
        public int Next;
        public readonly List<Decoration> Live = [];
        public readonly List<int> Points = [];
        public required InlineTags Tags;
        public Func<string, (string Url, string Title)?>? Concepts;
        public Func<string, string> Address = url => url;
    }

    private static void Render(StringBuilder html, IReadOnlyList<Inline> content, IReadOnlyList<Decoration> decorations, State state)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case Words words:
                    RenderRun(html, words.Value, words.Start, decorations, state);
                    break;
                case Code code:
                    html.Append(state.Tags.Code.Open);
                    RenderRun(html, code.Value, code.Start, decorations, state);
                    html.Append(state.Tags.Code.Close);
                    break;
                case Break br:
                    RenderRun(html, br.Hard ? "\n" : " ", br.Start, decorations, state, hardBreak: br.Hard);
                    break;
                case Emphasis emphasis:
                    var (open, close) = state.Tags.Emphasis(emphasis.Kind);
                    html.Append(open);
                    Render(html, emphasis.Children, decorations, state);
                    html.Append(close);
                    break;
                case Link link:
                    var (linkOpen, linkClose) = state.Tags.Link(state.Address(link.Url));
                    html.Append(linkOpen);
                    state.SourceLinks++;
                    Render(html, link.Children, decorations, state);
                    state.SourceLinks--;
                    html.Append(linkClose);
                    if (state.SourceLinks == 0) Flush(html, state.Pending);
                    break;
                case ConceptLink concept:
                    if (state.Concepts?.Invoke(concept.ConceptId) is not var (url, title))
                    {
                        // An id no concept has stays as written (the analysis reports it).
                        Html.EscapeMarkingChinese(html, $"[[{concept.ConceptId}]]");
                        break;
                    }
                    var (conceptOpen, conceptClose) = state.Tags.ConceptLink(state.Address(url));
                    html.Append(conceptOpen);
                    state.SourceLinks++;
                    if (concept.Children.IsEmpty) Html.EscapeMarkingChinese(html, title);
                    else Render(html, concept.Children, decorations, state);
                    state.SourceLinks--;
                    html.Append(conceptClose);
                    if (state.SourceLinks == 0) Flush(html, state.Pending);
                    break;
                default:
                    throw Inlines.Unknown(inline);
            }
        }
    }

    /// <summary>
    /// Writes the characters [start, start + text.Length) of the paragraph, decorated. Decorations come sorted by start
    /// (then longest first), and runs in the paragraph's order: the state's cursor walks them once for the whole
    /// paragraph, keeping those still open (<see cref="State.Live"/>), so that the cost is the paragraph's length and
    /// its decorations, whatever their number.
    /// </summary>
    private static void RenderRun(StringBuilder html, string text, int start, IReadOnlyList<Decoration> decorations, State state, bool hardBreak = false)
    {
        var end = start + text.Length;
        var live = state.Live;
        // Those that ended before this run are done; those that start before its end join.
        live.RemoveAll(d => d.End <= start);
        while (state.Next < decorations.Count && decorations[state.Next].Start < end)
        {
            var d = decorations[state.Next++];
            if (d.End > start) live.Add(d);
        }
        if (live.Count == 0)
        {
            Write(html, text, hardBreak, state.Tags);
            return;
        }
        // Points where the set of open decorations changes inside this run.
        var points = state.Points;
        points.Clear();
        points.Add(start);
        points.Add(end);
        foreach (var d in live)
        {
            if (d.Start > start && d.Start < end) points.Add(d.Start);
            if (d.End > start && d.End < end) points.Add(d.End);
        }
        points.Sort();
        var open = new List<Decoration>();
        // The decorations over the segment at hand, in the order of the live ones (start, then longest first): as the
        // segments go, those that start join and those that end leave, so that each is looked at a few times only.
        var active = new List<Decoration>();
        var joining = 0;
        var pending = state.Pending;
        for (var i = 0; i < points.Count - 1; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (from == to) continue;
            active.RemoveAll(d => d.End <= from);
            while (joining < live.Count && live[joining].Start <= from)
            {
                var d = live[joining++];
                if (d.End > from) active.Add(d);
            }
            // Close what is no longer active, and everything opened inside it, innermost first.
            var keep = 0;
            while (keep < open.Count && active.Contains(open[keep])) keep++;
            for (var j = open.Count - 1; j >= keep; j--) Close(html, open[j], from, pending);
            open.RemoveRange(keep, open.Count - keep);
            if (state.SourceLinks == 0 && !open.Any(d => d.IsLink)) Flush(html, pending);
            foreach (var d in active)
            {
                if (open.Contains(d)) continue;
                html.Append(d.Open);
                open.Add(d);
            }
            Write(html, text.AsSpan(from - start, to - from), hardBreak, state.Tags);
        }
        for (var j = open.Count - 1; j >= 0; j--) Close(html, open[j], end, pending);
        if (state.SourceLinks == 0) Flush(html, pending);
    }

    private static void Close(StringBuilder html, Decoration decoration, int at, StringBuilder pending)
    {
        html.Append(decoration.Close);
        if (decoration.End == at) pending.Append(decoration.After);
    }

    private static void Flush(StringBuilder html, StringBuilder pending)
    {
        html.Append(pending);
        pending.Clear();
    }

    private static void Write(StringBuilder html, ReadOnlySpan<char> text, bool hardBreak, InlineTags tags)
    {
        if (hardBreak) html.Append(tags.LineBreak).Append('\n');
        else Html.EscapeMarkingChinese(html, text);
    }
}
