using System.Runtime.CompilerServices;

namespace Storyline.Language.Entities;

/// <summary>
/// Everything the tagger knows about a word type in one flat open-addressing table, so that each token
/// costs a single probe: its casing class (<see cref="CasingLexicon"/>) and its word classes
/// (<see cref="WordClusters"/>), packed into one 64-bit value.
/// </summary>
internal sealed class WordLexicon
{
    // value layout: bits 0-7 casing class; bits 16-31, 32-47, 48-63 the word classes of each granularity
    private readonly ulong[] _keys;
    private readonly ulong[] _values;
    private readonly int _mask;

    public WordLexicon(CasingLexicon casing, WordClusters clusters)
    {
        HasClusters = clusters.Count > 0;
        var values = new Dictionary<ulong, ulong>();
        foreach (var (key, cls) in casing.Entries) values[key] = cls;
        foreach (var (key, classes) in clusters.Entries)
        {
            values.TryGetValue(key, out ulong v);
            for (int g = 0; g < classes.Length; g++) v |= (ulong)classes[g] << (16 * (g + 1));
            values[key] = v;
        }
        int capacity = 16;
        while (capacity < values.Count * 2) capacity *= 2;
        _keys = new ulong[capacity];
        _values = new ulong[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in values)
        {
            if (key == 0) continue; // 0 marks an empty slot; a word hashing to it is simply unknown
            int slot = (int)(NerFeatures.Mix(key) & (ulong)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    /// <summary>Whether any word has classes (else the tagger leaves the cluster features out).</summary>
    public bool HasClusters { get; }

    /// <summary>The packed value of a word (0 when unknown).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Lookup(ulong lowerHash)
    {
        int slot = (int)(NerFeatures.Mix(lowerHash) & (ulong)_mask);
        while (true)
        {
            ulong k = _keys[slot];
            if (k == lowerHash) return _values[slot];
            if (k == 0) return 0;
            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Casing(ulong value) => value & 0xFF;

    /// <summary>Word class of granularity <paramref name="g"/> (0 = unknown word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Cluster(ulong value, int g) => (value >> (16 * (g + 1))) & 0xFFFF;
}
