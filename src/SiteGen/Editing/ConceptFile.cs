namespace SiteGen.Editing;

/// <summary>The file <c>new concept</c> starts a concept with: its title quoted for YAML, a comment showing where the aliases go.</summary>
internal static class ConceptFile
{
    /// <param name="title">A name on one line, without control characters (the command refuses others).</param>
    public static string Write(string title, string category)
    {
        // The example alias is a comment: its words can hold nothing that ends the line.
        var example = new string([.. title.ToLowerInvariant().Select(c => c is '\u2028' or '\u2029' or '\u0085' || char.IsControl(c) ? ' ' : c)]);
        return $"---\ntitle: {NoteFile.Quoted(title)}\naliases:\n  # every other phrasing the texts use, one per line, e.g.\n  # - {example}\n" +
               $"category: {category}\nrelated: []   # ids of related concepts\n---\n";
    }
}
