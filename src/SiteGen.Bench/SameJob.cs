using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Loading;

namespace SiteGen.Bench;

/// <summary>
/// The site a maintainer would assemble with Hugo for SiteGen's job, over the same corpus: each text's concepts (found by
/// matching the registry's titles and aliases, case-insensitively on word boundaries) as a <c>concepts</c> taxonomy, so
/// that Hugo writes a page per concept listing its texts, 200 a page; and the search such a maintainer would add, Pagefind
/// (from npm, installed into the benchmark's own folder) over Hugo's output. Hugo's related-content feature is left off:
/// at 10,000 texts it alone took 772 s.
/// </summary>
internal static class SameJob
{
    public const string PagefindVersion = "1.6.0";

    /// <summary>Writes <c>hugo-same/</c> beside the corpus's other forms; returns its folder.</summary>
    public static string WriteHugoSite(Corpus.Folders corpus)
    {
        var root = Path.Combine(corpus.Root, "hugo-same");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var docs = Directory.CreateDirectory(Path.Combine(root, "content", "docs")).FullName;
        var registry = Registry(Path.Combine(corpus.SiteGen, "concepts"));
        foreach (var file in Directory.GetFiles(corpus.Markdown, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
            var (head, body) = (text[..split], text[(split + 5)..]);
            var found = registry.Where(c => c.Pattern.IsMatch(body)).Select(c => c.Id);
            File.WriteAllText(Path.Combine(docs, Path.GetFileName(file)), $"{head}\nconcepts: [{string.Join(", ", found)}]\n---\n{body}");
        }
        File.WriteAllText(Path.Combine(docs, "_index.md"), "---\ntitle: \"Documents\"\n---\n");
        File.WriteAllText(Path.Combine(root, "config.toml"), """
            baseURL = "https://example.org/"
            languageCode = "en"
            title = "Synthetic policy reader"
            paginate = 200
            disableKinds = ["RSS", "robotsTXT", "404"]
            [taxonomies]
            concept = "concepts"

            """);
        var layouts = Directory.CreateDirectory(Path.Combine(root, "layouts", "_default")).FullName;
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), Corpus.HugoBaseOf);
        File.WriteAllText(Path.Combine(layouts, "single.html"), """
            {{ define "main" }}<article>
            <h1>{{ .Title }}</h1>
            <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
            <ul class="concepts">{{ range .GetTerms "concepts" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
            {{ .Content }}
            </article>{{ end }}

            """);
        File.WriteAllText(Path.Combine(layouts, "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            <ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
            {{ template "_internal/pagination.html" . }}
            {{ end }}

            """);
        return root;
    }

    /// <summary>Each concept's names as one pattern, longest first, as the reference script builds them.</summary>
    private static List<(string Id, Regex Pattern)> Registry(string folder)
    {
        var result = new List<(string, Regex)>();
        foreach (var path in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var concept = ConceptLoader.Load(path, File.ReadAllText(path), new DiagnosticBag());
            if (concept is null) continue;
            var names = concept.Phrases.Select(p => p.Value).Where(n => n.Length >= 3).Distinct().OrderByDescending(n => n.Length);
            result.Add((concept.Id, new Regex($@"\b(?:{string.Join('|', names.Select(Regex.Escape))})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)));
        }
        return result;
    }

    /// <summary>Pagefind's command, installed from npm into <paramref name="work"/> once; null without npm.</summary>
    public static string? Pagefind(string work)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "pagefind")).FullName;
        var command = Path.Combine(folder, "node_modules", ".bin", "pagefind");
        if (File.Exists(command)) return command;
        if (Processes.Find("npm") is not { } npm) return null;
        File.WriteAllText(Path.Combine(folder, "package.json"), "{\"private\": true}\n", Encoding.UTF8);
        Processes.Shell(npm, $"install --silent --no-audit --no-fund pagefind@{PagefindVersion}", folder);
        return File.Exists(command) ? command : null;
    }
}
