using System.Text;

namespace SiteGen.Exports;

/// <summary>The index's postings: each term's documents and positions, weighted by BM25 into one-byte impacts, written in term chunks.</summary>
internal static partial class SearchIndex
{
    /// <summary>A term's documents, in order, each with the positions of the term in it.</summary>
    private sealed class Postings
    {
        public readonly List<int> Docs = [];
        /// <summary>Where each document's positions start in <see cref="Positions"/>.</summary>
        public readonly List<int> Starts = [];
        public readonly List<int> Positions = [];

        public int Count => Docs.Count;

        public void Add(int doc, int position)
        {
            if (Docs.Count == 0 || Docs[^1] != doc)
            {
                Docs.Add(doc);
                Starts.Add(Positions.Count);
            }
            Positions.Add(position);
        }

        public int Frequency(int i) => (i + 1 < Starts.Count ? Starts[i + 1] : Positions.Count) - Starts[i];
    }

    /// <summary>Writes the term chunks; returns the first term of each.</summary>
    private static List<string> TermChunks(Dictionary<string, Postings> postings, int[] lengths, List<(string Path, byte[] Content)> files)
    {
        var n = lengths.Length;
        var average = n == 0 ? 1 : Math.Max(1, lengths.Average());
        double Weight(int df, int tf, int length)
        {
            var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
            return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average));
        }
        var max = 0.0;
        foreach (var list in postings.Values)
            for (var i = 0; i < list.Count; i++)
                max = Math.Max(max, Weight(list.Count, list.Frequency(i), lengths[list.Docs[i]]));

        var firstTerms = new List<string>();
        var chunk = new MemoryStream();
        var entry = new MemoryStream();
        void Flush()
        {
            if (chunk.Length == 0) return;
            files.Add(($"search/t/{firstTerms.Count - 1}.bin", chunk.ToArray()));
            chunk.SetLength(0);
        }
        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = postings[term];
            entry.SetLength(0);
            var previous = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var doc = list.Docs[i];
                var frequency = list.Frequency(i);
                Varint(entry, doc - previous);
                previous = doc;
                entry.WriteByte(Impact(Weight(list.Count, frequency, lengths[doc]), max));
                Varint(entry, frequency);
                var at = 0;
                for (var k = list.Starts[i]; k < list.Starts[i] + frequency; k++) { Varint(entry, list.Positions[k] - at); at = list.Positions[k]; }
            }
            if (chunk.Length == 0 || chunk.Length + entry.Length > TermChunkBytes)
            {
                Flush();
                firstTerms.Add(term);
            }
            var bytes = Encoding.UTF8.GetBytes(term);
            Varint(chunk, bytes.Length);
            chunk.Write(bytes);
            Varint(chunk, list.Count);
            Varint(chunk, (int)entry.Length);
            entry.WriteTo(chunk);
        }
        Flush();
        return firstTerms;
    }

    /// <summary>A BM25 weight as one byte (1–255) of the largest in the index: sums of impacts rank results.</summary>
    public static byte Impact(double weight, double max) => (byte)Math.Clamp((int)Math.Round(255 * weight / max, MidpointRounding.AwayFromZero), 1, 255);
}
