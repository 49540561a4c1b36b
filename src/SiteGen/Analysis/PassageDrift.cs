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

    public static void Check(Site site, IReadOnlyList<AnchoredNote> anchors, DiagnosticBag diagnostics)
    {
        Dictionary<string, Text>? texts = null;
        foreach (var anchor in anchors)
        {
            if (anchor.Note.Anchored is not { } record) continue;
            texts ??= site.Texts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
            var paragraph = texts[anchor.Paragraph.Slug].Paragraphs[anchor.Paragraph.Number - 1];
            if (PassageRecord.HashOf(paragraph.PlainText) == record.Hash) continue;
            var moved = record.Paragraph == paragraph.Number ? $"¶{paragraph.Number}" : $"¶{paragraph.Number}, ¶{record.Paragraph} then";
            var change = record.Text is { } before && PassageRecord.HashOf(before) == record.Hash
                ? "\n    " + WordDiff(before, paragraph.PlainText)
                : " (the record keeps no text to compare with)";
            diagnostics.Warning(DiagnosticCodes.PassageDrifted, record.Location ?? anchor.Note.QuoteLocation,
                $"the paragraph this note was written against ({moved}) has changed since:{change}\n" +
                $"  check that the note still holds, then record the paragraph as it is now: run 'check --accept-drift {anchor.Note.SourcePath}'");
        }
    }

    /// <summary>
    /// How many pieces (words and the spaces between them) of each side the word diff aligns, at most, once their
    /// common start and end are set aside: aligning costs time in the product of the two, so a longer change is
    /// shown whole, as deleted then inserted.
    /// </summary>
    private const int MaxAligned = 4_000;

    /// <summary>
    /// The words of <paramref name="before"/> and <paramref name="after"/>, deletions as
    /// <c>[-words-]</c> and insertions as <c>{+words+}</c>, long unchanged runs cut to "…".
    /// </summary>
    public static string WordDiff(string before, string after)
    {
        var chunker = new WordChunker();
        var old = chunker.Chunk(before);
        var @new = chunker.Chunk(after);
        // The common start and end cost a linear scan; only what lies between is aligned.
        var head = 0;
        while (head < old.Count && head < @new.Count && old[head] == @new[head]) head++;
        var tail = 0;
        while (tail < old.Count - head && tail < @new.Count - head && old[^(tail + 1)] == @new[^(tail + 1)]) tail++;
        var pieces = new List<(char Kind, string Text)>();
        for (var i = 0; i < head; i++) pieces.Add(('=', old[i]));
        var oldMiddle = old.Skip(head).Take(old.Count - head - tail).ToList();
        var newMiddle = @new.Skip(head).Take(@new.Count - head - tail).ToList();
        if (oldMiddle.Count <= MaxAligned && newMiddle.Count <= MaxAligned)
        {
            var diff = Differ.Instance.CreateDiffs(string.Concat(oldMiddle), string.Concat(newMiddle), ignoreWhiteSpace: false, ignoreCase: false, chunker);
            var at = 0;
            foreach (var block in diff.DiffBlocks)
            {
                for (var i = at; i < block.DeleteStartA; i++) pieces.Add(('=', diff.PiecesOld[i]));
                for (var i = 0; i < block.DeleteCountA; i++) pieces.Add(('-', diff.PiecesOld[block.DeleteStartA + i]));
                for (var i = 0; i < block.InsertCountB; i++) pieces.Add(('+', diff.PiecesNew[block.InsertStartB + i]));
                at = block.DeleteStartA + block.DeleteCountA;
            }
            for (var i = at; i < diff.PiecesOld.Count; i++) pieces.Add(('=', diff.PiecesOld[i]));
        }
        else
        {
            pieces.AddRange(oldMiddle.Select(p => ('-', p)));
            pieces.AddRange(newMiddle.Select(p => ('+', p)));
        }
        for (var i = old.Count - tail; i < old.Count; i++) pieces.Add(('=', old[i]));
        return Render(pieces);
    }

    /// <summary>Writes the pieces, changes marked, each unchanged run cut to about <see cref="ContextWords"/> words on either side of a change.</summary>
    private static string Render(List<(char Kind, string Text)> pieces)
    {
        var text = new StringBuilder();
        // Words are every other piece (separators between them): keep about ContextWords words each side.
        const int keep = ContextWords * 2;
        for (var i = 0; i < pieces.Count;)
        {
            var kind = pieces[i].Kind;
            var end = i;
            while (end < pieces.Count && pieces[end].Kind == kind) end++;
            if (kind == '=')
            {
                bool first = i == 0, last = end == pieces.Count;
                // Cut only where it saves a few words.
                if (end - i <= (first || last ? keep : 2 * keep) + 6)
                    for (var k = i; k < end; k++) text.Append(pieces[k].Text);
                else
                {
                    if (!first) for (var k = i; k < i + keep; k++) text.Append(pieces[k].Text);
                    text.Append('…');
                    if (!last) for (var k = end - keep; k < end; k++) text.Append(pieces[k].Text);
                }
            }
            else
            {
                text.Append(kind == '-' ? "[-" : "{+");
                for (var k = i; k < end; k++) text.Append(pieces[k].Text);
                text.Append(kind == '-' ? "-]" : "+}");
            }
            i = end;
        }
        return text.ToString();
    }
}
