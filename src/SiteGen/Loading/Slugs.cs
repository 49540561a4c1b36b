using System.Text.RegularExpressions;

namespace SiteGen.Loading;

/// <summary>
/// Slugs and ids become URLs and file names, so only a safe alphabet is accepted.
/// Concept ids start with a letter; text slugs start with the text's date, so may start with a digit.
/// </summary>
internal static partial class Slugs
{
    [GeneratedRegex(@"^[a-z][a-z0-9-]*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")]
    private static partial Regex TextSlugPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static bool IsValidTextSlug(string slug) => TextSlugPattern().IsMatch(slug);

    public const string IdRule = "use only lowercase letters a-z, digits and hyphens, starting with a letter";
    public const string TextSlugRule = "use only lowercase letters a-z, digits and hyphens, starting with the text's date (2024-06-24-...)";
}
