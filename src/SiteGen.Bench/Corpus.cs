using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.FileSystem;

namespace SiteGen.Bench;

/// <summary>
/// The synthetic corpus of the reference figures: N texts, each of 15–40 paragraphs drawn with a fixed seed
/// from the paragraphs of the edition's own texts, with a heading before every sixth, some bold words and 1–4
/// tags, so that phrases recur across texts. The same Markdown bodies are written three ways:
/// <list type="bullet">
/// <item><c>md/NNNNN.md</c>: title, date and tags, for the Markdig floor;</item>
/// <item><c>hugo/</c>: a Hugo site over the same files (hard links), taxonomies, RSS and sitemap off;</item>
/// <item><c>sitegen/</c>: SiteGen content: the edition's <c>site.yml</c> and real concept registry, each text with
/// the front matter of the content model, and 10 editors' notes per 100 texts, each on 5–12 words that occur once
/// in its text, kinds and concepts cycled as in the real notes.</item>
/// </list>
/// The same N and seed give byte-identical files.
/// </summary>
internal static class Corpus
{
    private static readonly string[] Tags =
    [
        "self-reliance", "basic-research", "innovation-system", "talent", "high-quality-development", "new-development-pattern",
        "enterprises", "universities", "national-laboratories", "supply-chains", "digital-economy", "artificial-intelligence",
        "semiconductors", "space", "quantum", "international-cooperation", "intellectual-property", "modernization",
        "party-leadership", "funding", "evaluation-reform", "industrial-policy", "security", "open-science", "manufacturing",
        "energy", "agriculture", "health", "education", "standards",
    ];
    private static readonly string[] Authors = ["Xi Jinping", "Wang Zhigang", "Li Qiang", "Xinhua", "CGTN", "Qiushi Journal"];
    private static readonly string[] Kinds = ["speech", "article", "report", "news"];
    private static readonly string[] NoteKinds = ["note", "correction", "context", "translation", "note", "context"];

    /// <summary>Where each form of the corpus is.</summary>
    public sealed record Folders(string Root, string Markdown, string Hugo, string SiteGen, int Texts, long Bytes);

