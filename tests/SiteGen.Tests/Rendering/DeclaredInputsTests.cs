using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Tests.Support;
using SiteGen.Rendering.Templates;
using SiteGen.FileSystem;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// Every file of the site declares what it is made from (<see cref="PlannedFile.Inputs"/>), which is what an incremental
/// build trusts: a file none of whose inputs changed is not made again. The oracle is the full build itself: the edition
/// is built, one input is edited (each text's body and its title, each concept, each note, site.yml, a template, an
/// asset; a text, a note and a concept added and deleted), the edition is built again, and every file whose bytes
/// changed, appeared or went must declare an input whose fingerprint changed.
/// </summary>
public class DeclaredInputsTests
{
    private sealed record Built(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyDictionary<string, ImmutableArray<string>> Inputs,
        IReadOnlyDictionary<string, string> Fingerprints);

    private static Built Build(string root)
    {
        var paths = new ProjectPaths(root, Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, "site"));
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(paths, diagnostics);
        var theme = ThemeLoader.Load(paths, diagnostics);
        var templates = theme is null ? null : TemplateSet.Parse(theme, diagnostics);
        Assert.True(site is not null && templates is not null && !diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
        var analysed = SiteAnalyser.Analyse(site!, diagnostics);
        var plan = SiteRenderer.Plan(analysed, templates!, theme!.Assets, diagnostics);
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Parallel.ForEach(plan, p => files[p.Path] = p.Make()!.Content);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
        Assert.Equal(plan.Count, plan.Select(p => p.Path).Distinct(StringComparer.Ordinal).Count());
        return new(files, plan.ToDictionary(p => p.Path, p => p.Inputs, StringComparer.Ordinal), Fingerprints.Of(analysed, theme));
    }

    /// <summary>Every edit, by name: what it does to a copy of the edition.</summary>
    public static TheoryData<string> Edits() => [.. EditsOf(Repo.Root).Keys];

