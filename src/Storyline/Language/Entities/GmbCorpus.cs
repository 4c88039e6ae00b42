using System.Text;

namespace Storyline.Language.Entities;

/// <summary>A training sentence: words and their BILOU labels.</summary>
internal sealed record TrainingSentence(string[] Words, int[] Labels);

/// <summary>
/// Reads the Groningen Meaning Bank extract (Kaggle "Entity Annotated Corpus": CSV, latin-1, one token per
/// row, IOB2 tags over per/org/geo/gpe/tim/art/eve/nat) and maps it to Storyline's types, repairing the
/// annotation conventions that differ from the usual news convention instead of learning them:
/// <list type="bullet">
/// <item>per → PER, org → ORG, geo → LOC, gpe (mostly nationalities) → MISC; tim/art/eve/nat are dropped.</item>
/// <item>Titles inside person spans ("President Bush") are moved out of the name.</item>
/// <item>Place/organisation/nationality labels that contradict the corpus-wide majority for the same
/// surface string are relabelled to the majority (the silver annotation tags "U.N." as a place a third of
/// the time and some countries as nationalities).</item>
/// </list>
/// </summary>
internal static class GmbCorpus
{
    private static readonly Dictionary<string, int> TypeMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["per"] = 0,
        ["org"] = 1,
        ["geo"] = 2,
        ["gpe"] = 3,
    };

    /// <summary>Types (ORG, LOC, MISC) whose labels are harmonised by surface majority; names of people are left alone.</summary>
    private static readonly int[] HarmonisedTypes = [1, 2, 3];

    /// <summary>Options of the majority relabelling: a label flips only when another type dominates clearly.</summary>
    private const int MajorityMinCount = 10;
    private const double MajorityFactor = 2.0;

    public static List<(string[] Words, string[] Tags)> ReadRaw(string path)
    {
        var result = new List<(string[], string[])>();
        var words = new List<string>();
        var tags = new List<string>();
        using var reader = new StreamReader(path, Encoding.Latin1);
        reader.ReadLine(); // header
        var fields = new List<string>(4);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            SplitCsv(line, fields);
            if (fields.Count < 4) continue;
            if (fields[0].StartsWith("Sentence:", StringComparison.Ordinal) && words.Count > 0)
            {
                result.Add(([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
            }
            words.Add(fields[1]);
            tags.Add(fields[3]);
        }
        if (words.Count > 0) result.Add(([.. words], [.. tags]));
        return result;
    }

    private static void SplitCsv(string line, List<string> fields)
    {
        fields.Clear();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
    }

    /// <summary>Entity spans of one sentence in Storyline types, with titles already split off person names.</summary>
    public static List<(int Start, int End, int Type)> Spans(string[] words, string[] tags)
    {
        var spans = new List<(int, int, int)>();
        int i = 0;
        while (i < tags.Length)
        {
            var tag = tags[i];
            if (tag.Length > 2 && tag[1] == '-' && TypeMap.TryGetValue(tag[2..], out int type))
            {
                string raw = tag[2..];
                int j = i + 1;
                while (j < tags.Length && tags[j].Length > 2 && tags[j][0] == 'I' && tags[j].AsSpan(2).Equals(raw, StringComparison.OrdinalIgnoreCase)) j++;
                int s = i;
                if (type == 0)
                {
                    s += PersonTitles.LeadingTitleCount(words, i, j);
                    if (j - s == 1 && PersonTitles.IsTitle(words[s])) s = j; // a bare title is not a name
                }
                // "Secretary of State Condoleezza Rice": the silver data often tags "State" (and the name after
                // it) as an organisation; the whole "Secretary of State" is a title.
                if (s >= 2 && words[s - 1] == "of" && PersonTitles.IsTitle(words[s - 2]))
                {
                    int k = s;
                    while (k < j && PersonTitles.IsTitle(words[k])) k++;
                    if (k > s && type == 1 && j - k >= 2) type = 0;
                    s = k;
                }
                // "Mr. Putin" with the title tagged as a person and the name as an organisation or a place (some
                // 400 times in the training part): a name right after a personal honorific is a person's.
                if (type is 1 or 2 && s == i && s > 0 && PersonTitles.IsHonorific(words[s - 1])) type = 0;
                if (s < j) spans.Add((s, j, type));
                i = j;
            }
            else i++;
        }
        return spans;
    }

    /// <summary>Reads, maps and cleans the corpus into labelled sentences.</summary>
    public static List<TrainingSentence> Load(string path, Dictionary<string, int>? majority = null)
    {
        var raw = ReadRaw(path);
        var all = new List<(string[] Words, List<(int Start, int End, int Type)> Spans)>(raw.Count);
        foreach (var (w, t) in raw) all.Add((w, Spans(w, t)));
        majority ??= SurfaceMajority(all);
        var result = new List<TrainingSentence>(all.Count);
        foreach (var (words, spans) in all)
        {
            for (int k = 0; k < spans.Count; k++)
            {
                var (s, e, t) = spans[k];
                if (Array.IndexOf(HarmonisedTypes, t) >= 0 && majority.TryGetValue(Surface(words, s, e), out int m))
                    spans[k] = (s, e, m);
            }
            var labels = new int[words.Length];
            NerLabels.FromSpans(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans), labels);
            result.Add(new TrainingSentence(words, labels));
        }
        return result;
    }

    /// <summary>
    /// The surface-majority relabelling that <see cref="Load"/> derives from the corpus at <paramref name="path"/>:
    /// to read another split (dev) with the training data's conventions, without looking at that split's labels.
    /// </summary>
    public static Dictionary<string, int> MajorityOf(string path)
    {
        var all = new List<(string[] Words, List<(int Start, int End, int Type)> Spans)>();
        foreach (var (w, t) in ReadRaw(path)) all.Add((w, Spans(w, t)));
        return SurfaceMajority(all);
    }

    private static string Surface(string[] words, int s, int e) => string.Join(' ', words, s, e - s);

    /// <summary>Surface strings whose ORG/LOC/MISC labels are dominated by one type, mapped to that type.</summary>
    private static Dictionary<string, int> SurfaceMajority(List<(string[] Words, List<(int Start, int End, int Type)> Spans)> all)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (words, spans) in all)
        {
            foreach (var (s, e, t) in spans)
            {
                if (Array.IndexOf(HarmonisedTypes, t) < 0) continue;
                var key = Surface(words, s, e);
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[NerLabels.TypeCount];
                c[t]++;
            }
        }
        var majority = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, c) in counts)
        {
            int best = 1;
            foreach (int t in HarmonisedTypes) if (c[t] > c[best]) best = t;
            int rest = 0;
            foreach (int t in HarmonisedTypes) if (t != best) rest = Math.Max(rest, c[t]);
            if (c[best] >= MajorityMinCount && c[best] >= MajorityFactor * rest && rest > 0) majority[key] = best;
        }
        return majority;
    }
}
