namespace SiteGen.Addresses;

/// <summary>
/// Where the site is served from. Pages link to each other by absolute paths under the base
/// path (<c>/sitegen/texts/...</c>), so the site works at a domain's root or under a sub-path,
/// as GitHub project pages are.
/// </summary>
internal static class BaseUrl
{
    /// <summary>
    /// Accepts <c>/</c>, <c>/sitegen</c>, <c>https://host/sitegen/</c>; gives it back ending with a
    /// slash. The base URL goes into every link and attribute of every page, so only a clean path
    /// (letters, digits, <c>-._~%</c> and slashes) or an http(s) URL with such a path, and no
    /// user name, query or fragment, is accepted.
    /// </summary>
    public static bool TryNormalise(string value, out string normalised)
    {
        normalised = "";
        if (value.Length == 0) value = "/";
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (SafeUrl.Problem(value, allowRelative: false) is not null || !Uri.TryCreate(value, UriKind.Absolute, out var uri)) return false;
            // The path as written, before the URL parser resolves what it reads as dots (/%2e%2e/ would become /).
            var slash = value.IndexOf('/', value.IndexOf("://", StringComparison.Ordinal) + 3);
            if (slash >= 0 && !IsCleanPath(value[slash..])) return false;
            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || !IsCleanPath(uri.AbsolutePath)) return false;
            if (uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)) return false;
            normalised = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
            return true;
        }
        if (!value.StartsWith('/') || value.Contains("//", StringComparison.Ordinal) || !IsCleanPath(value)) return false;
        normalised = value.TrimEnd('/') + "/";
        return true;
    }

    /// <summary>
    /// Letters, digits, <c>-._~</c>, slashes and percent escapes of those only; no segment that is, once decoded,
    /// <c>.</c> or <c>..</c> (browsers resolve <c>/%2e%2e/</c> as <c>/../</c>, which would send every link outside the base).
    /// </summary>
    private static bool IsCleanPath(string path)
    {
        if (!path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~' or '%')) return false;
        foreach (var segment in path.Split('/'))
        {
            string decoded;
            try { decoded = Uri.UnescapeDataString(segment); }
            catch (UriFormatException) { return false; }
            if (decoded is "." or ".." || decoded.Length != segment.Length && !decoded.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')) return false;
        }
        return true;
    }

    /// <summary>The path part of a normalised base URL: <c>/sitegen/</c> for <c>https://host/sitegen/</c>.</summary>
    public static string PathOf(string normalised) =>
        Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : normalised;
}