    private static Dictionary<string, Action<string>> EditsOf(string root)
    {
        var edits = new Dictionary<string, Action<string>>(StringComparer.Ordinal);
        string Rel(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
        foreach (var text in Directory.GetFiles(Path.Combine(root, "content", "texts"), "*.md").Order(StringComparer.Ordinal).Select(Rel))
        {
            edits[$"a paragraph added to {text}"] = r => File.AppendAllText(Path.Combine(r, text), "\n\nA paragraph added about basic research and science and technology.\n");
            edits[$"the title of {text}"] = r => Replace(r, text, "^title: \"?(.*?)\"?$", "title: \"$1, revised\"");
        }
        foreach (var concept in Directory.GetFiles(Path.Combine(root, "content", "concepts"), "*.md").Order(StringComparer.Ordinal).Select(Rel))
            edits[$"the title of {concept}"] = r => Replace(r, concept, "^title: \"?(.*?)\"?$", "title: \"$1 revised\"");
        foreach (var note in Directory.GetFiles(Path.Combine(root, "content", "annotations"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Rel))
            edits[$"the words of {note}"] = r => File.AppendAllText(Path.Combine(r, note), "\nA sentence added by an editor.\n");
        edits["site.yml's description"] = r => Replace(r, "content/site.yml", "^description: (.*)$", "description: $1 Revised.");
        edits["a partial"] = r => File.AppendAllText(Path.Combine(r, "templates", "partials", "footer.html"), "\n");
        edits["the stylesheet"] = r => File.AppendAllText(Path.Combine(r, "templates", "assets", "site.css"), "\n/* revised */\n");
        edits["a text added"] = r => File.WriteAllText(Path.Combine(r, "content", "texts", "2022-01-01-added.md"),
            "---\ntitle: An added text\ndate: 2022-01-01\nauthor: Someone\nkind: article\n---\nBasic research and self-reliance in science and technology.\n");
        edits["a text and its notes deleted"] = r =>
        {
            var slug = Directory.GetFiles(Path.Combine(r, "content", "texts"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Last()!;
            File.Delete(Path.Combine(r, "content", "texts", slug + ".md"));
            if (Directory.Exists(Path.Combine(r, "content", "annotations", slug))) Directory.Delete(Path.Combine(r, "content", "annotations", slug), recursive: true);
        };
        edits["a note deleted"] = r => File.Delete(Directory.GetFiles(Path.Combine(r, "content", "annotations"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        edits["an alias added"] = r => Replace(r, "content/concepts/basic-research.md", "^aliases:$", "aliases:\n  - interdisciplinary fusion");
        return edits;
    }

    private static void Replace(string root, string file, string pattern, string replacement)
    {
        var path = Path.Combine(root, file);
        var before = File.ReadAllText(path);
        var after = Regex.Replace(before, pattern, replacement, RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static readonly Lazy<(string Root, Built Built)> Original = new(() => (Repo.Root, Build(Copy(Repo.Root))));

    /// <summary>
    /// A corpus large enough for every paged list (years, pages of notes, of a concept's texts, of the Web Annotation
    /// collection) and every summarised concept's concordance, written once for the run: 210 texts over two years with 231 notes.
    /// </summary>
    private static readonly Lazy<(string Root, Built Built)> Large = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-inputs-corpus-" + Guid.NewGuid().ToString("N")[..12]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var corpus = SiteGen.Bench.Corpus.Write(Repo.Root, Path.Combine(root, "corpus"), 210, notesPer100: 110, years: 2);
        Directory.Move(corpus.SiteGen, Path.Combine(root, "content"));
        CopyFolder(Repo.Templates, Path.Combine(root, "templates"));
        Directory.Delete(Path.Combine(root, "corpus"), recursive: true);
        var built = Build(root);
        Assert.Contains(built.Files.Keys, p => p.StartsWith("years/", StringComparison.Ordinal));
        Assert.Contains(built.Files.Keys, p => p.StartsWith("annotations/2/", StringComparison.Ordinal));
        Assert.Contains(built.Files.Keys, p => p.StartsWith("concepts/", StringComparison.Ordinal) && p.Contains("/texts/2/", StringComparison.Ordinal));
        Assert.Contains(built.Files.Keys, p => p.EndsWith("/mentions.bin", StringComparison.Ordinal));
        Assert.Contains(built.Files.Keys, p => p.StartsWith("annotations/page-2", StringComparison.Ordinal));
        return (root, built);
    });

    /// <summary>A copy of the content and templates under <paramref name="from"/>, to edit.</summary>
    private static string Copy(string from)
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-inputs-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var folder in new[] { "content", "templates" }) CopyFolder(Path.Combine(from, folder), Path.Combine(root, folder));
        return root;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The edits tried on the large corpus: one of each kind, on files in the middle of its lists.</summary>
    public static TheoryData<string> LargeEdits() =>
    [
        "a paragraph added to {text}", "the title of {text}", "the words of {note}", "the title of content/concepts/basic-research.md",
        "site.yml's description", "a text added", "a text and its notes deleted", "a note deleted", "an alias added",
    ];

    [Theory]
    [MemberData(nameof(LargeEdits))]
    public void At_scale_every_file_an_edit_changes_declares_an_input_the_edit_changed(string edit)
    {
        // {text} and {note}: a text and a note in the middle of their lists.
        var root = Large.Value.Root;
        string Middle(string folder, SearchOption option) =>
            Path.GetRelativePath(root, Directory.GetFiles(Path.Combine(root, "content", folder), "*.md", option).Order(StringComparer.Ordinal).ElementAt(75)).Replace('\\', '/');
        Check(Large.Value, edit.Replace("{text}", Middle("texts", SearchOption.TopDirectoryOnly), StringComparison.Ordinal)
            .Replace("{note}", Middle("annotations", SearchOption.AllDirectories), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_file_an_edit_changes_declares_an_input_the_edit_changed(string edit) => Check(Original.Value, edit);

    private static void Check((string Root, Built Built) original, string edit)
    {
        var before = original.Built;
        var root = Copy(original.Root);
        try
        {
            EditsOf(root)[edit](root);
            var after = Build(root);
            var changed = before.Fingerprints.Keys.Union(after.Fingerprints.Keys)
                .Where(k => before.Fingerprints.GetValueOrDefault(k) != after.Fingerprints.GetValueOrDefault(k)).ToHashSet(StringComparer.Ordinal);
            var differing = before.Files.Keys.Union(after.Files.Keys)
                .Where(path => !before.Files.TryGetValue(path, out var old) || !after.Files.TryGetValue(path, out var now) || !old.AsSpan().SequenceEqual(now))
                .Order(StringComparer.Ordinal).ToList();
            Assert.True(differing.Count > 0, $"{edit}: no file changed, so the edit tests nothing");
            var undeclared = differing.Where(path =>
            {
                var inputs = after.Inputs.TryGetValue(path, out var now) ? now : before.Inputs[path];
                return !inputs.Any(changed.Contains);
            }).ToList();
            Assert.True(undeclared.Count == 0,
                $"{edit} changed {undeclared.Count} of the {differing.Count} files it changed without changing any input they declare: {string.Join(", ", undeclared.Take(10))}; changed inputs: {string.Join(", ", changed.Order(StringComparer.Ordinal).Take(20))}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_edit_to_one_text_leaves_most_files_declared_unchanged()
    {
        // The inputs are precise enough to be worth having: an edit to one text's words leaves the files of the other texts alone.
        var (from, before) = Original.Value;
        var root = Copy(from);
        try
        {
            var text = Directory.GetFiles(Path.Combine(root, "content", "texts"), "*.md").Order(StringComparer.Ordinal).First();
            File.AppendAllText(text, "\n\nA paragraph added.\n");
            var after = Build(root);
            var changed = after.Fingerprints.Where(p => before.Fingerprints.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var remade = after.Inputs.Count(p => p.Value.Any(changed.Contains));
            Assert.True(remade < after.Inputs.Count / 2, $"{remade} of {after.Inputs.Count} files declare an input that one text's new paragraph changed");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
    /// <summary>One edit of each kind, for the incremental builds.</summary>
    public static TheoryData<string> OneEditOfEachKind() =>
    [
        .. EditsOf(Repo.Root).Keys.GroupBy(k => Regex.Replace(k, "(content/[a-z]+/).*$", "$1", RegexOptions.None, TimeSpan.FromSeconds(1)), StringComparer.Ordinal)
            .Select(g => g.First()),
    ];

    [Theory]
    [MemberData(nameof(OneEditOfEachKind))]
    public void An_incremental_build_after_an_edit_gives_the_bytes_of_a_full_build(string edit)
    {
        var root = Copy(Repo.Root);
        try
        {
            var paths = new ProjectPaths(root, Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, "site"));
            var first = SiteBuilder.Build(new BuildOptions(paths, Write: false, Remember: true));
            Assert.True(first.Succeeded && first.Made is not null);
            EditsOf(root)[edit](root);
            var incremental = SiteBuilder.Build(new BuildOptions(paths, Write: false, Remember: true, Previous: first.Made));
            var full = SiteBuilder.Build(new BuildOptions(paths, Write: false));
            Assert.True(incremental.Succeeded && full.Succeeded, string.Join('\n', full.Diagnostics));
            var made = incremental.Rendered!.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var expected = full.Rendered!.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), made.Keys.Order(StringComparer.Ordinal));
            var different = expected.Where(f => !f.Value.Content.AsSpan().SequenceEqual(made[f.Key].Content)).Select(f => f.Key).ToList();
            Assert.True(different.Count == 0, $"{edit}: the incremental build differs from a full one in {string.Join(", ", different.Take(10))}");
            // And it did take files from the last build: every file but those the edit changes.
            var reused = incremental.Rendered.Files.Count(f => first.Made!.Files.TryGetValue(f.Path, out var old) && ReferenceEquals(old.File, f));
            if (edit is not ("a partial" or "site.yml's description")) Assert.True(reused > 0, $"{edit}: no file was taken from the last build");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
