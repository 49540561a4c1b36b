using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Bench;

/// <summary>
/// The worst inputs of each kind that a contributor can hand SiteGen, at a given size: each path that was once
/// quadratic (or worse) in its input, and its variants. Written as a small edition whose one large file is the
/// hostile one, with the command that reads it. A budget test holds each to a time proportional to its size, and
/// the <c>budgets</c> benchmark measures how the time grows with it.
/// </summary>
internal static class WorstInputs
{
    /// <summary>One worst input: a kind, the command line that reads it (its folders filled in by <see cref="Write"/>).</summary>
    public sealed record Input(string Kind, string[] Arguments);

    public static readonly string[] Kinds =
    [
        "commentary-sentences",   // "A. A. A. …": a first sentence found only after every candidate
        "commentary-initials",    // "e.g. e.g. e.g. …": every candidate refused as an abbreviation
        "note-brackets",          // *a_[b]( over and over in one paragraph of a note
        "note-dense-paragraphs",  // many paragraphs each just within the limit of marks
        "text-brackets",          // the same in a text's body
        "text-long-paragraph",    // one paragraph of the whole size, with a concept in every sentence
        "text-spread-brackets",   // one paragraph of the whole size, with as many unclosed links as the limit allows
        "drift",                  // a note recorded against a paragraph rewritten since, word by word
        "wrong-quotes",           // quotes found nowhere, on a long text: the closest-passage search
        "import-rows",            // a Hypothesis export of many rows on one line
        "import-wrong-quotes",    // an export whose quotes are found nowhere
        "yaml-long-list",         // an alias list of the whole size
    ];

    private const string Text = "---\ntitle: T\ndate: 2021-05-28\nkind: speech\n---\n";

    /// <summary>Writes the edition for <paramref name="kind"/> at about <paramref name="bytes"/> into <paramref name="folder"/>; the command to run on it.</summary>
    public static Input Write(string kind, long bytes, string folder, string templates)
    {
        var content = Path.Combine(folder, "content");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        void Put(string relative, string text)
        {
            var path = Path.Combine(content, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        string Repeat(string piece, long size, string separator = "")
        {
            var text = new StringBuilder((int)Math.Min(size + piece.Length, int.MaxValue));
            while (text.Length < size) text.Append(piece).Append(separator);
            return text.ToString();
        }
        Put("site.yml", "title: Worst inputs\ndescription: One hostile file.\n");
        Put("texts/2021-05-28-t.md", Text + "We need basic research now, and basic research again.\n\nA second paragraph on talent.\n");
        Put("texts/2021-05-29-u.md", Text.Replace("2021-05-28", "2021-05-29") + "More basic research.\n");
        Put("concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\nResearch at the source.\n");
        var check = new[] { "check", "--content", content, "--templates", templates };
        switch (kind)
        {
            case "commentary-sentences":
                Put("concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\n" + Repeat("A. ", bytes) + "\n");
                return new(kind, check);
            case "commentary-initials":
                Put("concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\n---\n" + Repeat("e.g. ", bytes) + "\n");
                return new(kind, check);
            case "note-brackets":
                Put("annotations/2021-05-28-t/n.md", "---\ntext: 2021-05-28-t\nquote: talent\nkind: note\n---\n" + Repeat("*a_[b](", bytes) + "\n");
                return new(kind, check);
            case "note-dense-paragraphs":
                // Each paragraph has as many marks as the limit allows: Markdig reads each in time square in its marks.
                var paragraph = Repeat("[a *b ", 590) + "\n\n";
                Put("annotations/2021-05-28-t/n.md", "---\ntext: 2021-05-28-t\nquote: talent\nkind: note\n---\n" + Repeat(paragraph, bytes) + "\n");
                return new(kind, check);
            case "text-brackets":
                Put("texts/2021-05-28-t.md", Text + "We need basic research.\n\n" + Repeat("*a_[b](", bytes) + "\n");
                return new(kind, check);
            case "text-long-paragraph":
                Put("texts/2021-05-28-t.md", Text + Repeat("We need basic research and talent, said the speaker. ", bytes) + "\n");
                return new(kind, check);
            case "text-spread-brackets":
            {
                var spacing = (int)(bytes / 190);
                var spread = new StringBuilder();
                for (var i = 0; i < 95; i++) spread.Append("[b](").Append(Repeat("words of a text ", spacing));
                Put("texts/2021-05-28-t.md", Text + spread + "\n");
                return new(kind, check);
            }
            case "drift":
            {
                var words = (int)(bytes / 16);
                var now = "basic research " + string.Join(' ', Enumerable.Range(0, words).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)));
                var then = "basic research " + string.Join(' ', Enumerable.Range(0, words).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)));
                Put("texts/2021-05-28-t.md", Text + now + "\n");
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(then)))[..8];
                Put("annotations/2021-05-28-t/n.md", $"---\ntext: 2021-05-28-t\nquote: basic research\nkind: note\nanchored:\n  paragraph: 1\n  hash: \"{hash}\"\n  text: \"{then}\"\n---\nA note.\n");
                return new(kind, check);
            }
            case "wrong-quotes":
            {
                // A long text, and as many wrong quotes of the longest length as the size allows.
                Put("texts/2021-05-28-t.md", Text + string.Join("\n\n", Enumerable.Range(1, 3000).Select(i => $"Paragraph {i} speaks of basic research, talent and the {i}th plan for science.")) + "\n");
                var quote = Repeat("words that are nowhere in the text at all ", 990)[..990];
                for (var i = 0; i * 1_100 < bytes; i++)
                    Put($"annotations/2021-05-28-t/q{i}.md", $"---\ntext: 2021-05-28-t\nquote: \"{quote}\"\nkind: note\n---\nA note.\n");
                return new(kind, check);
            }
            case "import-rows":
            case "import-wrong-quotes":
            {
                var exact = kind == "import-rows" ? "basic research" : Repeat("a passage found nowhere ", 900)[..900];
                var row = "{\"id\":\"ID\",\"uri\":\"https://example.org/texts/2021-05-28-t/\",\"user\":\"acct:a@hypothes.is\",\"text\":\"A note.\",\"tags\":[\"context\"]," +
                          "\"target\":[{\"source\":\"https://example.org/texts/2021-05-28-t/\",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"" + exact + "\"}]}]}";
                var rows = new StringBuilder("{\"rows\":[");
                for (var i = 0; rows.Length < bytes; i++) rows.Append(i > 0 ? "," : "").Append(row.Replace("\"ID\"", $"\"id{i}\"", StringComparison.Ordinal));
                rows.Append("]}");
                var export = Path.Combine(folder, "export.json");
                File.WriteAllText(export, rows.ToString());
                return new(kind, ["import", "hypothesis", export, "--content", content, "--dry-run"]);
            }
            case "yaml-long-list":
                Put("concepts/basic-research.md", "---\ntitle: Basic research\ncategory: term\naliases:\n" + Repeat("  - an alias found nowhere\n", bytes) + "---\nResearch.\n");
                return new(kind, check);
            default:
                throw new ArgumentException($"no worst input '{kind}'", nameof(kind));
        }
    }
}
