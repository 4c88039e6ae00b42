using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>
/// The BILOU label set over the four entity types. Ratinov and Roth (2009, "Design challenges and
/// misconceptions in named entity recognition") found BILOU clearly better than BIO for greedy decoding.
/// Label 0 is O; type t (0..3, the order of <see cref="EntityType"/>) has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
/// </summary>
internal static class NerLabels
{
    public const int Count = 17;
    public const int O = 0;
    public const int TypeCount = 4;

    public static int Make(char position, int type) => position switch
    {
        'B' => 1 + 4 * type,
        'I' => 2 + 4 * type,
        'L' => 3 + 4 * type,
        'U' => 4 + 4 * type,
        _ => O,
    };

    /// <summary>0..3 for an entity label, -1 for O.</summary>
    public static int TypeOf(int label) => label == O ? -1 : (label - 1) >> 2;

    /// <summary>'B', 'I', 'L', 'U' or 'O'.</summary>
    public static char PositionOf(int label) => label == O ? 'O' : "BILU"[(label - 1) & 3];

    /// <summary>Whether an entity is still open after this label (the next label must continue it).</summary>
    public static bool IsOpen(int label) => label != O && ((label - 1) & 3) < 2;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="prev"/> (-1 = sentence start).</summary>
    public static bool Allowed(int prev, int next, bool nextIsLast)
    {
        char np = PositionOf(next);
        if (nextIsLast && np is 'B' or 'I') return false;
        if (prev >= 0 && IsOpen(prev))
            return np is 'I' or 'L' && TypeOf(next) == TypeOf(prev);
        return np is 'O' or 'B' or 'U';
    }

    private static readonly string[] TypeNames = ["PER", "ORG", "LOC", "MISC"];

    public static string TypeName(int type) => TypeNames[type];

    public static int ParseType(ReadOnlySpan<char> name) => name switch
    {
        "PER" => 0,
        "ORG" => 1,
        "LOC" => 2,
        "MISC" => 3,
        _ => -1,
    };

    /// <summary>IOB2 tag for conll output: B and U open an entity, I and L continue it.</summary>
    public static string ToIob(int label) => label == O ? "O" : IobTags[label];

    private static readonly string[] IobTags = BuildIob();

    private static string[] BuildIob()
    {
        var tags = new string[Count];
        tags[O] = "O";
        for (int t = 0; t < TypeCount; t++)
        {
            tags[Make('B', t)] = "B-" + TypeNames[t];
            tags[Make('U', t)] = "B-" + TypeNames[t];
            tags[Make('I', t)] = "I-" + TypeNames[t];
            tags[Make('L', t)] = "I-" + TypeNames[t];
        }
        return tags;
    }

    /// <summary>Converts entity spans (per token type, -1 outside; spans given by start flags) to BILOU labels.</summary>
    public static void FromSpans(ReadOnlySpan<(int Start, int End, int Type)> spans, Span<int> labels)
    {
        labels.Clear();
        foreach (var (s, e, t) in spans)
        {
            if (e - s == 1) { labels[s] = Make('U', t); continue; }
            labels[s] = Make('B', t);
            for (int k = s + 1; k < e - 1; k++) labels[k] = Make('I', t);
            labels[e - 1] = Make('L', t);
        }
    }
}
