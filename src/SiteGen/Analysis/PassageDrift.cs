using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Analysis;

/// <summary>
/// Notes that still anchor but whose paragraph changed since they were written: each annotation
/// with an <c>anchored:</c> record is compared, by hash, with the paragraph it anchors in now, and a
/// change is a warning (an error under <c>--strict</c>) with a word diff of the paragraph. A
/// paragraph that only moved (renumbered, same words) is no drift.
/// </summary>
internal static class PassageDrift
{
    /// <summary>Unchanged words kept on each side of a change in the diff; longer runs are cut to "…".</summary>
    private const int ContextWords = 6;

    public static void Check(Site site, IReadOnlyList<Anchor> anchors, DiagnosticBag diagnostics)
    {
        Dictionary<string, Text>? texts = null;
        foreach (var anchor in anchors)
        {
            if (anchor.Annotation.Anchored is not { } record) continue;
            texts ??= site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
            var paragraph = texts[anchor.Paragraph.Slug].Paragraphs[anchor.Paragraph.Number - 1];
            if (PassageRecord.HashOf(paragraph.PlainText) == record.Hash) continue;
            var moved = record.Paragraph == paragraph.Number ? $"¶{paragraph.Number}" : $"¶{paragraph.Number}, ¶{record.Paragraph} then";
            var change = record.Text is { } before && PassageRecord.HashOf(before) == record.Hash
                ? "\n    " + WordDiff(before, paragraph.PlainText)
                : " (the record keeps no text to compare with)";
            diagnostics.Warning(DiagnosticCodes.PassageDrifted, record.Location ?? anchor.Annotation.QuoteLocation,
                $"the paragraph this note was written against ({moved}) has changed since:{change}\n" +
                $"  check that the note still holds, then record the paragraph as it is now: run 'check --accept-drift {anchor.Annotation.SourcePath}'");
        }
    }

    /// <summary>
    /// The words of <paramref name="before"/> and <paramref name="after"/>, deletions as
    /// <c>[-words-]</c> and insertions as <c>{+words+}</c>, long unchanged runs cut to "…".
    /// </summary>
    public static string WordDiff(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var old = diff.PiecesOld;
        var text = new StringBuilder();
        var at = 0;
        void Unchanged(int end, bool first, bool last)
        {
            var count = end - at;
            // Words are every other piece (separators between them): keep about ContextWords words each side.
            var keep = ContextWords * 2;
            // Cut only where it saves a few words.
            if (count <= (first || last ? keep : 2 * keep) + 6)
                for (var i = at; i < end; i++) text.Append(old[i]);
            else
            {
                if (!first) for (var i = at; i < at + keep; i++) text.Append(old[i]);
                text.Append('…');
                if (!last) for (var i = end - keep; i < end; i++) text.Append(old[i]);
            }
        }
        var blocks = diff.DiffBlocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            Unchanged(block.DeleteStartA, first: b == 0, last: false);
            if (block.DeleteCountA > 0)
                text.Append("[-").AppendJoin("", old.Skip(block.DeleteStartA).Take(block.DeleteCountA)).Append("-]");
            if (block.InsertCountB > 0)
                text.Append("{+").AppendJoin("", diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)).Append("+}");
            at = block.DeleteStartA + block.DeleteCountA;
        }
        Unchanged(old.Count, first: blocks.Count == 0, last: true);
        return text.ToString();
    }
}
