using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Language.Entities;

/// <summary>
/// The tagger's weights: one row of per-label scores for each hashed feature bucket. While training, rows
/// are floats (17 per row, updated in place). A shipped model holds 16-bit quantised rows padded to 32
/// values, 64 bytes, aligned to cache lines: tagging touches ~45 random rows per token, so each row
/// costs one cache line instead of two, and the table is smaller than the float one.
/// </summary>
internal sealed class WeightTable
{
    private const int L = NerLabels.Count;
    private const int QuantizedStride = 32;

    private readonly float[]? _floats;
    private readonly short[]? _quantized;
    private readonly float _scale;

    public int BucketBits { get; }

    /// <summary>Values per row.</summary>
    public int Stride { get; }

    /// <summary>Index of bucket 0's first value (rows start on a 64-byte boundary).</summary>
    public int Base { get; }

    private WeightTable(int bucketBits, float[]? floats, short[]? quantized, float scale, int stride, int @base)
    {
        BucketBits = bucketBits;
        _floats = floats;
        _quantized = quantized;
        _scale = scale;
        Stride = stride;
        Base = @base;
    }

    /// <summary>Float rows of <see cref="NerLabels.Count"/> values (training, and models built in memory).</summary>
    public static WeightTable FromFloats(int bucketBits, float[] weights) => new(bucketBits, weights, null, 1f, L, 0);

    /// <summary>Quantised rows read from a model file (stored densely, 17 values per row).</summary>
    public static WeightTable FromQuantized(int bucketBits, ReadOnlySpan<short> dense, float scale)
    {
        int buckets = 1 << bucketBits;
        // Pinned so that the alignment computed here stays true.
        var rows = GC.AllocateArray<short>(buckets * QuantizedStride + QuantizedStride, pinned: true);
        var handle = GCHandle.Alloc(rows, GCHandleType.Pinned);
        long address = handle.AddrOfPinnedObject();
        handle.Free();
        int @base = (int)((64 - (address & 63)) & 63) / sizeof(short);
        for (int b = 0; b < buckets; b++)
            dense.Slice(b * L, L).CopyTo(rows.AsSpan(@base + b * QuantizedStride, L));
        return new WeightTable(bucketBits, null, rows, scale, QuantizedStride, @base);
    }

    public float[]? Floats => _floats;

    /// <summary>The weights as dense rows of 17 (for saving): floats as they are, quantised ones scaled back.</summary>
    public void CopyDense(Span<float> target)
    {
        int buckets = 1 << BucketBits;
        for (int b = 0; b < buckets; b++)
        {
            int from = Base + b * Stride;
            for (int l = 0; l < L; l++)
                target[b * L + l] = _floats is not null ? _floats[from + l] : _quantized![from + l] * _scale;
        }
    }

    /// <summary>Adds the rows at the given offsets into <paramref name="scores"/> (17 labels).</summary>
    public void AddRows(ReadOnlySpan<int> offsets, Span<float> scores)
    {
        if (_quantized is not null) AddQuantized(offsets, scores);
        else AddFloats(offsets, scores);
    }

    private void AddFloats(ReadOnlySpan<int> offsets, Span<float> scores)
    {
        var w = _floats!;
        foreach (int offset in offsets)
        {
            var row = w.AsSpan(offset, L);
            if (Vector.IsHardwareAccelerated && Vector<float>.Count is 8 or 16)
            {
                var s = MemoryMarshal.Cast<float, Vector<float>>(scores[..16]);
                var r = MemoryMarshal.Cast<float, Vector<float>>(row[..16]);
                for (int v = 0; v < s.Length; v++) s[v] += r[v];
                scores[16] += row[16];
            }
            else
            {
                for (int l = 0; l < L; l++) scores[l] += row[l];
            }
        }
    }

    private void AddQuantized(ReadOnlySpan<int> offsets, Span<float> scores)
    {
        var q = _quantized!;
        if (Vector256.IsHardwareAccelerated)
        {
            // integer sums of 16-bit weights cannot overflow for any realistic number of features
            ref short first = ref MemoryMarshal.GetArrayDataReference(q);
            var lo = Vector256<int>.Zero;
            var hi = Vector256<int>.Zero;
            int last = 0;
            foreach (int offset in offsets)
            {
                var row = Vector256.LoadUnsafe(ref first, (nuint)offset);
                var (a, b) = Vector256.Widen(row);
                lo += a;
                hi += b;
                last += q[offset + 16];
            }
            var scale = Vector256.Create(_scale);
            var s = MemoryMarshal.Cast<float, Vector256<float>>(scores[..16]);
            s[0] += Vector256.ConvertToSingle(lo) * scale;
            s[1] += Vector256.ConvertToSingle(hi) * scale;
            scores[16] += last * _scale;
        }
        else
        {
            Span<int> sums = stackalloc int[L];
            foreach (int offset in offsets)
                for (int l = 0; l < L; l++) sums[l] += q[offset + l];
            for (int l = 0; l < L; l++) scores[l] += sums[l] * _scale;
        }
    }

    /// <summary>One row's value (for the transition table).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Value(int offset, int label) => _floats is not null ? _floats[offset + label] : _quantized![offset + label] * _scale;
}
