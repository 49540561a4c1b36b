using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// The lists of the site at any size of corpus, laid out by the <see cref="Pager"/>. Up to <see cref="SiteLists.TextsOnHome"/>
/// texts the home page lists them all; beyond, it lists the latest and the years, and each year has pages of its own.
/// Up to <see cref="SiteLists.NotesOnIndex"/> notes the notes page has them all; beyond, they go, text by text, onto numbered pages.
/// A concept with at most <see cref="SiteLists.MentionsOnConceptPage"/> mentions lists them all on its page; beyond, its mentions
/// in context go onto pages of their own, whole texts where they fit. No list grows with the corpus.
/// </summary>
internal static class Lists
{
    private const int TextsOnHome = SiteLists.TextsOnHome, TextsPerYearPage = SiteLists.TextsPerYearPage, NotesOnIndex = SiteLists.NotesOnIndex,
        NotesPerPage = SiteLists.NotesPerPage, MentionsOnConceptPage = SiteLists.MentionsOnConceptPage, MentionsPerPage = SiteLists.MentionsPerPage,
        NotesPerExportPage = SiteLists.NotesPerExportPage;

    public static SiteLists Of(Site site, IReadOnlyList<AnchoredNote> notes, FrozenDictionary<string, ImmutableArray<Mention>> mentionsByConcept)
    {
        var byYear = site.Texts.Length > TextsOnHome;
        var noteGroups = Runs(notes, n => n.Paragraph.Slug);
        return new SiteLists
        {
            ByYear = byYear,
            YearPages = byYear ? YearPages(site.Texts) : [],
            NotePages = notes.Count <= NotesOnIndex ? Pager.Lay(noteGroups, int.MaxValue, cut: false) : Pager.Lay(noteGroups, NotesPerPage, cut: false),
            MentionPages = mentionsByConcept.ToFrozenDictionary(c => c.Key, c =>
            {
                var groups = Runs(c.Value, m => m.Slug);
                return c.Value.Length <= MentionsOnConceptPage ? Pager.Whole(groups) : Pager.Lay(groups, MentionsPerPage, cut: true);
            }, StringComparer.Ordinal),
            ExportPages = notes.Count == 0 ? PagePlan.Empty : Pager.Lay([("", notes.Count)], NotesPerExportPage, cut: true),
        };
    }

    /// <summary>The runs of items with the same key, in order: the groups of a list whose items come text by text.</summary>
    private static List<(string Group, int Count)> Runs<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var groups = new List<(string, int)>();
        for (var i = 0; i < items.Count;)
        {
            var j = i;
            var k = key(items[i]);
            while (j < items.Count && key(items[j]) == k) j++;
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