    public static Folders Write(string repo, string root, int count, int seed = 20240501, double notesPer100 = 10, int years = 11)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var (paragraphs, headings) = Source(repo);
        var words = paragraphs.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.ToLowerInvariant(), "[a-z]{5,}").Select(m => m.Value))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var md = Directory.CreateDirectory(Path.Combine(root, "md")).FullName;
        var hugo = Path.Combine(root, "hugo");
        var hugoDocs = Directory.CreateDirectory(Path.Combine(hugo, "content", "docs")).FullName;
        var siteGen = Path.Combine(root, "sitegen");
        var texts = Directory.CreateDirectory(Path.Combine(siteGen, "texts")).FullName;
        File.Copy(Path.Combine(repo, "content", "site.yml"), Path.Combine(siteGen, "site.yml"));
        Directory.CreateDirectory(Path.Combine(siteGen, "concepts"));
        foreach (var file in Directory.GetFiles(Path.Combine(repo, "content", "concepts"), "*.md"))
            File.Copy(file, Path.Combine(siteGen, "concepts", Path.GetFileName(file)));

        var bodies = new List<(string Slug, string Body)>();
        long bytes = 0;
        for (var i = 1; i <= count; i++)
        {
            var title = Capitalise(string.Join(' ', Sample(random, words, random.Next(4, 9)))) + $" ({i:00000})";
            var date = new DateOnly(2015, 1, 1).AddDays(random.Next(0, years * 365));
            var tags = Sample(random, Tags, random.Next(1, 5));
            var chosen = Sample(random, paragraphs, Math.Min(random.Next(15, 41), paragraphs.Count));
            var body = new StringBuilder();
            for (var k = 0; k < chosen.Count; k++)
            {
                if (k > 0 && k % 6 == 0) body.Append("## ").Append(headings[random.Next(headings.Count)]).Append("\n\n");
                var paragraph = chosen[k];
                if (random.NextDouble() < 0.15)
                {
                    var ws = paragraph.Split(' ');
                    var j = random.Next(0, Math.Max(1, ws.Length - 3));
                    ws[j] = "**" + ws[j];
                    ws[j + 2 < ws.Length ? j + 2 : j] += "**";
                    paragraph = string.Join(' ', ws);
                }
                body.Append(paragraph).Append("\n\n");
            }
            var yamlTitle = Yaml(title);
            var markdown = $"---\ntitle: {yamlTitle}\ndate: {date:yyyy-MM-dd}\ntags: [{string.Join(", ", tags)}]\n---\n\n{body}";
            var mdFile = Path.Combine(md, $"{i:00000}.md");
            File.WriteAllText(mdFile, markdown);
            bytes += Encoding.UTF8.GetByteCount(markdown);
            HardLink(mdFile, Path.Combine(hugoDocs, $"{i:00000}.md"));

            var slug = $"{date:yyyy-MM-dd}-{Slug(title)}-{i:00000}";
            var kind = Kinds[i % Kinds.Length];
            var front = new StringBuilder($"---\ntitle: {yamlTitle}\ndate: {date:yyyy-MM-dd}\nauthor: {Authors[i % Authors.Length]}\nkind: {kind}\n");
            if (kind == "speech") front.Append("venue: National Science and Technology Conference, Beijing\n");
            front.Append($"summary: \"Synthetic text {i} of the benchmark corpus, made of paragraphs of the five real texts.\"\n---\n\n");
            File.WriteAllText(Path.Combine(texts, slug + ".md"), front + body.ToString());
            bodies.Add((slug, body.ToString()));
        }
        WriteNotes(siteGen, bodies, random, (int)Math.Round(count * notesPer100 / 100));
        WriteHugoSite(hugo);
        return new Folders(root, md, hugo, siteGen, count, bytes);
    }

    /// <summary>The paragraphs and headings of the edition's texts, as plain text with Markdown's special characters escaped.</summary>
    private static (List<string> Paragraphs, List<string> Headings) Source(string repo)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(new ProjectPaths(repo, Path.Combine(repo, "content"), Path.Combine(repo, "templates"), Path.Combine(repo, "site")), diagnostics)
                   ?? throw new InvalidOperationException("the edition's content does not load: " + string.Join("\n", diagnostics.Sorted()));
        var paragraphs = site.Texts.SelectMany(t => t.Paragraphs).Select(p => Collapse(p.PlainText)).Where(p => p.Length >= 60).Distinct().Select(Escape).ToList();
        var headings = site.Texts.SelectMany(t => t.Headings).Select(h => Collapse(h.PlainText).TrimEnd(':')).Where(h => h.Length >= 12).Distinct().Select(Escape).ToList();
        return (paragraphs, headings);
    }

    private static string Collapse(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>Markdown would read these as markup; escaped, they are the same words for every tool.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '{' or '}' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Python's random.sample in spirit: <paramref name="k"/> distinct items in random order.</summary>
    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int k)
    {
        var pool = items.ToArray();
        var chosen = new List<T>(k);
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            chosen.Add(pool[i]);
        }
        return chosen;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Slug(string title) =>
        string.Join('-', System.Text.RegularExpressions.Regex.Matches(title.ToLowerInvariant(), "[a-z]+").Take(3).Select(m => m.Value));

    private static string Yaml(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>The notes: on texts chosen with the seed, each on a quote of 5–12 words that occurs once in its text.</summary>
    private static void WriteNotes(string siteGen, List<(string Slug, string Body)> bodies, Random random, int wanted)
    {
        var concepts = Directory.GetFiles(Path.Combine(siteGen, "concepts"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        var order = Enumerable.Range(0, bodies.Count).ToArray();
        random.Shuffle(order);
        var made = 0;
        for (var k = 0; made < wanted && k < 50 * wanted + 100; k++)
        {
            var (slug, body) = bodies[order[k % order.Length]];
            var folded = FoldedText.Phrase(body.Replace("**", "").Replace("\\", ""));
            var paragraphs = body.Split("\n\n").Where(p => p.Length > 0 && !p.StartsWith('#') && !p.Contains("**") && !p.Contains('\\')).ToArray();
            random.Shuffle(paragraphs);
            string? quote = null;
            foreach (var paragraph in paragraphs.Take(8))
            {
                var ws = paragraph.Split(' ');
                if (ws.Length < 14) continue;
                var length = random.Next(5, 13);
                var start = random.Next(0, ws.Length - length);
                var q = string.Join(' ', ws[start..(start + length)]).Trim(' ', ',', '.', ';', ':');
                if (!System.Text.RegularExpressions.Regex.IsMatch(q, "^[A-Za-z][A-Za-z0-9 ,;'\u2019]*[A-Za-z0-9]$")) continue;
                var f = FoldedText.Phrase(q);
                if (Occurrences(folded, f) == 1) { quote = q; break; }
            }
            if (quote is null) continue;
            made++;
            var kind = NoteKinds[made % NoteKinds.Length];
            var about = Sample(random, concepts, random.Next(0, 3));
            var link = concepts[random.Next(concepts.Length)];
            var front = new StringBuilder($"---\ntext: {slug}\nquote: {Yaml(quote)}\nkind: {kind}\n");
            if (kind == "correction") front.Append($"correction: {Yaml(quote.Split(' ')[0] + " (corrected)")}\n");
            if (about.Count > 0) front.Append($"concepts: [{string.Join(", ", about)}]\n");
            front.Append("author: editors\ndate: 2026-11-22\n---\n");
            front.Append($"A synthetic {kind} on this passage, for the benchmark. It refers to *the same idea* elsewhere; see [[{link}]] and **the texts of the edition**.\n");
            var folder = Directory.CreateDirectory(Path.Combine(siteGen, "annotations", slug)).FullName;
            File.WriteAllText(Path.Combine(folder, $"note-{made}.md"), front.ToString());
        }
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The page wrapper of the Hugo sites (plain, and for the same job), its main part marked for Pagefind.</summary>
    internal const string HugoBaseOf = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
        <body>
        <header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
        <main data-pagefind-body>{{ block "main" . }}{{ end }}</main>
        <footer>Synthetic benchmark corpus</footer>
        </body>
        </html>

        """;

    private static void WriteHugoSite(string hugo)
    {
        File.WriteAllText(Path.Combine(hugo, "config.toml"),
            "baseURL = \"https://example.org/\"\nlanguageCode = \"en\"\ntitle = \"Synthetic policy reader\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n");
        File.WriteAllText(Path.Combine(hugo, "content", "docs", "_index.md"), "---\ntitle: \"Documents\"\n---\n");
        var layouts = Directory.CreateDirectory(Path.Combine(hugo, "layouts", "_default")).FullName;
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), HugoBaseOf);
        File.WriteAllText(Path.Combine(layouts, "single.html"), """
            {{ define "main" }}<article>
            <h1>{{ .Title }}</h1>
            <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
            <ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
            {{ .Content }}
            </article>{{ end }}

            """);
        File.WriteAllText(Path.Combine(layouts, "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
            {{ end }}

            """);
    }

    private static void HardLink(string existing, string link)
    {
        if (Link(existing, link) != 0) File.Copy(existing, link);
    }

    /// <summary>POSIX link(2): one copy of the Markdown on disk for the floor and Hugo.</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string existing,
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string link);
}
