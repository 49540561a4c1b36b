using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsCheck;
using SiteGen.Commands;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Templates;
using SiteGen.Rendering.Body;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Whole content trees and whole Hypothesis exports, generated from the pieces that break parsers (CsCheck): whatever
/// a pull request or an export holds, SiteGen ends with diagnostics or a site, never with a bug (an exception, exit 3),
/// and no case takes longer than its budget. A few thousand cases in CI; SITEGEN_PROPERTY_CASES=100000 for a long hunt.
/// </summary>
public class FuzzTests
{
    private static readonly long Cases = long.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES"), out var n) ? n : 700;

    /// <summary>No small case may take longer: every path is linear, and these inputs are a few kilobytes.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>Pieces that stress YAML, Markdown, JSON and HTML: structure characters, quotes, dashes, invisible and wide characters, escapes.</summary>
    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        "title", "date", "kind", "quote", "aliases", ":", ": ", "- ", "—", "[", "]", "{", "}", ",", "\"", "'", "“", "”", "#", "&a", "*a", "!", "|", ">",
        "\n", "\n  ", "\n\n", "\t", " ", "2024-06-24", "speech", "note", "basic research", "self-reliance", "北斗", "\u200B", "\u00AD", "\uFEFF", "\r\n",
        "---", "...", "`", "**", "_", "<b>", "</b>", "<script>alert(1)</script>", "(", ")", "\\", "~", "%", "{{", "}}", "\u0000", "\f", "\u001b[2J",
        "\u202E", "\uFFFE", "&#x1;", "&#12;", "&amp;", "[[basic-research]]", "[[no-such|words]]", "[x](javascript:alert(1))", "[x](https://e.org)",
        "![i](https://e.org/i.png)", "{.caption}", "{#id}", "\\x01", "\\u202e", "%2e%2e", "..", "/", "https://", "mailto:a@b.c", "<https://e.org>",
        "&#x202E;", "\uD800", "\uDC00", "~~", "==", "^", "++", "    code", "```", "1. ", "* ", "> > >");

    private static readonly Gen<string> Fragment = Piece.Array[0, 30].Select(p => string.Concat(p));

    /// <summary>A value that is mostly sensible and sometimes hostile: a tree has a field or two that break, so that most trees are read through to their pages.</summary>
    private static Gen<string> Value(params string[] sensible) => Gen.Frequency((30, Gen.OneOf<string>(sensible)), (1, Fragment));

    /// <summary>Prose (a body, a note, commentary): words, with some of the pieces that stress Markdown.</summary>
    private static readonly Gen<string> Prose = Gen.Frequency(
        (12, Gen.OneOf<string>("Words about strength.", "Talent and *strength*, **twice**.", "A [link](https://e.org) and `code`.", "## A heading\n\nWords.", "- one\n- two")),
        (1, Fragment));

    /// <summary>The files of a content tree: site.yml, texts, concepts and notes, each of them sometimes broken.</summary>
    private static readonly Gen<Dictionary<string, string>> Tree =
        Gen.Select(
            Value("Edition", "E"), Value("/", "/edition/", "https://o.github.io/e/"), Value("en", "zh", "en-GB"), Prose,
            Gen.Select(Value("2021-05-28", "2021-05-29"), Value("speech", "article"), Value("A title", "Self-reliance"), Value("A summary."), Prose).Array[1, 3],
            Gen.Select(Value("basic-research", "self-reliance"), Value("", "Title"), Value("", "an alias found nowhere").Array[0, 2], Value("term", "place"), Prose).Array[0, 3],
            Gen.Select(Value("basic research", "self-reliance"), Value("note", "correction"), Value("right words"), Prose).Array[0, 3])
        .Select((title, baseUrl, language, introduction, texts, concepts, notes) =>
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["site.yml"] = $"title: {title}\ndescription: D\nbase_url: {baseUrl}\nlanguage: {language}\nurl: https://o.github.io/e/\nintroduction: |\n  {introduction.Replace("\n", "\n  ")}\n",
            };
            var slugs = new List<string>();
            for (var i = 0; i < texts.Length; i++)
            {
                var (date, kind, textTitle, summary, body) = texts[i];
                var slug = System.Text.RegularExpressions.Regex.IsMatch(date, @"^\d{4}-\d{2}-\d{2}$") ? $"{date}-t{i}" : $"2021-05-28-t{i}";
                slugs.Add(slug);
                files[$"texts/{slug}.md"] = $"---\ntitle: {textTitle}\ndate: {date}\nkind: {kind}\nsummary: {summary}\nsource:\n  publisher: {summary}\n---\n{body}\n\nOn basic research and self-reliance.\n";
            }
            for (var i = 0; i < concepts.Length; i++)
            {
                var (id, conceptTitle, aliases, category, commentary) = concepts[i];
                var file = id.All(c => char.IsAsciiLetterLower(c) || c == '-') && id.Length > 0 ? id : $"c{i}";
                // Names of its own (a hostile one may clash with another concept's: that is a diagnostic too).
                var name = file.Replace('-', ' ');
                var title2 = conceptTitle is "" ? name : conceptTitle == "Title" ? char.ToUpperInvariant(name[0]) + name[1..] : conceptTitle;
                var names = aliases.Select(a => a is "" ? name + " again" : a == "an alias found nowhere" ? name + " unused" : a);
                files[$"concepts/{file}.md"] = $"---\ntitle: {title2}\naliases: [{string.Join(", ", names.Select(a => "\"" + a.Replace("\"", "") + "\""))}]\ncategory: {category}\nzh: 基础\npinyin: jīchǔ\n---\n{commentary}\n";
            }
            for (var i = 0; i < notes.Length; i++)
            {
                var (quote, kind, correction, body) = notes[i];
                var slug = slugs[i % slugs.Count];
                files[$"annotations/{slug}/n{i}.md"] = $"---\ntext: {slug}\nquote: {quote}\nkind: {kind}\n{(kind == "correction" ? $"correction: {correction}\n" : "")}sources:\n  - title: {correction}\n---\n{body}\n";
            }
            return files;
        });

    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();
    private static readonly Dictionary<string, int> Why = [];

    private static string Show(Dictionary<string, string> files) =>
        string.Join("\n", files.Select(f => $"== {f.Key}\n{JsonSerializer.Serialize(f.Value)}"));

    [Fact]
    public void Any_content_tree_builds_or_gives_diagnostics_never_a_bug_and_within_its_budget()
    {
        var templates = new TemplateCache();
        int built = 0, all = 0;
        Tree.Sample(files =>
        {
            using var site = new TempSite(withDefaults: false);
            foreach (var (path, text) in files) site.Write(Path.Combine("content", path), text);
            var clock = Stopwatch.StartNew();
            BuildResult result;
            try
            {
                // The links of every fourth case are checked too (the checker parses every page: it is most of a case's time).
                result = SiteBuilder.Build(new BuildOptions(site.Paths(), Write: false, CheckLinks: all % 4 == 0, Templates: templates));
            }
            catch (Exception ex)
            {
                Assert.Fail($"a bug (exit 3): {ex}\n{Show(files)}");
                return;
            }
            Assert.True(clock.Elapsed < Budget, $"{clock.Elapsed.TotalSeconds:0.0} s for:\n{Show(files)}");
            Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
            all++;
            if (result.Succeeded) built++;
            else foreach (var code in result.Diagnostics.Where(d => d.Severity == SiteGen.Diagnostics.Severity.Error).Select(d => d.Code + " " + d.Message[..Math.Min(50, d.Message.Length)]).Distinct()) Why[code] = Why.GetValueOrDefault(code) + 1;
            if (result.Succeeded && built % 2 == 1)
                foreach (var page in result.Rendered!.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
                {
                    var html = Encoding.UTF8.GetString(page.Content);
                    Assert.False(html.Contains('\u0000') || html.Contains('\f') || html.Contains('\u001b'), $"{page.Path} holds a control character");
                    // What a browser builds of the page: the site's own scripts only, no handler, no script address.
                    var document = Parser.ParseDocument(html);
                    foreach (var script in document.QuerySelectorAll("script"))
                        Assert.True(script.GetAttribute("src")?.Contains("/assets/", StringComparison.Ordinal) == true || script.GetAttribute("type") == "application/ld+json",
                            $"{page.Path}: a script that is not the site's: {script.OuterHtml}\n{Show(files)}");
                    foreach (var element in document.All)
                        foreach (var attribute in element.Attributes)
                        {
                            Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{page.Path}: {element.OuterHtml}");
                            if (attribute.Name is "href" or "src" or "action")
                                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                                    || attribute.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"{page.Path}: {element.OuterHtml}");
                        }
                }
        }, iter: Cases, threads: 1);
        // A generator whose trees never build would test loading only: a good share must reach the pages.
        Assert.True(built * 5 >= all, $"only {built} of {all} trees built: the generator no longer reaches rendering\n" + string.Join("\n", Why.OrderByDescending(w => w.Value).Take(12).Select(w => $"{w.Value} {w.Key}")));
    }

    /// <summary>A JSON value that is sometimes of the type the API gives, sometimes another.</summary>
    private static Gen<string> Json(Gen<string> text) => Gen.Frequency(
        (6, text.Select(t => JsonSerializer.Serialize(t))),
        (1, Gen.OneOf<string>("null", "12", "true", "[]", "{}", "[\"a\", 1]")));

    private static readonly Gen<string> Export =
        Gen.Select(
            Gen.Select(Json(Value("a1", "b2", "a1")), Json(Value("https://o.github.io/e/texts/2021-05-28-t/", "https://elsewhere.org/x", "/texts/2021-05-28-t/index.html")),
                Json(Value("acct:scholar@hypothes.is", "acct:x@y")), Json(Fragment), Json(Value("context", "correction: right words", "concept:basic-research", "concept:none")).Array[0, 3]),
            Gen.Select(Json(Value("basic research", "We need", "nowhere at all")), Json(Value("We need ", "")), Json(Value("2026-11-20T10:00:00+00:00", "yesterday")),
                Json(Value("TextQuoteSelector", "RangeSelector")), Json(Value("a1")).Array[0, 2]))
        .Select(row =>
        {
            var ((id, uri, user, text, tags), (exact, prefix, created, type, references)) = row;
            return $"{{\"id\": {id}, \"uri\": {uri}, \"user\": {user}, \"text\": {text}, \"tags\": [{string.Join(",", tags)}], \"created\": {created}, " +
                   $"\"references\": [{string.Join(",", references)}], " +
                   $"\"target\": [{{\"source\": {uri}, \"selector\": [{{\"type\": {type}, \"exact\": {exact}, \"prefix\": {prefix}}}]}}]}}";
        })
        .Array[0, 6]
        .Select(rows => "{\"rows\": [" + string.Join(",", rows) + "]}");

    [Fact]
    public void Any_Hypothesis_export_imports_or_gives_diagnostics_never_a_bug_and_within_its_budget()
    {
        using var site = new TempSite().Text("2021-05-28-t", "title: T\ndate: 2021-05-28\nkind: speech", "We need basic research now, and basic research again.\n\nTalent.\n")
            .Write("content/concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\nResearch.\n");
        var export = Path.Combine(site.Root, "export.json");
        int imported = 0, all = 0;
        Export.Sample(json =>
        {
            File.WriteAllText(export, json);
            var stderr = new StringWriter();
            var clock = Stopwatch.StartNew();
            var code = Cli.Run(["import", "hypothesis", export, "--content", site.Content, "--dry-run"], TextWriter.Null, stderr).GetAwaiter().GetResult();
            Assert.True(code is 0 or 1 or 2, $"exit {code}: {stderr}\n{json}");
            Assert.True(clock.Elapsed < Budget, $"{clock.Elapsed.TotalSeconds:0.0} s for:\n{json}");
            Assert.False(Directory.Exists(Path.Combine(site.Content, "annotations")), "a dry run wrote a file");
            all++;
            if (code == 0) imported++;
        }, iter: Cases * 2, threads: 1);
        Assert.True(imported * 10 >= all, $"only {imported} of {all} exports imported cleanly: the generator no longer reaches writing");
    }
}
