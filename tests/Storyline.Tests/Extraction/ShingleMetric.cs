using System.Text;

namespace Storyline.Tests.Extraction;

/// <summary>
/// The article-extraction benchmark's score, re-implemented from its definition: tokens are maximal runs
/// of letters, digits (Unicode L and N) and '_'; a text's shingles are the multiset of its 4-token windows
/// (one shorter shingle for a 1–3 token text); per page tp/fp/fn are shingle count overlaps normalised
/// by their sum; precision and recall are means over pages, F1 is computed from the two means.
/// </summary>
internal static class ShingleMetric
{
    private const int N = 4;

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                sb.Append(rune.ToString());
                continue;
            }
            if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    private static bool IsWordRune(Rune r)
    {
        if (r.Value == '_') return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
                or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
                or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber
                or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int last = Math.Max(1, tokens.Count - N + 1);
        for (int i = 0; i < last && tokens.Count > 0; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(N));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static (double Tp, double Fp, double Fn) Page(string truth, string prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (k, tc) in t)
        {
            int pc = p.GetValueOrDefault(k);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
            fp += Math.Max(0, pc - tc);
        }
        foreach (var (k, pc) in p)
        {
            if (!t.ContainsKey(k)) fp += pc;
        }
        double s = tp + fp + fn;
        return s > 0 ? (tp / s, fp / s, fn / s) : (0, 0, 0);
    }

    public static (double F1, double Precision, double Recall) Score(IEnumerable<(double Tp, double Fp, double Fn)> pages)
    {
        var precisions = new List<double>();
        var recalls = new List<double>();
        foreach (var (tp, fp, fn) in pages)
        {
            if (tp + fp > 0) precisions.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fp));
            if (tp + fn > 0) recalls.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fn));
        }
        double p = precisions.Count == 0 ? double.NaN : precisions.Average();
        double r = recalls.Count == 0 ? double.NaN : recalls.Average();
        return (2 * p * r / (p + r), p, r);
    }
}
