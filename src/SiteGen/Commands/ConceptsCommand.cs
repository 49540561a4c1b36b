using System.CommandLine;
using System.Globalization;
using SiteGen.Analysis;
using SiteGen.Diagnostics;
using SiteGen.Loading;

namespace SiteGen.Commands;

/// <summary><c>sitegen concepts suggest</c>: phrases worth a concept that the registry lacks.</summary>
internal static class ConceptsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string folder)
    {
        var common = new CommonOptions(folder);
        var top = new Option<int>("--top", "-n") { Description = "How many phrases to list.", DefaultValueFactory = _ => 20 };
        var minTexts = new Option<int>("--min-texts") { Description = "In how many texts a phrase must appear at least (1 or more).", DefaultValueFactory = _ => 2 };
        minTexts.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--min-texts must be 1 or more"); });
        var suggest = new Command("suggest", "List recurring phrases of 2 to 6 words that no concept covers yet, most widespread first.");
        suggest.Options.Add(common.Content);
        suggest.Options.Add(top);
        suggest.Options.Add(minTexts);
        suggest.SetAction(result =>
        {
            var paths = common.Paths(result);
            var diagnostics = new DiagnosticBag();
            var site = ContentLoader.Load(paths, diagnostics);
            if (site is null || diagnostics.HasErrors)
            {
                DiagnosticFormatter.WriteHuman(stderr, diagnostics.Sorted(), colour: false);
                stderr.WriteLine("Fix these first: suggestions need content that loads.");
                return Cli.ContentErrors;
            }
            var analysed = SiteAnalyser.Analyse(site, new DiagnosticBag());
            var phrases = PhraseSuggester.Suggest(analysed, result.GetValue(minTexts)).Take(Math.Max(1, result.GetValue(top))).ToList();
            var shortNames = site.Texts.Select((t, i) => (t.Slug, Label: $"T{i + 1}")).ToDictionary(x => x.Slug, x => x.Label, StringComparer.Ordinal);
            stdout.WriteLine($"Phrases in {result.GetValue(minTexts)}+ texts that no concept covers ({site.Concepts.Length} concepts, {analysed.Mentions.Length} mentions):");
            stdout.WriteLine();
            stdout.WriteLine($"{"#",3}  {"phrase",-52} {"count",5}  texts");
            for (var i = 0; i < phrases.Count; i++)
            {
                var p = phrases[i];
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1,3}  {p.Phrase,-52} {p.Occurrences,5}  {string.Join(' ', p.TextSlugs.Select(s => shortNames[s]))}"));
            }
            stdout.WriteLine();
            foreach (var (slug, label) in shortNames) stdout.WriteLine($"  {label} = {slug}");
            stdout.WriteLine();
            stdout.WriteLine("To add one: dotnet run --project src/SiteGen -- new concept <id>, or write content/concepts/<id>.md (see CONTRIBUTING.md).");
            return Cli.Success;
        });
        var command = new Command("concepts", "Work with the concept registry.");
        command.Subcommands.Add(suggest);
        return command;
    }
}
