using System.Text.RegularExpressions;

namespace SiteGen.Loading;

/// <summary>
/// Language tags as pages write them in <c>lang=""</c>: well-formed BCP 47 (RFC 5646, section 2.1): a language of
/// two or three letters (ISO 639: the longer forms the grammar allows are reserved, and no language has one, so that
/// "Chinese" or "english" is caught), then an optional script, region, variants, extensions and private use
/// (<c>en</c>, <c>zh-Hans</c>, <c>zh-Latn-pinyin</c>, <c>und</c>).
/// </summary>
internal static partial class LanguageTags
{
    [GeneratedRegex(@"\A(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static bool IsWellFormed(string tag) => Tag().IsMatch(tag);

    public const string Example = "write it as browsers read lang=\"\", e.g. 'language: en', 'language: zh' or 'language: zh-Hans'";
}
