using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// The one pager of the site: lays a list of groups of items onto pages of about a given size, a group whole on a page
/// when it fits, on the next page when it does not, and cut only when it is longer than a page and cutting is allowed.
/// </summary>
internal static class Pager
{
    /// <summary>A list that is not paged: every run on page 0.</summary>
    public static PagePlan Whole(IReadOnlyList<(string Group, int Count)> groups) => Plan(groups, int.MaxValue, cut: false, firstPage: 0);

    /// <summary>A list on pages of <paramref name="perPage"/> items (a group goes whole onto a page unless <paramref name="cut"/> and longer than a page).</summary>
    public static PagePlan Lay(IReadOnlyList<(string Group, int Count)> groups, int perPage, bool cut) => Plan(groups, perPage, cut, firstPage: 1);

    private static PagePlan Plan(IReadOnlyList<(string Group, int Count)> groups, int perPage, bool cut, int firstPage)
    {
        var runs = ImmutableArray.CreateBuilder<PageRun>(groups.Count);
        var pageOf = new Dictionary<string, int>(groups.Count, StringComparer.Ordinal);
        var sizeOf = new Dictionary<string, int>(groups.Count, StringComparer.Ordinal);
        int page = firstPage, onPage = 0, from = 0;
        foreach (var (group, count) in groups)
        {
            if (onPage > 0 && (long)onPage + count > perPage) { page++; onPage = 0; }
            pageOf[group] = page;
            sizeOf[group] = count;
            for (var taken = 0; taken < count;)
            {
                if (cut && onPage >= perPage) { page++; onPage = 0; }
                var n = cut ? Math.Min(count - taken, perPage - onPage) : count;
                runs.Add(new PageRun(group, from + taken, n, page, taken == 0));
                taken += n;
                onPage += n;
            }
            from += count;
        }
        var pages = runs.Count == 0 || firstPage == 0 ? 0 : page;
        return new PagePlan(runs.ToImmutable(), pages, pageOf.ToFrozenDictionary(StringComparer.Ordinal), sizeOf.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
