namespace SiteGen.Model;

/// <summary>A run of one group's items (a text's mentions of a concept, a text's notes, a year's texts) on one page of a list.</summary>
/// <param name="Group">The group's key: a text's slug, or a year.</param>
/// <param name="From">The run's first item, as an index into the whole list.</param>
/// <param name="Page">The page's number, 1-based; 0 when the list is not paged (it stands whole on the page that owns it).</param>
/// <param name="First">Whether the run starts its group (a group longer than a page is cut into several runs).</param>
internal readonly record struct PageRun(string Group, int From, int Count, int Page, bool First);

/// <summary>
/// How one list of the site is laid out on pages: the runs of its groups in order, how many pages (0: none, the list
/// stands whole on its owner's page), the page where each group starts and each group's size. Every paged list of the
/// site (a year's texts, the notes, a concept's mentions, the Web Annotation collection) has one, made by the analysis.
/// </summary>
internal sealed record PagePlan(ImmutableArray<PageRun> Runs, int Pages, FrozenDictionary<string, int> PageOfGroup, FrozenDictionary<string, int> SizeOfGroup)
{
    public static readonly PagePlan Empty = new([], 0, FrozenDictionary<string, int>.Empty, FrozenDictionary<string, int>.Empty);

    /// <summary>The runs on page <paramref name="page"/> (1-based; 0 when the list is not paged), in order.</summary>
    public IEnumerable<PageRun> On(int page)
    {
        // Runs are in page order: the first of a page is found by halving.
        int lo = 0, hi = Runs.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Runs[mid].Page < page) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < Runs.Length && Runs[i].Page == page; i++) yield return Runs[i];
    }
}
