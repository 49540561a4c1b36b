using SiteGen.Model;

namespace SiteGen.Addresses;

/// <summary>
/// Every URL of the site in one place. Pages live at <c>folder/index.html</c> and are linked as
/// <c>folder/</c>, under the base path, so links work at a domain's root and under a sub-path.
/// </summary>
internal sealed class Urls(string baseUrl, string? publishedUrl = null)
{
    public Urls(SiteInfo info) : this(info.BaseUrl, info.PublishedUrl) { }

    /// <summary>The base URL as configured, ending with a slash (absolute, or a path).</summary>
    public string Base { get; } = baseUrl;

    /// <summary>The path every internal link starts with, e.g. <c>/</c> or <c>/sitegen/</c>.</summary>
    public string BasePath { get; } = BaseUrl.PathOf(baseUrl);

    public string Home => BasePath;
    public string Text(string slug) => $"{BasePath}texts/{slug}/";
    public string Paragraph(string slug, int number) => $"{Text(slug)}#p{number}";
    public string Heading(string slug, int number) => $"{Text(slug)}#h{number}";
    /// <summary>Where a mention is: its paragraph, or its section heading.</summary>
    public string Place(Mention m) => m.InHeading ? Heading(m.Slug, m.Number) : Paragraph(m.Slug, m.Number);
    public string Asset(string name) => $"{BasePath}assets/{name}";
    public string Concepts => $"{BasePath}concepts/";
    public string Search => $"{BasePath}search/";
    public string Glossary => $"{BasePath}glossary/";
    /// <summary>The data of the concept previews that mentions show on hover and focus.</summary>
    public string ConceptPreviews => $"{BasePath}concepts/previews.json";
    public string Annotations => $"{BasePath}annotations/";
    /// <summary>Page <paramref name="n"/> (1-based) of the notes: the first is the notes page.</summary>
    public string AnnotationsPage(int n) => n == 1 ? Annotations : $"{Annotations}{n}/";
    /// <summary>Page <paramref name="n"/> (1-based) of a year's texts, when the texts are listed by year.</summary>
    public string Year(int year, int n) => n == 1 ? $"{BasePath}years/{year}/" : $"{BasePath}years/{year}/{n}/";
    public string AnnotationExport => $"{BasePath}annotations.jsonld";
    /// <summary>Page <paramref name="n"/> (1-based) of the notes' Web Annotation collection, when it has pages of its own.</summary>
    public string AnnotationExportPage(int n) => $"{BasePath}annotations/page-{n}.jsonld";
    /// <summary>The notes of one text, published beside its page.</summary>
    public string TextAnnotationExport(string slug) => $"{Text(slug)}annotations.jsonld";
    /// <summary>A note as it stands in its text: the marker after the highlighted passage.</summary>
    public string AnnotationInText(string slug, string name) => $"{Text(slug)}#ref-{name}";
    /// <summary>A note's permanent anchor on the annotations page.</summary>
    public string AnnotationPermalink(string slug, string name, int page = 1) => $"{AnnotationsPage(page)}#{slug}--{name}";
    /// <summary>A text's citation, to download.</summary>
    public string TextBibTeX(string slug) => $"{Text(slug)}cite.bib";
    public string TextCslJson(string slug) => $"{Text(slug)}cite.json";
    public string Timeline => $"{BasePath}timeline/";
    public string Feed => $"{BasePath}feed.xml";
    public string Concept(string id) => $"{BasePath}concepts/{id}/";
    /// <summary>Page <paramref name="n"/> (1-based) of a concept's mentions in context, when they are too many for its page.</summary>
    /// <summary>Page <paramref name="n"/> of a concept's table of texts: the concept's own page for the first.</summary>
    public string ConceptTexts(string id, int n) => n == 1 ? Concept(id) : $"{BasePath}concepts/{id}/texts/{n}/";
    /// <summary>Every mention of a concept, as places in the texts, for the concordance read in the browser.</summary>
    public string Concordance(string id) => $"{BasePath}concepts/{id}/mentions.bin";

    /// <summary>
    /// The address where the site is published (an absolute base URL, or <c>url:</c> of site.yml), ending
    /// with a slash; null when unknown.
    /// </summary>
    public string? Published { get; } = baseUrl.StartsWith("http", StringComparison.Ordinal) ? baseUrl : publishedUrl;

    /// <summary>
    /// The absolute URL of a page (given by its path under the base path), for canonical links, citations,
    /// exports, the feed and the sitemap; the path itself when the published address is unknown.
    /// </summary>
    public string Absolute(string path) =>
        Published is null ? path
        : path.StartsWith(BasePath, StringComparison.Ordinal) ? Published + path[BasePath.Length..]
        : new Uri(new Uri(Published), path).ToString();

    /// <summary>The output file for a page URL: <c>texts/x/</c> → <c>texts/x/index.html</c>.</summary>
    public string FileFor(string url)
    {
        var relative = url[BasePath.Length..];
        var hash = relative.IndexOf('#');
        if (hash >= 0) relative = relative[..hash];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }
}
