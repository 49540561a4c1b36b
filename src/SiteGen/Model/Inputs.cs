using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Model;

/// <summary>
/// The names of what a file of the site is made from. Each page kind declares, for every file it makes, the inputs
/// that file reads; the analysis gives each input a fingerprint (<c>Analysis/Fingerprints</c>), so that a build can
/// tell which files an edit may change: a file none of whose inputs changed is byte for byte what it was. An input is
/// a file that people write (a text, a concept, a note, site.yml, the templates, the assets) or something the analysis
/// works out across files (the list of texts, the registry, where a concept is mentioned, a text's related passages,
/// where the notes are).
/// </summary>
internal static class Inputs
{
    /// <summary><c>content/site.yml</c>.</summary>
    public const string Site = "site";
    /// <summary>Every template and partial (a page reads the layout, its own template and the partials they include).</summary>
    public const string Templates = "templates";
    /// <summary>Every asset (pages link each with a hash of its bytes).</summary>
    public const string Assets = "assets";
    /// <summary>The texts in reading order: their slugs, titles and dates.</summary>
    public const string TextList = "texts";
    /// <summary>The concept registry: every concept file (ids, titles, aliases decide every mention).</summary>
    public const string Registry = "registry";
    /// <summary>Every anchored note's place, number, kind and the page of the notes that holds it.</summary>
    public const string NoteList = "notes";

    /// <summary>A text's file.</summary>
    public static string Text(string slug) => "text:" + slug;
    /// <summary>A concept's file.</summary>
    public static string Concept(string id) => "concept:" + id;
    /// <summary>A note's file.</summary>
    public static string Note(string id) => "note:" + id;
    /// <summary>One asset's bytes.</summary>
    public static string Asset(string name) => "asset:" + name;
    /// <summary>Where a concept is mentioned (text, place, offsets), and with which concepts it shares paragraphs.</summary>
    public static string Mentions(string conceptId) => "mentions:" + conceptId;
    /// <summary>The passages of other texts related to each paragraph of a text.</summary>
    public static string Related(string slug) => "related:" + slug;

    /// <summary>A fingerprint of some text: the first 16 bytes of its SHA-256, in hex.</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <inheritdoc cref="Digest(string)"/>
    public static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
}

/// <summary>A file of the site as its page kind plans it: where it goes, what it is made from, and how to make it.</summary>
/// <param name="Path">The file's path in the output, with forward slashes.</param>
/// <param name="Inputs">The names of the inputs (<see cref="Model.Inputs"/>) the file reads: nothing else may change its bytes.</param>
/// <param name="Make">Makes the file; null when a template failed (its diagnostic is reported).</param>
internal sealed record PlannedFile(string Path, ImmutableArray<string> Inputs, Func<OutputFile?> Make);
