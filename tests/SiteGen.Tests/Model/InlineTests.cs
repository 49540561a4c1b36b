using SiteGen.Model;
using SiteGen.Rendering.Body;

namespace SiteGen.Tests.Model;

public class InlineTests
{
    [Fact]
    public void Placing_gives_every_inline_its_span_in_the_plain_text()
    {
        var content = Inlines.WithSpans([new Words("Deng "), new Emphasis(EmphasisKind.Strong, [new Words("Xiao"), new Code("ping")]), new Break(false), new Link("https://e.org", [new Words("theory")])]);
        Assert.Equal("Deng Xiaoping theory", Inlines.PlainText(content));
        Assert.Equal([(0, 5), (5, 13), (13, 14), (14, 20)], content.Select(i => (i.Start, i.End)));
        var strong = Assert.IsType<Emphasis>(content[1]);
        Assert.Equal([(5, 9), (9, 13)], strong.Children.Select(i => (i.Start, i.End)));
    }

    private sealed record Footnote : Inline
    {
        public override int Length => 1;
    }

    [Fact]
    public void An_inline_kind_without_a_rule_is_refused_loudly_not_skipped()
    {
        Assert.Throws<InvalidOperationException>(() => Inlines.WithSpans([new Words("a"), new Footnote()]));
        var html = new System.Text.StringBuilder();
        Assert.Throws<InvalidOperationException>(() => SiteGen.Rendering.Body.InlineRenderer.Render(html, Support.RepoTemplates.Inline, [new Footnote()], []));
        Assert.Throws<InvalidOperationException>(() => SiteGen.Analysis.MentionFinder.ProtectedRanges([new Footnote()]));
    }

    [Fact]
    public void Every_kind_and_category_has_its_word_and_label()
    {
        Assert.Equal(["speech", "article", "report", "news"], Vocabulary.TextKinds.Words);
        Assert.Equal(["note", "correction", "context", "translation"], Vocabulary.NoteKinds.Words);
        Assert.Equal("Programmes and projects", Vocabulary.ConceptCategories.Label(ConceptCategory.Program));
        Assert.Equal(ConceptCategory.PolicyGoal, Vocabulary.ConceptCategories.ByWord["policy-goal"]);
    }
}
