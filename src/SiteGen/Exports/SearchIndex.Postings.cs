using System.Text;

namespace SiteGen.Exports;

/// <summary>The index's postings: each term's documents and positions, weighted by BM25 into one-byte impacts, written in term chunks.</summary>
internal static partial class SearchIndex
{
    /// <summary>
    /// A term's documents, in order, each with the positions of the term in it, kept as they will be written: varints
    /// of the document's distance from the previous one, the term's frequency in it and its positions' distances (a
    /// few bytes a position, where lists of integers took four to twelve).
    /// </summary>
    private sealed class Postings
    {
        private byte[] _bytes = new byte[8];
        private int _length;
        private int _lastDoc;

        /// <summary>How many documents hold the term.</summary>
        public int Count { get; private set; }

        /// <summary>Adds a document (after those added before) with the term's positions in it, in increasing order.</summary>
        public void Add(int doc, ReadOnlySpan<int> positions)
        {
            Write(doc - _lastDoc);
            _lastDoc = doc;
            Count++;
            Write(positions.Length);
            var at = 0;
            foreach (var p in positions) { Write(p - at); at = p; }
        }

        private void Write(int value)
        {
            if (_length + 5 > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + 5));
            var v = (uint)value;
            while (v >= 0x80) { _bytes[_length++] = (byte)(v | 0x80); v >>= 7; }
            _bytes[_length++] = (byte)v;
        }

        public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);
    }

    /// <summary>Reads a varint at <paramref name="at"/> of <paramref name="bytes"/> and moves past it.</summary>
    private static int ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        int value = 0, shift = 0;
        byte b;
        do { b = bytes[at++]; value |= (b & 0x7f) << shift; shift += 7; } while ((b & 0x80) != 0);
        return value;
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
        {
            var bytes = list.Bytes;
            for (int at = 0, doc = 0; at < bytes.Length;)
            {
                doc += ReadVarint(bytes, ref at);
                var frequency = ReadVarint(bytes, ref at);
                max = Math.Max(max, Weight(list.Count, frequency, lengths[doc]));
                for (var k = 0; k < frequency; k++) ReadVarint(bytes, ref at);
            }
        }

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
            // Each document as it is kept, with its impact inserted after its distance.
            var kept = list.Bytes;
            for (int at = 0, doc = 0; at < kept.Length;)
            {
                var start = at;
                doc += ReadVarint(kept, ref at);
                entry.Write(kept[start..at]);
                var frequencyStart = at;
                var frequency = ReadVarint(kept, ref at);
                entry.WriteByte(Impact(Weight(list.Count, frequency, lengths[doc]), max));
                for (var k = 0; k < frequency; k++) ReadVarint(kept, ref at);
                entry.Write(kept[frequencyStart..at]);
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
