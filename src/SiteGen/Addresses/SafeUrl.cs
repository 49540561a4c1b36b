using System.Text.RegularExpressions;

namespace SiteGen.Addresses;

/// <summary>
/// The one rule for every URL that content puts in a page (links in texts, notes and commentary,
/// <c>source.url</c>, <c>repository</c>, the base URL): an <c>http(s)</c> or <c>mailto</c>
/// address, or a link within the site. Nothing a browser would run (<c>javascript:</c>,
/// <c>data:</c>, <c>vbscript:</c>), and nothing that browsers read differently from how it is
/// written: no white space or control characters (a tab inside <c>java&#9;script:</c> is
/// skipped by browsers), no backslashes, no protocol-relative <c>//host</c>.
/// </summary>
internal static partial class SafeUrl
{
    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();

    /// <summary>Whether <paramref name="url"/> may be a link: http(s), mailto, or (when <paramref name="allowRelative"/>) within the site.</summary>
    public static bool IsAllowed(string url, bool allowRelative = true) => Problem(url, allowRelative) is null;

    /// <summary>What is wrong with <paramref name="url"/>, said for a contributor; null when it may be a link.</summary>
    public static string? Problem(string url, bool allowRelative = true)
    {
        if (url.Length == 0) return "the address is empty";
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            return "the address contains spaces, tabs or control characters: write it without them (%20 for a space)";
        if (url.Contains('\\')) return "the address contains a backslash: use '/'";
        if (url.StartsWith("//", StringComparison.Ordinal)) return "the address starts with '//': write it in full, with https://";
        var scheme = Scheme().Match(url);
        if (!scheme.Success)
            return allowRelative ? null : "the address is not a full http(s) URL: write it as https://...";
        switch (scheme.Groups["scheme"].Value.ToLowerInvariant())
        {
            case "http" or "https":
                return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? null : "the address is not a valid http(s) URL";
            case "mailto" when allowRelative:
                return null;
            default:
                return $"'{scheme.Groups["scheme"].Value}:' addresses are not allowed: link to an http(s){(allowRelative ? " or mailto" : "")} address{(allowRelative ? " or to a page of the site" : "")}";
        }
    }
}
