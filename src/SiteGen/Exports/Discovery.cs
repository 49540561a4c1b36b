using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Model;
using SiteGen.TextRules;
using SiteGen.Addresses;

namespace SiteGen.Exports;

/// <summary>
/// What lets others find the edition and follow it: <c>sitemap.xml</c> (sitemaps.org 0.9),
/// <c>robots.txt</c> pointing at it, and an Atom feed (RFC 4287) of the texts and the editors'
/// notes. All need absolute URLs, so they are written only when the published address is known.
/// </summary>
internal static class Discovery
{
    public const string SitemapFile = "sitemap.xml";
    public const string RobotsFile = "robots.txt";
    public const string FeedFile = "feed.xml";

    /// <summary>The feed carries the latest entries, as feeds do: readers poll it for what is new.</summary>
    public const int FeedEntries = 100;

    private static readonly XmlWriterSettings Xml = new()
    {
        Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>Every page of the site (its HTML files but the 404 page), by its absolute URL, in path order.</summary>
    public static OutputFile Sitemap(IEnumerable<string> pageFiles, Urls urls)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Xml))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var file in pageFiles.Where(f => f.EndsWith(".html", StringComparison.Ordinal) && f != "404.html").Order(StringComparer.Ordinal))
            {
                var path = urls.BasePath + (file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file);
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", X(urls.Absolute(path)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        stream.WriteByte((byte)'\n');
        return new OutputFile(SitemapFile, stream.ToArray());
    }

    /// <summary>Allows every crawler and names the sitemap (robots.txt is read at a host's root; under a sub-path it is inert).</summary>
    public static OutputFile Robots(Urls urls) =>
        new(RobotsFile, Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute(urls.BasePath + SitemapFile)}\n"));

    /// <summary>One entry of the feed: a text, or an editors' note.</summary>
    public sealed record Entry(string Url, string Title, DateOnly Updated, string? Author, string? Summary, string? ContentHtml, string Category);

    /// <summary>
    /// The Atom feed: the newest entries first (by date, then address), each with its absolute URL as id and link;
    /// the feed's own date is its newest entry's, so the same content gives the same feed.
    /// </summary>
    public static OutputFile Feed(SiteInfo info, IReadOnlyList<Entry> entries, Urls urls)
    {
        var ordered = entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Url, StringComparer.Ordinal).Take(FeedEntries).ToList();
        var home = urls.Absolute(urls.Home);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Xml))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, X(info.Language));
            xml.WriteElementString("id", Atom, X(home));
            xml.WriteElementString("title", Atom, X(info.Title));
            xml.WriteElementString("subtitle", Atom, X(info.Description));
            xml.WriteElementString("updated", Atom, Timestamp(ordered.Count > 0 ? ordered[0].Updated : new DateOnly(2000, 1, 1)));
            Link(xml, "self", urls.Absolute(urls.BasePath + FeedFile), "application/atom+xml");
            Link(xml, "alternate", home, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, X(info.Editors.Length > 0 ? string.Join(", ", info.Editors) : info.Title));
            xml.WriteEndElement();
            xml.WriteStartElement("generator", Atom);
            xml.WriteString("SiteGen");
            xml.WriteEndElement();
            foreach (var e in ordered)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, X(e.Url));
                xml.WriteElementString("title", Atom, X(e.Title));
                xml.WriteElementString("updated", Atom, Timestamp(e.Updated));
                xml.WriteElementString("published", Atom, Timestamp(e.Updated));
                if (e.Author is not null)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, X(e.Author));
                    xml.WriteEndElement();
                }
                Link(xml, "alternate", e.Url, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", X(e.Category));
                xml.WriteEndElement();
                if (e.Summary is not null) xml.WriteElementString("summary", Atom, X(e.Summary));
                if (e.ContentHtml is not null)
                {
                    xml.WriteStartElement("content", Atom);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(X(e.ContentHtml));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        stream.WriteByte((byte)'\n');
        return new OutputFile(FeedFile, stream.ToArray());
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", X(href));
        xml.WriteEndElement();
    }

    /// <summary>
    /// Every string goes into the XML through here: whatever reaches the feed (content is checked at load, but
    /// this writer does not rely on it), the document stays well-formed.
    /// </summary>
    private static string X(string value) => TextCharacters.ForXml(value);

    /// <summary>An RFC 3339 timestamp for a day: its start, in UTC, whatever the machine's time zone.</summary>
    private static string Timestamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
