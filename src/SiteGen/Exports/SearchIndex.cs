using SiteGen.Model;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>
/// The site's full-text search index, written under <c>search/</c> and read in the browser by
/// <c>assets/search.js</c>: nothing to install, no server. A result is a paragraph of a text or an
/// editors' note (a "document"); concepts are matched by title, alias, Chinese term and pinyin from the index's head.
/// <list type="bullet">
/// <item><c>index.bin</c>: the head — counts, the first term of each term chunk, years, kinds, the concepts.</item>
/// <item><c>t/N.bin</c>: term chunks, in ordinal order of terms, each about <see cref="TermChunkBytes"/>: a query
/// fetches only the chunks its terms (or, for the last word typed, their prefix) fall in. Per term: its
/// documents, delta-coded as varints, each with a one-byte BM25 impact and the term's positions
/// (for phrases).</item>
/// <item><c>d/N.bin</c>: the words of <see cref="DocsPerChunk"/> consecutive documents and their texts'
/// titles, fetched only for the results shown.</item>
/// <item><c>filters.bin</c>: each text's kind, year and document ranges, fetched only when a filter is set.</item>
/// </list>
/// Every file is gzip-compressed (the browser inflates it with DecompressionStream), so its size
/// on disk is what a reader downloads. Terms are <see cref="SearchTerms"/>, the folding of concept
/// matching. The output is deterministic: documents in reading order, terms in ordinal order.
/// </summary>
internal static partial class SearchIndex
{
    public const int Version = 1;
    public const int DocsPerChunk = 32;
    public const int TermChunkBytes = 24 * 1024;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>A searchable unit: a paragraph ('p') or a note ('n') of text number <paramref name="Text"/>.</summary>
    public sealed record Doc(char Kind, int Text, int Paragraph, string Words, string? Name = null, string? NoteKind = null);

    public static IReadOnlyList<OutputFile> Build(AnalysedSite site, Urls urls) => Build(site.Site, site.Notes, urls);

    /// <summary>Builds the index into <paramref name="sink"/>, each file as soon as it is made.</summary>
    public static void Build(AnalysedSite site, Urls urls, IFileSink sink) => Build(site.Site, site.Notes, urls, (_, file) => sink.Add(file));

    /// <summary>The index's files, in order (term chunks, document chunks, filters, head).</summary>
    public static IReadOnlyList<OutputFile> Build(Site site, IReadOnlyList<AnchoredNote> anchors, Urls urls)
    {
        var files = new System.Collections.Concurrent.ConcurrentDictionary<int, OutputFile>();
        var count = Build(site, anchors, urls, (place, file) => files[place] = file);
        return [.. Enumerable.Range(0, count).Select(place => files[place])];
    }

