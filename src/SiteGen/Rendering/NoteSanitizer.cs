using Ganss.Xss;

namespace SiteGen.Rendering;

/// <summary>
/// Notes are written by contributors in pull requests, so their HTML is cleaned before it is
/// published: no raw HTML, scripts, event handlers or styles; links only to http(s) addresses or
/// to pages of the site.
/// </summary>
public static class NoteSanitizer
{
    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(Create);

    /// <summary>
    /// Building the sanitizer takes a few hundred milliseconds once per process (its HTML and CSS
    /// parsers): start it early, on another core, while the content loads.
    /// </summary>
    public static Task WarmUp() => Task.Run(() => Sanitizer.Value.Sanitize("<p>warm</p>"));

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "br", "q", "cite", "sup", "sub", "span" })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.KeepChildNodes = true;
        return sanitizer;
    }

    public static string Clean(string html) => Sanitizer.Value.Sanitize(html);
}
