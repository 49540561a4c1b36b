namespace SiteGen.Rendering;

/// <summary>
/// The last line of defence for HTML made from contributors' Markdown: only prose elements, only
/// <c>href</c> and <c>class</c> attributes, links only to http(s) and mailto addresses or to pages
/// of the site; no scripts, event handlers, styles or data attributes.
/// </summary>
internal static class HtmlSanitizer
{
    private static readonly Lazy<Ganss.Xss.HtmlSanitizer> Sanitizer = new(Create);

    /// <summary>
    /// Building the sanitizer takes a few hundred milliseconds once per process (its HTML and CSS
    /// parsers): start it early, on another core, while the content loads.
    /// </summary>
    public static Task WarmUp() => Task.Run(() => Sanitizer.Value.Sanitize("<p>warm</p>"));

    private static Ganss.Xss.HtmlSanitizer Create()
    {
        var sanitizer = new Ganss.Xss.HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "em", "strong", "del", "ins", "mark", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr", "q", "cite", "sup", "sub", "span", "h2", "h3", "h4", "h5", "h6" })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.KeepChildNodes = true;
        // The same URL rule as everywhere else (no protocol-relative //host, no tabs inside a scheme).
        sanitizer.FilterUrl += (_, e) => { if (!Model.SafeUrl.IsAllowed(e.OriginalUrl)) e.SanitizedUrl = null; };
        return sanitizer;
    }

    public static string Clean(string html) => Sanitizer.Value.Sanitize(html);
}
