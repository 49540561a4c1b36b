using System.Text.RegularExpressions;

namespace SiteGen.Loading;

/// <summary>
/// Slugs and ids become URLs and file names, so only a safe alphabet is accepted, in names short enough
/// for every file system, and none that Windows reserves for a device (<c>con</c>, <c>nul</c>, <c>com1</c> …):
/// the repository must check out on every contributor's machine.
/// Concept ids start with a letter; text slugs start with the text's date, so may start with a digit.
/// </summary>
internal static partial class Slugs
{
    [GeneratedRegex(@"^[a-z][a-z0-9-]*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")]
    private static partial Regex TextSlugPattern();

    [GeneratedRegex(@"^(con|prn|aux|nul|com[0-9]|lpt[0-9])\z")]
    private static partial Regex WindowsDevice();

    /// <summary>The longest slug or id: with <c>.md</c> and its folder it stays far below every file system's limit.</summary>
    public const int MaxLength = 100;

    public static bool IsValidId(string id) => id.Length <= MaxLength && IdPattern().IsMatch(id) && !WindowsDevice().IsMatch(id);

    public static bool IsValidTextSlug(string slug) => slug.Length <= MaxLength && TextSlugPattern().IsMatch(slug) && !WindowsDevice().IsMatch(slug);

    private const string Limits = "at most 100 characters, and not a name Windows keeps for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9)";
    public const string IdRule = "use only lowercase letters a-z, digits and hyphens, starting with a letter, " + Limits;
    public const string TextSlugRule = "use only lowercase letters a-z, digits and hyphens, starting with the text's date (2024-06-24-...), " + Limits;
}
