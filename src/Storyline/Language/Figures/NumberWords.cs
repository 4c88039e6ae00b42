using System.Globalization;

namespace Storyline.Language.Figures;

/// <summary>
/// Our own small number reader: digits ("1,199", "3.5"), number words ("forty-five", "one hundred and twenty"),
/// scales ("1.5 million", "half a million"), fractions ("two-thirds") and a few vague counts. Works on single
/// words and on word sequences; the caller decides which words belong to a number.
/// </summary>
public static class NumberWords
{
    /// <summary>Units and teens, and the tens: the additive number words.</summary>
    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12, ["nought"] = 0, ["naught"] = 0,
    };

    /// <summary>Scale words with an ordinal ending: "hundredth" (the 100th, or 1/100 as a denominator).</summary>
    private static readonly Dictionary<string, double> ScaleOrdinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundredth"] = 100, ["thousandth"] = 1e3, ["millionth"] = 1e6, ["billionth"] = 1e9, ["trillionth"] = 1e12,
    };

    /// <summary>The scale word each scale ordinal is written from.</summary>
    private static readonly Dictionary<double, string> ScaleNames = new()
    {
        [100] = "hundred", [1e3] = "thousand", [1e6] = "million", [1e9] = "billion", [1e12] = "trillion",
    };

    /// <summary>Abbreviations of "dozen" ("five doz", "three dozs").</summary>
    private static readonly HashSet<string> DozenWords = new(StringComparer.OrdinalIgnoreCase) { "dozen", "dozens", "doz", "dozs", "doz." };

    /// <summary>Zero words that are numbers only in a spoken decimal ("nought point four"), not alone ("came to nought").</summary>
    private static readonly HashSet<string> ZeroWords = new(StringComparer.OrdinalIgnoreCase) { "nought", "naught" };

    /// <summary>Multiplying words; "hundred" multiplies the group, the others close it.</summary>
    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12,
        ["mil"] = 1e6, ["tln"] = 1e12, ["trn"] = 1e12, ["mln"] = 1e6, ["bln"] = 1e9, ["bn"] = 1e9, ["tn"] = 1e12, ["mn"] = 1e6, ["lakh"] = 1e5, ["crore"] = 1e7,
        ["hundreds"] = 100, ["thousands"] = 1e3, ["millions"] = 1e6, ["billions"] = 1e9,
    };

    /// <summary>Fraction words as denominators ("third" → 1/3, used in "two-thirds", "a third").</summary>
    private static readonly Dictionary<string, double> Fractions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 0.5, ["halves"] = 0.5, ["third"] = 1 / 3.0, ["thirds"] = 1 / 3.0, ["quarter"] = 0.25,
        ["quarters"] = 0.25, ["fifth"] = 0.2, ["fifths"] = 0.2, ["tenth"] = 0.1, ["tenths"] = 0.1,
        ["fourth"] = 0.25, ["fourths"] = 0.25, ["sixth"] = 1 / 6.0, ["sixths"] = 1 / 6.0, ["seventh"] = 1 / 7.0,
        ["sevenths"] = 1 / 7.0, ["eighth"] = 0.125, ["eighths"] = 0.125, ["ninth"] = 1 / 9.0, ["ninths"] = 1 / 9.0,
        ["hundredth"] = 0.01, ["hundredths"] = 0.01, ["thousandth"] = 0.001, ["thousandths"] = 0.001,
        ["millionth"] = 1e-6, ["millionths"] = 1e-6, ["billionth"] = 1e-9, ["billionths"] = 1e-9,
        ["trillionth"] = 1e-12, ["trillionths"] = 1e-12,
    };

    /// <summary>Ordinal words (not figures, but durations and dates read them).</summary>
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["last"] = -1, ["final"] = -1,
    };

    public static bool IsDozenWord(ReadOnlySpan<char> w) => DozenWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    public static bool IsZeroWord(ReadOnlySpan<char> w) => ZeroWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    public static bool IsCardinalWord(ReadOnlySpan<char> w) => Cardinals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w);

    public static bool IsScaleWord(ReadOnlySpan<char> w) => Scales.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w);

    public static bool TryScale(ReadOnlySpan<char> w, out double scale) => Scales.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out scale);

    public static bool TryFraction(ReadOnlySpan<char> w, out double value) => Fractions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out value);

    public static bool TryOrdinal(ReadOnlySpan<char> w, out int value)
    {
        if (Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out value)) return true;
        // "twenty-first": a tens word and an ordinal
        int dash = w.IndexOf('-');
        if (dash > 0 && Cardinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w[..dash], out int tens) && tens >= 20 && tens % 10 == 0 &&
            TryOrdinal(w[(dash + 1)..], out int unit) && unit is > 0 and < 10)
        {
            value = tens + unit;
            return true;
        }
        // "twentieth", "thirteenth", "nineth": a cardinal with an ordinal ending
        if (w.Length > 5 && char.IsLetter(w[0]))
        {
            Span<char> stem = stackalloc char[w.Length + 1];
            int n = 0;
            if (w.EndsWith("ieth", StringComparison.OrdinalIgnoreCase))
            {
                w[..^4].CopyTo(stem);
                n = w.Length - 4;
                stem[n++] = 'y';
            }
            else if (w.EndsWith("th", StringComparison.OrdinalIgnoreCase))
            {
                w[..^2].CopyTo(stem);
                n = w.Length - 2;
            }
            if (n > 0 && Cardinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(stem[..n], out int c) && c >= 9 && c != 12)
            {
                value = c;
                return true;
            }
        }
        // "3rd", "21st"
        if (w.Length >= 3 && char.IsDigit(w[0]))
        {
            var suffix = w[^2..];
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
                return int.TryParse(w[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        return false;
    }

    /// <summary>Reads digits with thousands separators and a decimal point: "1,199", "3.5", "40 223" is not handled.</summary>
    public static bool TryDigits(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.IsEmpty || !(char.IsDigit(s[0]) || (s[0] == '.' && s.Length > 1))) return false;
        Span<char> buf = stackalloc char[Math.Min(s.Length, 64)];
        int n = 0;
        for (int i = 0; i < s.Length && n < buf.Length; i++)
        {
            char c = s[i];
            if (char.IsDigit(c) || c == '.') buf[n++] = c;
            else if (c == ',' && IsThreeDigits(s, i + 1)) continue;
            else return false;
        }
        return double.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsThreeDigits(ReadOnlySpan<char> s, int at) =>
        at + 3 <= s.Length && char.IsDigit(s[at]) && char.IsDigit(s[at + 1]) && char.IsDigit(s[at + 2]) &&
        (at + 3 == s.Length || !char.IsDigit(s[at + 3]));

    /// <summary>
    /// One word as a number: "nine", "forty-five", "two-thirds", "1,199". Vague words ("several") are not numbers.
    /// </summary>
    public static bool TryWord(ReadOnlySpan<char> w, out double value)
    {
        value = 0;
        if (w.IsEmpty) return false;
        if (char.IsDigit(w[0])) return TryDigits(w, out value);
        if (Cardinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out int c)) { value = c; return true; }
        int dash = w.IndexOfAny('-', '\u2010');
        if (dash > 0)
        {
            var a = w[..dash];
            var b = w[(dash + 1)..];
            var lookup = Cardinals.GetAlternateLookup<ReadOnlySpan<char>>();
            // "forty-five"
            if (lookup.TryGetValue(a, out int tens) && tens >= 20 && tens % 10 == 0 && lookup.TryGetValue(b, out int units) && units is > 0 and < 10)
            {
                value = tens + units;
                return true;
            }
            // "two-thirds", "three-quarters"
            if (lookup.TryGetValue(a, out int num) && num is > 0 and < 20 && TryFraction(b, out double den) && b.Length > 0)
            {
                value = num * den;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A sequence of words as one number: "one hundred and twenty", "half a million", "1.5 million",
    /// "two and a half". Returns false when the words do not form a single number.
    /// </summary>
    public static bool TryWords(IReadOnlyList<string> words, out double value)
    {
        value = 0;
        double total = 0, group = 0;
        bool any = false, fractionPending = false;
        double fraction = 0;
        double sinceAnd = -1; // the cardinal read after the last "and" (a fraction numerator), or -1
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Equals("and", StringComparison.OrdinalIgnoreCase) && any) { sinceAnd = 0; continue; }
            if ((w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)))
            {
                if (!any && i + 1 < words.Count) { group = 1; any = true; continue; }
                if (fractionPending || (i + 1 < words.Count && (TryFraction(words[i + 1], out _) || TryScale(words[i + 1], out _)))) continue;
                return false;
            }
            // "a quarter of a million", "three quarters of a million": the fraction is of the scale after "of a"
            if (w.Equals("of", StringComparison.OrdinalIgnoreCase) && (fractionPending || (i > 0 && TryFraction(words[i - 1], out _)))) continue;
            if (IsDozenWord(w) && any)
            {
                group = (group == 0 ? 1 : group) * 12; // "three dozen"
                continue;
            }
            if (TryScale(w, out double scale))
            {
                if (!any) return false;
                if (fractionPending) { group = fraction; fractionPending = false; }
                if (scale == 100) group = (group == 0 ? 1 : group) * 100;
                // "three lakh crore", "two thousand million": a larger scale right after a smaller one scales the whole amount
                else if (group == 0 && total > 0 && i > 0 && TryScale(words[i - 1], out double before) && before < scale) total *= scale;
                else { total += (group == 0 ? 1 : group) * scale; group = 0; }
                continue;
            }
            if (TryFraction(w, out double frac))
            {
                if (!any) { fraction = frac; fractionPending = true; any = true; continue; }
                // "two and a half", "a third"
                if (group > 0 && i > 0 && (words[i - 1].Equals("a", StringComparison.OrdinalIgnoreCase) || words[i - 1].Equals("an", StringComparison.OrdinalIgnoreCase)))
                {
                    if (group == 1 && i == 1) { fraction = frac; fractionPending = true; group = 0; continue; }
                    group += frac;
                    continue;
                }
                if (sinceAnd > 0)
                {
                    // "twenty and three fifths" = 20 + 3/5
                    group = group - sinceAnd + sinceAnd * frac;
                    sinceAnd = -1;
                    continue;
                }
                // "a hundred thousand trillionths": the scale closed the amount before the denominator
                if (group == 0 && total > 0) { total *= frac; continue; }
                group *= frac;
                continue;
            }
            if (TryWord(w, out double v))
            {
                if (fractionPending) return false;
                if (group != 0 && v >= group && group < 100 && sinceAnd < 0) return false; // "five six" is not one number
                group += v;
                if (sinceAnd >= 0) sinceAnd += v;
                any = true;
                continue;
            }
            return false;
        }
        if (!any) return false;
        if (fractionPending) { total += fraction; }
        value = total + group;
        return true;
    }

    /// <summary>
    /// One word as an ordinal that number words can end in: "fifth" (5), "twenty-first" (21), "twentieth",
    /// "hundredth" (100, a scale). Digit ordinals ("21st") and "last" are not such words.
    /// </summary>
    public static bool TryOrdinalWord(ReadOnlySpan<char> w, out double value, out bool scale)
    {
        scale = false;
        value = 0;
        if (w.IsEmpty || !char.IsLetter(w[0])) return false;
        if (ScaleOrdinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out value)) { scale = true; return true; }
        if (!TryOrdinal(w, out int n) || n <= 0) return false;
        value = n;
        return true;
    }

    /// <summary>
    /// A plural ordinal, the denominator of a fraction: "fifths", "twenty-firsts", "trillionths". "seconds" is
    /// time and "firsts" is no denominator.
    /// </summary>
    public static bool TryPluralOrdinal(ReadOnlySpan<char> w, out double value, out bool scale)
    {
        value = 0;
        scale = false;
        if (w.Length < 4 || !(w[^1] is 's' or 'S')) return false;
        var stem = w[..^1];
        if (stem.Equals("second", StringComparison.OrdinalIgnoreCase) || stem.Equals("first", StringComparison.OrdinalIgnoreCase)) return false;
        return TryOrdinalWord(stem, out value, out scale);
    }

    /// <summary>
    /// Number words that end in an ordinal, read as a whole ordinal: "one hundred twenty-fifth" (125),
    /// "three trillionth" (3e12), "twenty second" (22). The ordinal stands for its cardinal in the number.
    /// </summary>
    public static bool TryOrdinalPhrase(IReadOnlyList<string> words, out double value)
    {
        value = 0;
        if (words.Count == 0 || !TryOrdinalWord(words[^1], out double last, out bool scale)) return false;
        if (words.Count == 1) { value = last; return true; }
        var cardinal = new List<string>(words.Count);
        for (int i = 0; i < words.Count - 1; i++) cardinal.Add(words[i]);
        cardinal.Add(scale ? ScaleNames[last] : last.ToString(CultureInfo.InvariantCulture));
        return TryWords(cardinal, out value);
    }

    /// <summary>An ordinal written in digits ("21st") or words ("twenty-one trillion and three hundred twenty second").</summary>
    public static bool TryOrdinalPhrase(string text, out double value)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1 && TryOrdinal(words[0], out int n) && n > 0) { value = n; return true; }
        return TryOrdinalPhrase(words, out value);
    }

    /// <summary>
    /// How number words followed by an ordinal word read: as a fraction with that denominator ("three
    /// twenty-firsts" = 3/21, "a trillionth", "one one hundred fifth" = 1/105), as an ordinal ("one hundred
    /// twenty-fifth", "three trillionth"), or neither. A plural ordinal is always a denominator; a tens word
    /// right before a unit denominator belongs to it ("one hundred thirty fifths" = 100/35, as "thirty-fifths").
    /// A singular ordinal is a denominator only after a lone "a" or "one" that cannot join the number
    /// after it ("one one hundred fifth"); "first" and "second" are never denominators ("one second").
    /// </summary>
    public static OrdinalEnding ReadOrdinalEnding(IReadOnlyList<string> numberWords, ReadOnlySpan<char> ordinal, out double value)
    {
        value = 0;
        if (numberWords.Count == 0) return OrdinalEnding.None;
        if (TryPluralOrdinal(ordinal, out double den, out bool scale))
        {
            int numeratorCount = numberWords.Count;
            var lastWord = numberWords[^1];
            if (!scale && den < 10 && numberWords.Count >= 2 && lastWord.IndexOf('-') < 0 &&
                Cardinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lastWord, out int tens) && tens is >= 20 and <= 90 && tens % 10 == 0)
            {
                den += tens;
                numeratorCount--;
            }
            var numerator = new List<string>(numeratorCount);
            for (int i = 0; i < numeratorCount; i++) numerator.Add(numberWords[i]);
            if (!TryWords(numerator, out double top)) return OrdinalEnding.None;
            value = top / den;
            return OrdinalEnding.Fraction;
        }
        if (!TryOrdinalWord(ordinal, out double nth, out _)) return OrdinalEnding.None;
        var whole = new List<string>(numberWords.Count + 1);
        whole.AddRange(numberWords);
        whole.Add(ordinal.ToString());
        bool unitNumerator = numberWords[0].Equals("a", StringComparison.OrdinalIgnoreCase) || numberWords[0].Equals("an", StringComparison.OrdinalIgnoreCase) ||
                             numberWords[0].Equals("one", StringComparison.OrdinalIgnoreCase);
        if (unitNumerator && numberWords.Count == 1)
        {
            if (nth <= 2) return OrdinalEnding.None;
            value = 1 / nth;
            return OrdinalEnding.Fraction;
        }
        if (TryOrdinalPhrase(whole, out value)) return OrdinalEnding.Ordinal;
        if (unitNumerator && TryOrdinalPhrase(whole.GetRange(1, whole.Count - 1), out double denominator) && denominator > 2)
        {
            value = 1 / denominator;
            return OrdinalEnding.Fraction;
        }
        value = 0;
        return OrdinalEnding.None;
    }
}

/// <summary>What number words before an ordinal word make of it.</summary>
public enum OrdinalEnding
{
    None,
    Fraction,
    Ordinal,
}
