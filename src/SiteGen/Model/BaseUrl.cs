namespace SiteGen.Model;

/// <summary>
/// Where the site is served from. Pages link to each other by absolute paths under the base
/// path (<c>/sitegen/texts/...</c>), so the site works at a domain's root or under a sub-path,
/// as GitHub project pages are.
/// </summary>
public static class BaseUrl
{
    /// <summary>Accepts <c>/</c>, <c>/sitegen</c>, <c>https://host/sitegen/</c>; gives it back ending with a slash.</summary>
    public static bool TryNormalise(string value, out string normalised)
    {
        normalised = "";
        value = value.Trim();
        if (value.Length == 0) value = "/";
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            normalised = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
            return true;
        }
        if (!value.StartsWith('/') || value.Contains("//", StringComparison.Ordinal) || value.Contains('?') || value.Contains('#') || value.Contains(' '))
            return false;
        normalised = value.TrimEnd('/') + "/";
        return true;
    }

    /// <summary>The path part of a normalised base URL: <c>/sitegen/</c> for <c>https://host/sitegen/</c>.</summary>
    public static string PathOf(string normalised) =>
        Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : normalised;
}
