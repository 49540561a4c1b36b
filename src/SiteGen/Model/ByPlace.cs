namespace SiteGen.Model;

/// <summary>A place in a text that things are found at: a paragraph (<see cref="ParagraphRef"/>) or a heading (<see cref="HeadingRef"/>).</summary>
internal interface IPlace<TSelf> where TSelf : struct, IPlace<TSelf>
{
    string Slug { get; }
    /// <summary>1..n within its text.</summary>
    int Number { get; }
    static abstract TSelf At(string slug, int number);
}

/// <summary>
/// What analysis found at some of the paragraphs (or headings) of the texts, by place: a table per text,
/// indexed by number, so that a look-up costs a text's slug and an index however large the corpus, and
/// building it hashes nothing per place. Places where nothing was found have no entry.
/// </summary>
internal sealed class ByPlace<TPlace, T> : IReadOnlyDictionary<TPlace, T> where TPlace : struct, IPlace<TPlace>
{
    private readonly FrozenDictionary<string, (bool Has, T Value)[]> _byText;

    private ByPlace(FrozenDictionary<string, (bool, T)[]> byText, int count)
    {
        _byText = byText;
        Count = count;
    }

    public static readonly ByPlace<TPlace, T> Empty = new(FrozenDictionary<string, (bool, T)[]>.Empty, 0);

    public int Count { get; }

    public bool TryGetValue(TPlace place, out T value)
    {
        if (_byText.TryGetValue(place.Slug, out var table) && place.Number >= 1 && place.Number <= table.Length && table[place.Number - 1].Has)
        {
            value = table[place.Number - 1].Value;
            return true;
        }
        value = default!;
        return false;
    }

    public bool ContainsKey(TPlace place) => TryGetValue(place, out _);

    public T this[TPlace place] => TryGetValue(place, out var value) ? value : throw new KeyNotFoundException($"nothing at {place}");

    public IEnumerable<TPlace> Keys => this.Select(e => e.Key);
    public IEnumerable<T> Values => this.Select(e => e.Value);

    /// <summary>In no particular order of texts; within a text, in order.</summary>
    public IEnumerator<KeyValuePair<TPlace, T>> GetEnumerator()
    {
        foreach (var (slug, table) in _byText)
            for (var i = 0; i < table.Length; i++)
                if (table[i].Has) yield return new(TPlace.At(slug, i + 1), table[i].Value);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Fills the table of each text (given with its number of places), then freezes it.</summary>
    public sealed class Builder(IEnumerable<(string Slug, int Places)> texts)
    {
        private readonly Dictionary<string, (bool, T)[]> _tables = texts.ToDictionary(t => t.Slug, t => new (bool, T)[t.Places], StringComparer.Ordinal);
        private int _count;

        /// <summary>Sets what is at a place; safe from several threads at once for places of different texts, or different places of one.</summary>
        public void Set(string slug, int number, T value)
        {
            ref var slot = ref _tables[slug][number - 1];
            if (!slot.Item1) Interlocked.Increment(ref _count);
            slot = (true, value);
        }

        public ByPlace<TPlace, T> ToReadOnly() => new(_tables.ToFrozenDictionary(StringComparer.Ordinal), _count);
    }
}