    /// <summary>
    /// The index of the texts and of the anchored notes; concepts by title and alias. Each file is handed to
    /// <paramref name="add"/> with its place in the index's order as soon as it is made, from several threads.
    /// </summary>
    /// <returns>How many files the index has.</returns>
    private static int Build(Site site, IReadOnlyList<AnchoredNote> anchors, Urls urls, Action<int, OutputFile> add)
    {
        var texts = site.Texts;
        var textIndex = texts.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        var docs = Documents(site, anchors, textIndex);

        // Documents are split into terms in parallel, each term known by a number (no string is made for
        // a term already seen); then each term's positions are appended to its postings in document order.
        var numbers = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var byText = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var next = new System.Runtime.CompilerServices.StrongBox<int>(0);
        var lengths = new int[docs.Count];
        var postings = new List<Postings>();
        const int Batch = 4096;
        var byTerm = new long[256];
        var positions = new int[256];
        var batch = new int[Batch][];
        for (var from = 0; from < docs.Count; from += Batch)
        {
            var count = Math.Min(Batch, docs.Count - from);
            Parallel.For(0, count, () => new List<int>(256), (i, _, terms) =>
            {
                terms.Clear();
                SearchTerms.Visit(docs[from + i].Words, (term, _, _) =>
                {
                    if (!byText.TryGetValue(term, out var number))
                    {
                        var name = term.ToString();
                        // A number lost to a race is never used: only the winner's is named.
                        number = numbers.GetOrAdd(name, static (_, counter) => Interlocked.Increment(ref counter.Value) - 1, next);
                        names.TryAdd(number, name);
                    }
                    terms.Add(number);
                });
                batch[i] = [.. terms];
                return terms;
            }, _ => { });
            for (var i = 0; i < count; i++)
            {
                var doc = from + i;
                var terms = batch[i];
                lengths[doc] = terms.Length;
                // The document's terms with their positions, by term then position: each term's positions are added at once.
                if (byTerm.Length < terms.Length)
                {
                    byTerm = new long[Math.Max(terms.Length, byTerm.Length * 2)];
                    positions = new int[byTerm.Length];
                }
                for (var p = 0; p < terms.Length; p++) byTerm[p] = ((long)terms[p] << 32) | (uint)p;
                var sorted = byTerm.AsSpan(0, terms.Length);
                sorted.Sort();
                for (var k = 0; k < sorted.Length;)
                {
                    var term = (int)(sorted[k] >> 32);
                    var run = 0;
                    while (k + run < sorted.Length && (int)(sorted[k + run] >> 32) == term)
                    {
                        positions[run] = (int)sorted[k + run];
                        run++;
                    }
                    while (postings.Count <= term) postings.Add(new Postings());
                    postings[term].Add(doc, positions.AsSpan(0, run));
                    k += run;
                }
            }
        }

        var raw = new List<(string Path, byte[] Content)>();
        var firstTerms = TermChunks(names.ToDictionary(n => n.Value, n => postings[n.Key], StringComparer.Ordinal), lengths, raw);
        var termChunks = raw.Count;
        raw.Add(("search/filters.bin", Json(w => Filters(w, site, docs))));
        raw.Add(("search/index.bin", Json(w => Head(w, site, docs, firstTerms, urls))));
        // The files in order: term chunks, document chunks, filters, head. The document chunks, the bulk of the index,
        // are written and compressed side by side, each as it is made.
        var docChunks = (docs.Count + DocsPerChunk - 1) / DocsPerChunk;
        var fileCount = raw.Count + docChunks;
        Parallel.For(0, fileCount, i =>
        {
            var (path, content) = i < termChunks ? raw[i]
                : i < termChunks + docChunks ? DocChunk(i - termChunks, docs, texts, urls)
                : raw[i - docChunks];
            add(i, Gzip(path, content));
        });
        return fileCount;
    }

    /// <summary>The paragraphs of the texts in reading order, then the notes in the same order.</summary>
    private static List<Doc> Documents(Site site, IReadOnlyList<AnchoredNote> anchors, Dictionary<string, int> textIndex)
    {
        var docs = new List<Doc>();
        foreach (var text in site.Texts)
            foreach (var paragraph in text.Paragraphs)
                docs.Add(new Doc('p', textIndex[text.Slug], paragraph.Number, paragraph.PlainText));
        var titles = site.Concepts.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        foreach (var anchor in anchors)
        {
            var a = anchor.Note;
            var words = NotePlainText(a.Body, titles);
            if (a.Correction is { Length: > 0 } reading) words = reading + " — " + words;
            docs.Add(new Doc('n', textIndex[a.TextSlug], anchor.Paragraph.Number, words, a.Name, Vocabulary.NoteKinds.Word(a.Kind)));
        }
        return docs;
    }

    /// <summary>A note's words without formatting, its <c>[[id]]</c> links as the concepts' titles (or their own words), runs of white space as one.</summary>
    public static string NotePlainText(Prose note, IReadOnlyDictionary<string, string> titles) =>
        System.Text.RegularExpressions.Regex.Replace(note.PlainText(id => titles.TryGetValue(id, out var title) ? title : id), @"\s+", " ").Trim();
}
