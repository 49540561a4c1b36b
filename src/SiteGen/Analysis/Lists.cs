using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// The lists of the site at any size of corpus, laid out by the <see cref="Pager"/>. Up to <see cref="SiteLists.TextsOnHome"/>
/// texts the home page lists them all; beyond, it lists the latest and the years, and each year has pages of its own.
/// Up to <see cref="SiteLists.NotesOnIndex"/> notes the notes page has them all; beyond, they go, text by text, onto numbered pages.
/// A concept with at most <see cref="SiteLists.MentionsOnConceptPage"/> mentions lists them all on its page; beyond, its page
/// shows a sample spread across its years and a table of its texts, paged (every mention in context is read in the browser
/// from the concept's concordance file). No list grows with the corpus.
/// </summary>
internal static class Lists
{
    private const int TextsOnHome = SiteLists.TextsOnHome, TextsPerYearPage = SiteLists.TextsPerYearPage, NotesOnIndex = SiteLists.NotesOnIndex,
        NotesPerPage = SiteLists.NotesPerPage, MentionsOnConceptPage = SiteLists.MentionsOnConceptPage, TextsPerConceptPage = SiteLists.TextsPerConceptPage,
        NotesPerExportPage = SiteLists.NotesPerExportPage;

    public static SiteLists Of(Site site, IReadOnlyList<AnchoredNote> notes, FrozenDictionary<string, ImmutableArray<Mention>> mentionsByConcept)
    {
        var byYear = site.Texts.Length > TextsOnHome;
        var noteGroups = Runs(notes, n => n.Paragraph.Slug);
        var yearOf = site.Texts.ToDictionary(t => t.Slug, t => t.Date.Year, StringComparer.Ordinal);
        var textsOf = mentionsByConcept.ToDictionary(c => c.Key, c => Runs(c.Value, m => m.Slug), StringComparer.Ordinal);
        return new SiteLists
        {
            ByYear = byYear,
            YearPages = byYear ? YearPages(site.Texts) : [],
            NotePages = notes.Count <= NotesOnIndex ? Pager.Lay(noteGroups, int.MaxValue, cut: false) : Pager.Lay(noteGroups, NotesPerPage, cut: false),
            MentionsByText = mentionsByConcept.ToFrozenDictionary(c => c.Key, c => Pager.Whole(textsOf[c.Key]), StringComparer.Ordinal),
            TextPages = mentionsByConcept.ToFrozenDictionary(c => c.Key, c => c.Value.Length <= MentionsOnConceptPage ? PagePlan.Empty
                : Pager.Lay([.. textsOf[c.Key].Select(g => (g.Group, 1))], TextsPerConceptPage, cut: false), StringComparer.Ordinal),
            MentionSamples = mentionsByConcept.ToFrozenDictionary(c => c.Key, c => c.Value.Length <= MentionsOnConceptPage ? []
                : Sample(c.Value, m => yearOf[m.Slug]), StringComparer.Ordinal),
            ExportPages = notes.Count == 0 ? PagePlan.Empty : Pager.Lay([("", notes.Count)], NotesPerExportPage, cut: true),
        };
    }

    /// <summary>
    /// Up to <see cref="SiteLists.MentionsInSample"/> mentions spread across the years: each year gets an equal share
    /// (what a year cannot use goes to the others, in order), and a year's share is taken at even steps through its
    /// mentions, so that the sample shows how the concept is used over time rather than in its first texts.
    /// </summary>
    internal static ImmutableArray<int> Sample(ImmutableArray<Mention> mentions, Func<Mention, int> year)
    {
        var years = new List<(int From, int Count)>();
        foreach (var (_, count) in Runs(mentions, year)) years.Add((years.Count == 0 ? 0 : years[^1].From + years[^1].Count, count));
        var share = new int[years.Count];
        var left = Math.Min(SiteLists.MentionsInSample, mentions.Length);
        while (left > 0)
            for (var y = 0; y < years.Count && left > 0; y++)
                if (share[y] < years[y].Count) { share[y]++; left--; }
        var sample = ImmutableArray.CreateBuilder<int>();
        for (var y = 0; y < years.Count; y++)
            for (var k = 0; k < share[y]; k++)
                sample.Add(years[y].From + (int)((2L * k + 1) * years[y].Count / (2L * share[y])));
        return sample.ToImmutable();
    }

    /// <summary>The runs of items with the same key, in order: the groups of a list whose items come text by text.</summary>
    private static List<(TKey Group, int Count)> Runs<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key) where TKey : IEquatable<TKey>
    {
        var groups = new List<(TKey, int)>();
        for (var i = 0; i < items.Count;)
        {
            var j = i;
            var k = key(items[i]);
            while (j < items.Count && key(items[j]).Equals(k)) j++;
            groups.Add((k, j - i));
            i = j;
        }
        return groups;
    }

    /// <summary>Each year's texts (the texts are in date order) on pages of <see cref="TextsPerYearPage"/>.</summary>
    private static ImmutableArray<YearPage> YearPages(ImmutableArray<Text> texts)
    {
        var pages = ImmutableArray.CreateBuilder<YearPage>();
        for (var i = 0; i < texts.Length;)
        {
            var j = i;
            while (j < texts.Length && texts[j].Date.Year == texts[i].Date.Year) j++;
            var year = texts[i].Date.Year;
            var plan = Pager.Lay([(year.ToString(System.Globalization.CultureInfo.InvariantCulture), j - i)], TextsPerYearPage, cut: true);
            pages.AddRange(plan.Runs.Select(r => new YearPage(year, r.Page, plan.Pages, i + r.From, r.Count)));
            i = j;
        }
        return pages.ToImmutable();
    }
}
