using Markdig;

namespace SiteGen.Bench;

/// <summary>
/// The render-only floor, run as a process of its own: every <c>*.md</c> of a folder read, its front matter
/// cut off crudely, its body through Markdig's default pipeline, a fixed page around it, written to
/// <c>OUT/&lt;name&gt;/index.html</c> in parallel. Nothing else: what any generator must at least do.
/// </summary>
internal static class Floor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static int Run(string source, string output)
    {
        var files = Directory.GetFiles(source, "*.md");
        Directory.CreateDirectory(output);
        Parallel.ForEach(files, file =>
        {
            var text = File.ReadAllText(file);
            string title = "", date = "", body = text;
            if (text.StartsWith("---\n", StringComparison.Ordinal) && text.IndexOf("\n---\n", 4, StringComparison.Ordinal) is var end and > 0)
            {
                foreach (var line in text[4..end].Split('\n'))
                {
                    if (line.StartsWith("title:", StringComparison.Ordinal)) title = line[6..].Trim().Trim('"');
                    else if (line.StartsWith("date:", StringComparison.Ordinal)) date = line[5..].Trim();
                }
                body = text[(end + 5)..];
            }
            var t = System.Net.WebUtility.HtmlEncode(title);
            var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + t +
                " | Synthetic policy reader</title></head>\n<body>\n<header><a href=\"/\">Synthetic policy reader</a></header>\n<main><article>\n<h1>" +
                t + "</h1>\n<time datetime=\"" + date + "\">" + date + "</time>\n" + Markdown.ToHtml(body, Pipeline) +
                "</article></main>\n<footer>Synthetic benchmark corpus</footer>\n</body>\n</html>\n";
            var folder = Path.Combine(output, Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.html"), page);
        });
        return 0;
    }
}
