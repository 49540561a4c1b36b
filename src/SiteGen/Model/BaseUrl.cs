namespace SiteGen.Model;

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
            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || !IsCleanPath(uri.AbsolutePath)) return false;
            if (uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)) return false;
            normalised = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
            return true;
        }
        if (!value.StartsWith('/') || value.Contains("//", StringComparison.Ordinal) || !IsCleanPath(value)) return false;
        normalised = value.TrimEnd('/') + "/";
        return true;
    }

    private static bool IsCleanPath(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~' or '%') && !path.Split('/').Any(s => s is "." or "..");

    /// <summary>The path part of a normalised base URL: <c>/sitegen/</c> for <c>https://host/sitegen/</c>.</summary>
    public static string PathOf(string normalised) =>
        Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : normalised;
}
