using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// Scriban does not escape on its own, so the templates do it: every value a template writes
/// goes through <c>html.escape</c>, except the few that are HTML made by the generator (their
/// names end in <c>_html</c> or <c>_svg</c>, or are the page's <c>content</c>), which were
/// encoded or sanitized when they were made.
/// </summary>
public partial class TemplateEncodingTests
{
    [GeneratedRegex(@"\{\{[~-]?(?<body>.*?)[~-]?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex(@"^\s*(end|else|break|continue|if\b|else if\b|for\b|case\b|when\b|include\b|capture\b|#|[a-z_][a-z0-9_.]*\s*=[^=])")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^\s*[a-z_][a-z0-9_.]*(_html|_svg)\s*$|^\s*content\s*$")]
    private static partial Regex GeneratedHtml();

    [Fact]
    public void Every_value_a_template_writes_is_encoded_or_is_html_made_by_the_generator()
    {
        var unencoded = new List<string>();
        var templates = Directory.GetFiles(Repo.Templates, "*.html", SearchOption.AllDirectories).Where(f => !f.Contains("/assets/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(templates);
        foreach (var file in templates)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Expression().Matches(text))
            {
                var body = m.Groups["body"].Value;
                // Statements, HTML the generator made, and what only shapes the template's own text (a
                // line joined with {{~ ~}}, a literal space) write nothing from content.
                if (Statement().IsMatch(body) || GeneratedHtml().IsMatch(body) || body.Trim() is "" or "\" \"") continue;
                if (Regex.IsMatch(body, @"\|\s*html\.(escape|text)\s*$")) continue;
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                unencoded.Add($"{Path.GetRelativePath(Repo.Root, file)}:{line}: {m.Value}");
            }
        }
        Assert.True(unencoded.Count == 0, "values written without html.escape:\n" + string.Join("\n", unencoded));
    }

    [Fact]
    public void Template_lines_stay_readable()
    {
        // Long lines are joined with whitespace control ({{- -}}) so that the output does not change.
        var long_ = Directory.GetFiles(Repo.Templates, "*.html", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((l, i) => (File: Path.GetRelativePath(Repo.Root, f), Line: i + 1, l.Length)))
            .Where(x => x.Length > 200).Select(x => $"{x.File}:{x.Line} ({x.Length} characters)").ToList();
        Assert.True(long_.Count == 0, "template lines over 200 characters:\n" + string.Join("\n", long_));
    }
}
