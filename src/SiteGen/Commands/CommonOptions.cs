using SiteGen.Model;
using System.CommandLine;
using SiteGen.FileSystem;
using SiteGen.Addresses;

namespace SiteGen.Commands;

/// <summary>The folder options every command that reads the content shares.</summary>
/// <param name="folder">The folder the command runs from: the repository is found from it, and relative folders start there.</param>
internal sealed class CommonOptions(string folder)
{
    public Option<string?> Content { get; } = new("--content") { Description = "The content folder (default: content/ of the repository, found from the current folder upwards)." };
    public Option<string?> Templates { get; } = new("--templates") { Description = "The templates folder (default: templates/ of the repository)." };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Where the site is written (default: site/ of the repository)." };
    public Option<string?> BaseUrl { get; } = Checked(new("--base-url") { Description = "Where the site will be served from: a path such as /sitegen/ or a full URL (default: base_url in content/site.yml)." });

    /// <summary>A bad base URL is a usage mistake (exit code 2), caught before anything is read.</summary>
    private static Option<string?> Checked(Option<string?> baseUrl)
    {
        baseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !Addresses.BaseUrl.TryNormalise(value, out _))
                result.AddError($"--base-url '{value}' is neither a clean path such as /sitegen/ nor an http(s) URL such as https://owner.github.io/sitegen/ (letters, digits, '-', '.', '_', '~' and '/' only; no query, fragment, quotes or spaces, no . or .. segment)");
        });
        return baseUrl;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Content);
        command.Options.Add(Templates);
        command.Options.Add(Output);
        command.Options.Add(BaseUrl);
    }

    public ProjectPaths Paths(ParseResult result) => ProjectPaths.Resolve(
        folder, result.GetValue(Content), result.GetValue(Templates), result.GetValue(Output));
}
