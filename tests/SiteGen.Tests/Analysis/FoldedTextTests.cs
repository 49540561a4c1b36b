using SiteGen.Model;
using SiteGen.Analysis;
using SiteGen.TextRules;

namespace SiteGen.Tests.Analysis;

public class FoldedTextTests
{
    [Theory]
    [InlineData("Self-Reliance", "self reliance")]
    [InlineData("self‐reliance", "self reliance")]          // U+2010 hyphen
    [InlineData("self – reliance", "self reliance")]        // en dash between spaces
    [InlineData("Chang’e", "chang'e")]
    [InlineData("“double circulation”", "\"double circulation\"")]
    [InlineData("basic\n   research", "basic research")]
    [InlineData("  leading and trailing  ", "leading and trailing")]
    [InlineData("sci\u00ADence", "science")]                 // soft hyphen
    public void Typographic_variants_fold_to_one_form(string text, string folded) =>
        Assert.Equal(folded, FoldedText.Phrase(text));

    [Fact]
    public void Folded_ranges_map_back_to_the_original_words()
    {
        const string original = "Our  Self–Reliance, now";
        var folded = FoldedText.Of(original);
        var start = folded.Value.IndexOf("self reliance", StringComparison.Ordinal);
        var end = start + "self reliance".Length;
        Assert.Equal("Self–Reliance", original[folded.Start(start)..folded.End(end)]);
    }
}
