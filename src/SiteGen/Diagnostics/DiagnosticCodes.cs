using SiteGen.Addresses;
namespace SiteGen.Diagnostics;

/// <summary>
/// Every diagnostic code in one place. Codes are stable: tools and documentation refer to them,
/// so a code is never reused for another meaning.
/// </summary>
internal static class DiagnosticCodes
{
    // Files and front matter
    public const string FileUnreadable = "SG0001";
    /// <summary>A control character, noncharacter or unpaired surrogate in content: <see cref="TextRules.TextCharacters"/>.</summary>
    public const string ForbiddenCharacter = "SG0002";
    /// <summary>A bidirectional control in content (a warning): pages isolate it.</summary>
    public const string BidiControl = "SG0003";
    public const string FrontMatterMissing = "SG0101";
    public const string FrontMatterUnclosed = "SG0102";
    public const string YamlSyntax = "SG0103";
    public const string UnknownKey = "SG0104";
    public const string MissingField = "SG0105";
    public const string WrongType = "SG0106";
    public const string BadDate = "SG0107";
    public const string BadSlug = "SG0108";
    public const string BadValue = "SG0109";
    public const string DuplicateKey = "SG0110";
    public const string SlugMismatch = "SG0112";
    /// <summary>A URL that could run script or mislead a browser (javascript:, data:, a tab inside): <see cref="Model.SafeUrl"/>.</summary>
    public const string RefusedUrl = "SG0113";
    /// <summary><c>feed: true</c> without the published address (<c>url:</c> or an absolute <c>--base-url</c>) its absolute links need.</summary>
    public const string FeedWithoutAddress = "SG0114";

    // Text bodies
    public const string UnsupportedMarkdown = "SG0201";
    public const string EmptyText = "SG0202";
    /// <summary>Raw HTML, images or {…} attributes in editorial Markdown (notes, commentary, the introduction).</summary>
    public const string RefusedMarkup = "SG0203";

    // Templates
    public const string TemplateSyntax = "SG0301";
    public const string TemplateMissing = "SG0302";
    public const string TemplateRuntime = "SG0303";

    // Concepts
    public const string DuplicateAlias = "SG0401";
    public const string AliasUnused = "SG0402";
    public const string UnknownConcept = "SG0403";
    public const string ConceptInOneText = "SG0404";
    public const string NoCommentary = "SG0405";

    // Annotations
    public const string UnknownText = "SG0501";
    public const string QuoteNotFound = "SG0502";
    public const string QuoteAmbiguous = "SG0503";
    public const string MisplacedFile = "SG0504";
    /// <summary>A note still anchors, but the paragraph it was written against has changed since (<see cref="Model.PassageRecord"/>).</summary>
    public const string PassageDrifted = "SG0505";

    // Imports
    /// <summary>A file given to <c>import hypothesis</c> that is not JSON in the Hypothesis API's format.</summary>
    public const string ImportUnreadable = "SG0701";

    // The rendered site
    public const string BrokenLink = "SG0601";
    public const string PageWithoutTitle = "SG0602";
    public const string PageWithoutDescription = "SG0603";

    // Output
    public const string OutputUnsafe = "SG0901";
    public const string OutputBusy = "SG0902";
    /// <summary>The file system refused to write the site (a full disk, a read-only or immutable folder): the old site is kept.</summary>
    public const string OutputFailed = "SG0903";
}
