using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;
using Storyline.Language.Times;
using static Storyline.Language.Figures.FigureLexicon;

namespace Storyline.Language.Figures;

/// <summary>
/// Finds reported numbers: counts, amounts and shares, in digits, words or both ("1,199", "half a million",
/// "two-thirds", "$1.5 billion"), with their bound ("more than", "about", "up to"), unit, what they count,
/// whose they are, and the authority they are attributed to. Years, dates, times, ages and ordinals are not
/// figures: the time layer (when present) and the age patterns exclude them. A token scanner over the
/// sentence layer (quantity model after CQE, Almasian et al. 2023); immutable and thread-safe.
/// </summary>
public sealed class FigureFinder : IAnnotator
{
    public static readonly FigureFinder Instance = new();

    public string Name => "figures";

    public IReadOnlyCollection<string> Requires => [Layers.Tokens, Layers.Sentences];

    public IReadOnlyCollection<string> Produces => [Layers.Figures];

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Figures = Find(document) };

    /// <summary>How many tokens to look ahead for what a figure counts.</summary>
    private const int MeasureWindow = 8;

    /// <summary>How many tokens a source noun phrase may span.</summary>
    private const int SourceMaxTokens = 10;

    public IReadOnlyList<Figure> Find(AnnotatedDocument doc)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        if (tokens.Length == 0) return [];
        var blocked = BlockedSpans(doc);
        var result = new List<Figure>();
        string? published = doc.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int timeIndex = 0;
        foreach (var s in doc.Sentences)
        {
            var scan = new Scanner(doc, s.FirstToken, s.EndToken);
            string? asOf = StatedAsOf(doc, s, ref timeIndex) ?? published;
            int i = s.FirstToken;
            while (i < s.EndToken)
            {
                if (scan.TryVague(i, out var vague, out double vagueHigh))
                {
                    var vnum = vague;
                    var vunit = scan.Unit(ref vnum) ?? scan.CountedNoun(ref vnum);
                    int vlast = Math.Max(vnum.Last, vnum.UnitLast);
                    int vs = tokens[vnum.First].Start, ve = tokens[vlast].End;
                    result.Add(new Figure
                    {
                        Span = new TextSpan(vs, ve), Text = text[vs..ve], Value = vnum.Value, ValueHigh = vagueHigh,
                        Qualifier = Qualifier.About, Unit = vunit, Measure = scan.Measure(vnum.First, vlast, out _),
                        Source = scan.Source(vnum.First), AsOf = asOf,
                    });
                    i = vlast + 1;
                    continue;
                }
                if (tokens[i].Kind == TokenKind.Number)
                {
                    // "?q=30%25": digits inside a web address are part of its name
                    if (InWebAddress(text, tokens[i].Start)) { i++; continue; }
                    // "nrs. 22,24,26,31": numbers listed with commas and no spaces, one figure each
                    if (ListedNumbers(text, tokens[i]) is { } listed)
                    {
                        var source = scan.Source(i);
                        foreach (var (ls, le, lv) in listed)
                            result.Add(new Figure { Span = new TextSpan(ls, le), Text = text[ls..le], Value = lv, Qualifier = Qualifier.Exact, Source = source, AsOf = asOf });
                        i++;
                        continue;
                    }
                }
                // a mixed number ("2 1/4") is not the date its fraction could be read as
                if (!scan.TryNumber(i, out var num) || IsBlocked(blocked, tokens[num.First].Start, tokens[num.Mixed ? num.First : num.Last].End) || scan.IsAge(num) || scan.IsNotAFigure(num))
                {
                    i = Math.Max(i + 1, scan.SkipTo);
                    continue;
                }
                var unit = scan.Unit(ref num);
                scan.MinorUnit(ref num, unit);
                // a range: "30 to 40", "30-40", "between 30 and 40", "from 252 miles to 287 miles". Reported as
                // two figures, one per end, each with the range's unit: a ledger compares ends, not intervals.
                int rangeEnd = num.UnitLast >= 0 ? num.UnitLast : num.Last;
                Num? highEnd = null;
                string? highUnit = null;
                if (scan.RangeAfter(rangeEnd, out var hi, num, unit))
                {
                    var hiNum = hi;
                    highUnit = scan.Unit(ref hiNum);
                    unit ??= highUnit;
                    highUnit ??= unit;
                    // "$62 to $68 a share": the compound unit written on the high end holds for both, and so does
                    // one written on the low end ("from $75 per barrel to $45.88")
                    if (highUnit is not null && unit is not null && highUnit.StartsWith(unit + "/", StringComparison.Ordinal)) unit = highUnit;
                    else if (highUnit is not null && unit is not null && unit.StartsWith(highUnit + "/", StringComparison.Ordinal)) highUnit = unit;
                    // the scale written once for both ends: "$89 to $93 billion", "1 to 2 thousand people"
                    double scale = scan.HasScale(hiNum) && !scan.HasScale(num) ? scan.ScaleOf(hiNum) : 1;
                    if (scale > 1 && num.Value * scale <= hiNum.Value) num = num with { Value = num.Value * scale };
                    highEnd = hiNum;
                }
                var qualifier = scan.QualifierBefore(num.First, out int qualFirst);
                if (qualifier == Qualifier.Exact) qualifier = scan.QualifierAfter(num);
                // "half a million", "a quarter of a million": a rounded amount
                if (qualifier == Qualifier.Exact && num.Words && scan.IsFractionOfScale(num)) qualifier = Qualifier.About;
                int lastTok = Math.Max(num.Last, num.UnitLast);
                int fullLast = highEnd is { } h0 ? Math.Max(h0.Last, h0.UnitLast) : lastTok;
                var measure = scan.Measure(num.First, fullLast, out string? subjectHint);
                var subject = scan.Subject(num, lastTok, subjectHint);
                var figure = new Figure
                {
                    Span = new TextSpan(tokens[num.First].Start, tokens[lastTok].End),
                    Text = text[tokens[num.First].Start..tokens[lastTok].End],
                    Value = num.Value,
                    Qualifier = qualifier,
                    Unit = unit,
                    Measure = measure,
                    Subject = subject,
                    Source = scan.Source(num.First),
                    AsOf = asOf,
                };
                if (num.InnerHigh is { } innerHi)
                {
                    // "15-22 mpg" written as one token: one figure per end, each spanning its own digits
                    int ts = tokens[num.First].Start;
                    int split = ts + num.InnerSplit;
                    result.Add(figure with { Span = new TextSpan(ts, split - 1), Text = text[ts..(split - 1)] });
                    int he2 = tokens[lastTok].End;
                    result.Add(figure with { Span = new TextSpan(split, he2), Text = text[split..he2], Value = innerHi });
                    i = fullLast + 1;
                    continue;
                }
                result.Add(figure);
                if (highEnd is { } h)
                {
                    int hl = Math.Max(h.Last, h.UnitLast);
                    int hs = tokens[h.First].Start, he = tokens[hl].End;
                    result.Add(figure with { Span = new TextSpan(hs, he), Text = text[hs..he], Value = h.Value, Unit = highUnit });
                }
                i = fullLast + 1;
            }
        }
        SameCountSameSource(result);
        ShareOfWhole(text, result);
        FromToSameUnit(text, result);
        FractionOfAUnit(text, result);
        return result;
    }

    /// <summary>"1/16 of a US pint", "a third of a mile": the unit a fraction is taken of.</summary>
    private static readonly Regex OfAUnit = new(@"\G\s+of\s+an?\s+(?:[A-Z][\w.]*\s+){0,2}(?<unit>[a-z]+)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>A fraction without a unit takes the unit of what it is a fraction of.</summary>
    private static void FractionOfAUnit(string text, List<Figure> figures)
    {
        for (int k = 0; k < figures.Count; k++)
        {
            var f = figures[k];
            if (f.Unit is not null || f.Value is <= 0 or >= 1) continue;
            var m = OfAUnit.Match(text, f.Span.End);
            if (m.Success && UnitWords.TryGetValue(m.Groups["unit"].Value, out var unit))
                figures[k] = f with { Unit = unit };
        }
    }

    /// <summary>How far back "from" may stand before the first amount of a "from ... to ..." change.</summary>
    private const int FromWindow = 24;

    /// <summary>
    /// "climbed from 21 mpg combined to 23", "from about 14-18 mpg to 24": the amount after "to" is in the unit
    /// of the amount the change started from, when it names none of its own.
    /// </summary>
    private static void FromToSameUnit(string text, List<Figure> figures)
    {
        for (int k = 0; k + 1 < figures.Count; k++)
        {
            var from = figures[k];
            var to = figures[k + 1];
            if (to.Unit is not null || from.Unit is not { } unit || unit == "%") continue;
            int gap = to.Span.Start - from.Span.End;
            if (gap is < 4 or > 20) continue;
            var between = text.AsSpan(from.Span.End, gap).Trim();
            // the "to" of the change, with at most one word before it ("combined to")
            if (!(between.Equals("to", StringComparison.OrdinalIgnoreCase) ||
                  (between.EndsWith(" to", StringComparison.OrdinalIgnoreCase) && between[..^3].IndexOfAny(' ', ',') < 0)))
                continue;
            int lookFrom = Math.Max(0, from.Span.Start - FromWindow);
            var before = text.AsSpan(lookFrom, from.Span.Start - lookFrom);
            int at = before.LastIndexOf("from ", StringComparison.OrdinalIgnoreCase);
            if (at < 0 || before[(at + 5)..].IndexOfAny('.', ';') >= 0) continue;
            figures[k + 1] = to with { Unit = unit };
        }
    }

    /// <summary>Street types that close an address after a house number.</summary>
    private static readonly HashSet<string> StreetTypes = new(StringComparer.Ordinal)
    {
        "St", "Street", "Rd", "Road", "Ave", "Avenue", "Blvd", "Boulevard", "Lane", "Ln", "Drive", "Dr", "Way", "Place",
        "Pl", "Court", "Ct", "Terrace", "Highway", "Hwy", "Parkway", "Pkwy", "Square", "Crescent", "Close",
    };

    /// <summary>Ordinals that, before "quarter" or "half", name a period of a year rather than a share.</summary>
    private static readonly HashSet<string> PeriodOrdinals = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th",
    };

    /// <summary>Words that join a part to the whole it is counted in: "280 million of the 1.5 billion shekels".</summary>
    private static readonly string[] PartOfWhole = [" of the ", " of "];

    /// <summary>
    /// A bare amount that is part of a whole written next to it with a unit ("has raised 280 million of the
    /// 1.5 billion shekels he needs") counts in the same unit.
    /// </summary>
    private static void ShareOfWhole(string text, List<Figure> figures)
    {
        for (int k = 0; k + 1 < figures.Count; k++)
        {
            var part = figures[k];
            var whole = figures[k + 1];
            if (part.Unit is not null || whole.Unit is not { } unit || whole.Value <= part.Value) continue;
            var between = text.AsSpan(part.Span.End, Math.Max(0, whole.Span.Start - part.Span.End));
            foreach (var join in PartOfWhole)
            {
                if (!between.Equals(join, StringComparison.OrdinalIgnoreCase)) continue;
                figures[k] = part with { Unit = unit };
                break;
            }
        }
    }

    /// <summary>Capital letters that, glued to a number, mark a generation of a technology ("5G", "4G"): not the unit "5g" (grams).</summary>
    private static readonly HashSet<char> GenerationSuffixes = ['G'];

    /// <summary>The unit of "5G": the technology's generation.</summary>
    private const string GenerationUnit = "generation";

    /// <summary>How far back a web address may begin before a number in it.</summary>
    private const int WebAddressReach = 512;

    /// <summary>Whether the text at <paramref name="at"/> is inside a web address ("https://...", "www...."), read back to the last space.</summary>
    private static bool InWebAddress(string text, int at)
    {
        int k = at;
        int stop = Math.Max(0, at - WebAddressReach);
        while (k > stop && !char.IsWhiteSpace(text[k - 1])) k--;
        var chunk = text.AsSpan(k, at - k);
        return chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "22,24,26,31": two or more commas between groups that are not all thousands groups make a list of
    /// numbers; null when the token is one number.
    /// </summary>
    private static List<(int Start, int End, double Value)>? ListedNumbers(string text, Token token)
    {
        var w = text.AsSpan(token.Start, token.End - token.Start);
        int commas = 0;
        foreach (char c in w)
        {
            if (c == ',') commas++;
            else if (!char.IsDigit(c)) return null;
        }
        if (commas < 2 || NumberWords.TryDigits(w, out _)) return null;
        var items = new List<(int, int, double)>(commas + 1);
        int from = 0;
        for (int k = 0; k <= w.Length; k++)
        {
            if (k < w.Length && w[k] != ',') continue;
            if (k - from is < 1 or > 3) return null;
            items.Add((token.Start + from, token.Start + k, double.Parse(w[from..k], NumberStyles.None, CultureInfo.InvariantCulture)));
            from = k + 1;
        }
        return items;
    }

    /// <summary>Counts below this are too common to be the same fact when repeated ("two", "12").</summary>
    private const double RepeatedCountFloor = 100;

    /// <summary>
    /// A count repeated in an article is the same reported fact: a mention without an attribution ("- over
    /// 39,000 killed" in a summary bullet) takes the authority a mention of the same value and unit states
    /// elsewhere (one sense per discourse, as for repeated dates).
    /// </summary>
    private static void SameCountSameSource(List<Figure> figures)
    {
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            if (f.Source is not null || f.Value < RepeatedCountFloor) continue;
            foreach (var g in figures)
            {
                if (g.Source is null || g.Value != f.Value || g.Unit != f.Unit) continue;
                figures[i] = f with { Source = g.Source };
                break;
            }
        }
    }

    /// <summary>Cues that tie a count to a date ("as of Monday", "by July 25", "since October 7").</summary>
    private static readonly string[] AsOfCues = ["as of", "as at", "by", "through", "until"];

    /// <summary>
    /// The date a sentence's figures hold for when it says so: a day-precise date after "as of", "by",
    /// "through" or "until" in the sentence; null otherwise (the publication date applies).
    /// </summary>
    private static string? StatedAsOf(AnnotatedDocument doc, Sentence s, ref int timeIndex)
    {
        var times = doc.Times;
        while (timeIndex < times.Count && times[timeIndex].Span.End <= s.Start) timeIndex++;
        for (int k = timeIndex; k < times.Count && times[k].Span.Start < s.End; k++)
        {
            var t = times[k];
            if (t.Type != TimexType.DATE || t.Value.Length != 10 || !char.IsDigit(t.Value[0])) continue;
            int before = t.Span.Start;
            while (before > s.Start && doc.Text[before - 1] == ' ') before--;
            var lead = doc.Text.AsSpan(Math.Max(s.Start, before - 6), before - Math.Max(s.Start, before - 6));
            foreach (var cue in AsOfCues)
                if (lead.EndsWith(cue, StringComparison.OrdinalIgnoreCase) &&
                    (lead.Length == cue.Length || !char.IsLetter(lead[lead.Length - cue.Length - 1])))
                    return t.Value;
        }
        return null;
    }

    /// <summary>Spans of dates, times and sets: numbers inside them are not figures.</summary>
    private static List<TextSpan> BlockedSpans(AnnotatedDocument doc)
    {
        var list = new List<TextSpan>();
        foreach (var t in doc.Times)
            if (t.Type is TimexType.DATE or TimexType.TIME or TimexType.SET) list.Add(t.Span);
        return list;
    }

    /// <summary>Whether [start, end) overlaps a blocked span; the spans are sorted and do not overlap.</summary>
    private static bool IsBlocked(List<TextSpan> blocked, int start, int end)
    {
        int lo = 0, hi = blocked.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var b = blocked[mid];
            if (b.End <= start) lo = mid + 1;
            else if (b.Start >= end) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /// <summary>A number found at some tokens: where it is, its value and its unit tokens.</summary>
    internal readonly record struct Num(int First, int Last, double Value, string? PrefixUnit, bool Words, int UnitLast = -1, int RangeLast = -1, string? SuffixUnit = null, double? InnerHigh = null, int InnerSplit = 0, bool Mixed = false);

    /// <summary>Token-level reading of one sentence.</summary>
    private ref struct Scanner(AnnotatedDocument doc, int lo, int hi)
    {
        private readonly string _text = doc.Text;
        private readonly Token[] _tokens = doc.Tokens;
        private readonly IReadOnlyList<Entity> _entities = doc.Entities;
        public int SkipTo;

        /// <summary>True when the tokens from <paramref name="start"/> spell <paramref name="words"/> (case-insensitively) inside the window.</summary>
        private readonly bool WordsAt(int start, string[] words)
        {
            if (start < lo || start + words.Length > hi) return false;
            for (int k = 0; k < words.Length; k++)
                if (!W(start + k).Equals(words[k], StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }

        private readonly ReadOnlySpan<char> W(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].End - _tokens[i].Start);

        private readonly bool Is(int i, string word) => i >= lo && i < hi && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private readonly bool Adjacent(int a, int b) => _tokens[a].End == _tokens[b].Start;

        public bool TryNumber(int i, out Num num)
        {
            num = default;
            SkipTo = i + 1;
            string? prefix = null;
            int first = i;
            // currency before the amount: "$", "US$", "€", "HK$", "NIS"
            var w = W(i);
            double prefixScale = 1;
            // "$US55,931,000", "$A82,615,680": the dollar sign, then its country's letters
            if (w is "$" && i + 2 < hi && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2) && _tokens[i + 2].Kind == TokenKind.Number &&
                CurrencyPrefixes.TryGetValue("$" + W(i + 1).ToString(), out var dollar))
            {
                prefix = dollar;
                i += 2;
                w = W(i);
            }
            else if ((CurrencyPrefixes.TryGetValue(w.ToString(), out var cur) || IsMillionsCode(w, out cur)) && i + 1 < hi)
            {
                // "MAUD 60": a code with the financial "M" prefix counts millions
                if (w.Length == 4 && w[0] == 'M') prefixScale = 1e6;
                int j = i + 1;
                if (Is(j, "$") && Adjacent(i, j) && j + 1 < hi) { j++; } // "US" "$"
                if (_tokens[j].Kind == TokenKind.Number || NumberWords.IsCardinalWord(W(j)))
                {
                    prefix = cur;
                    i = j;
                    w = W(i);
                }
                else return false;
            }
            else if (_tokens[i].Kind == TokenKind.Word && GluedCurrency(i, out var glued, out var gluedValue, out int gluedLast))
            {
                // "RM23.50", "USD10m", "USD1,700": a currency code written onto the amount
                num = new Num(first, gluedLast, gluedValue, glued, false);
                SkipTo = gluedLast + 1;
                return true;
            }
            else if (w.Equals("Y", StringComparison.Ordinal) && Is(i + 1, "=") && Adjacent(i, i + 1) && i + 2 < hi && _tokens[i + 2].Kind == TokenKind.Number)
            {
                // "Y=28,030": the wire services' yen sign
                prefix = "JPY";
                i += 2;
                w = W(i);
            }
            else if ((w.Equals("US", StringComparison.Ordinal) || w.Equals("A", StringComparison.Ordinal) || w.Equals("HK", StringComparison.Ordinal) || w.Equals("R", StringComparison.Ordinal) ||
                      w.Equals("NZ", StringComparison.Ordinal) || w.Equals("C", StringComparison.Ordinal) || w.Equals("S", StringComparison.Ordinal))
                     && Is(i + 1, "$") && i + 2 < hi && _tokens[i + 2].Kind == TokenKind.Number)
            {
                prefix = CurrencyPrefixes.TryGetValue(w.ToString() + "$", out var c2) ? c2 : "USD";
                i += 2;
                w = W(i);
            }

            bool negative = false;
            // "minus five percent", "negative one"
            if ((w.Equals("minus", StringComparison.OrdinalIgnoreCase) || w.Equals("negative", StringComparison.OrdinalIgnoreCase)) && i + 1 < hi &&
                _tokens[i + 1].Kind == TokenKind.Word && NumberWords.IsCardinalWord(W(i + 1)))
            {
                negative = true;
                i++;
                w = W(i);
            }
            else if (w.Equals("minus", StringComparison.OrdinalIgnoreCase) && i + 1 < hi && _tokens[i + 1].Kind == TokenKind.Number)
            {
                negative = true;
                i++;
                w = W(i);
            }
            else if (w.StartsWith("minus-", StringComparison.OrdinalIgnoreCase) && w.Length > 6 && char.IsDigit(w[6]))
            {
                if (!NumberWords.TryDigits(w[6..], out double mv)) return false;
                int mlast = i;
                // "minus-1.4": the tokenizer leaves ".4" apart
                if (i + 2 < hi && W(i + 1) is "." && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2) && _tokens[i + 2].Kind == TokenKind.Number &&
                    NumberWords.TryDigits(string.Concat(w[6..], ".", W(i + 2)), out double dec))
                {
                    mv = dec;
                    mlast = i + 2;
                }
                num = new Num(first, mlast, -mv, prefix, false);
                SkipTo = mlast + 1;
                return true;
            }
            if (w.Length == 1 && VulgarFractions.TryGetValue(w[0], out double vulgar))
            {
                // "¾", and "2½" written with the sign apart
                double whole = 0;
                int f0 = first;
                if (i - 1 >= lo && _tokens[i - 1].Kind == TokenKind.Number && Adjacent(i - 1, i) && NumberWords.TryDigits(W(i - 1), out whole)) f0 = i - 1;
                num = new Num(f0, i, whole + vulgar, prefix, false);
                SkipTo = i + 1;
                return true;
            }
            var t = _tokens[i];
            double value;
            bool words = false;
            double? innerHigh = null;
            int innerSplit = 0;
            int last = i;
            string? suffixUnit = null;
            if (t.Kind == TokenKind.Number)
            {
                if (w.Contains('\u2044') && TryFractionOf(i, w, out double written, needsOf: false))
                {
                    // "1⁄32": the fraction slash writes a fraction and nothing else
                    num = new Num(first, i, written, prefix, false);
                    SkipTo = i + 1;
                    return true;
                }
                if (w.Contains('/') && TryFractionOf(i, w, out double frac))
                {
                    num = new Num(first, i, frac, prefix, false);
                    SkipTo = i + 1;
                    return true;
                }
                if (w.Contains(':') || w.Contains('/')) return false;            // times, dates, "9/11"
                // "2222" in "222-2222/2222": the digits after a slash written against other digits end a code
                if (i - 2 >= lo && W(i - 1) is "/" && Adjacent(i - 2, i - 1) && Adjacent(i - 1, i) && _tokens[i - 2].Kind == TokenKind.Number) return false;
                int k = 0;
                while (k < w.Length && (char.IsDigit(w[k]) || w[k] is ',' or '.')) k++;
                var digits = w[..k];
                var rest = w[k..];
                if (!NumberWords.TryDigits(digits, out value) && !TryDecimalComma(digits, out value)) return false;
                bool plain = digits.IndexOfAny(',', '.') < 0;
                // ".25", ".23456": a decimal written without its leading zero (not "7 .2", a decimal split by spacing)
                if (plain && first == i && i - 1 >= lo && W(i - 1) is "." && Adjacent(i - 1, i) && (i - 2 < lo || !Adjacent(i - 2, i - 1)) &&
                    (i - 2 < lo || !char.IsDigit(_text[_tokens[i - 2].End - 1])))
                {
                    value = double.Parse(string.Concat("0.", digits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                    first = i - 1;
                    plain = false;
                }
                // "12.32e+14", "1.3x10^6", "2.5^-1": scientific notation and powers
                if (TryExponent(i, rest, out double exponent, out bool tenBase, out int expLast))
                {
                    value = !tenBase ? Math.Pow(value, exponent) : exponent < 0 ? value / Math.Pow(10, -exponent) : value * Math.Pow(10, exponent);
                    rest = default;
                    last = expLast;
                    plain = false;
                }
                // "40 000", "1 250 000": thousands groups written apart by single spaces
                else if (plain && digits.Length <= 3 && rest.IsEmpty && TrySpacedThousands(i, ref value, out int groupsLast)) last = groupsLast;
                if (rest.Length > 1 && rest[0] is '-' or '\u2010' or '\u2011')
                {
                    var tail = rest[1..];
                    if (tail.EndsWith("-old", StringComparison.OrdinalIgnoreCase) || tail.EndsWith("-olds", StringComparison.OrdinalIgnoreCase)) return false; // "81-year-old"
                    if (char.IsDigit(tail[0]))
                    {
                        // "15-22", "5-10W" in one token: a range; "2-0", "89-89" are scores
                        int e = 0;
                        while (e < tail.Length && (char.IsDigit(tail[e]) || tail[e] is ',' or '.')) e++;
                        if (!NumberWords.TryDigits(tail[..e], out double high) || high <= value) return false;
                        innerHigh = high;
                        innerSplit = k + 1;
                        rest = tail[e..];
                    }
                    else
                    {
                        // "2,000-lb", "6.1-inch", "5-mpg"; "12-hour" is a duration modifier, left to the time layer
                        if (UnitWords.TryGetValue(tail.ToString(), out var hu) && TimeUnits.Contains(hu)) return false;
                        rest = tail;
                    }
                }
                if (!rest.IsEmpty)
                {
                    // "222-2222/2222", "1-800-555": digit groups joined by signs are a telephone number or a code, not amounts
                    if (rest[0] is '-' or '/' or '\u2010' or '\u2011' || char.IsDigit(rest[0])) return false;
                    if (NumberWords.TryOrdinal(w, out _)) return false;       // "20th"
                    if (rest.Equals("s", StringComparison.OrdinalIgnoreCase)) return false; // "1990s"
                    if (ClockSuffixes.Contains(rest.ToString())) return false;  // "10.45pm"
                    if (rest.Length == 1 && GenerationSuffixes.Contains(rest[0])) suffixUnit = GenerationUnit; // "5G": a technology's generation, not five grams
                    else if (NumberWords.TryScale(rest, out double sc)) value *= sc;
                    else if (rest.Equals("M", StringComparison.Ordinal) || (rest.Equals("m", StringComparison.Ordinal) && prefix is not null)) value *= 1e6;
                    else if (rest.Equals("k", StringComparison.OrdinalIgnoreCase)) value *= 1e3;
                    else if (rest.Equals("b", StringComparison.OrdinalIgnoreCase)) value *= 1e9;
                    else if (CurrencyPrefixes.TryGetValue(rest.ToString(), out var codeAfter) && rest.Length == 3) suffixUnit = codeAfter; // "115USD"
                    else if (UnitWords.TryGetValue(rest.ToString(), out var u)) suffixUnit = u;
                    else if (rest.Equals("bn", StringComparison.OrdinalIgnoreCase)) value *= 1e9;
                    else if (char.IsUpper(rest[0])) return false;                   // "9AB", "737MAX": a name
                    else suffixUnit = rest.ToString();
                }
                // "1.8 billion-mile", "400 million-year-old": a scale and a unit (or an age) in one word
                if (last + 1 < hi && W(last + 1).IndexOf('-') is int hy && hy > 0 && NumberWords.TryScale(W(last + 1)[..hy], out double hs) && hs >= 1000)
                {
                    var tail = W(last + 1)[(hy + 1)..];
                    value *= hs;
                    last++;
                    if (UnitWords.TryGetValue(tail.ToString(), out var tu)) suffixUnit = tu;
                    num = new Num(first, last, negative ? -value : value, prefix, false, SuffixUnit: suffixUnit);
                    SkipTo = last + 1;
                    return true;
                }
                // "1.5 million", "2 billion", "1 1/2"
                double smallestScale = 0;
                while (last + 1 < hi && NumberWords.TryScale(W(last + 1), out double scale) && scale >= 100 && !IsPluralScaleOf(last + 1))
                {
                    value *= scale;
                    smallestScale = scale;
                    last++;
                }
                // "4 thousand 3 hundred and 21": digit groups with falling scale words, then "and" and the rest
                while (smallestScale > 0 && last + 2 < hi && _tokens[last + 1].Kind == TokenKind.Number && NumberWords.TryScale(W(last + 2), out double s2) &&
                       s2 >= 100 && s2 < smallestScale && int.TryParse(W(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int group) && group is > 0 and < 1000)
                {
                    value += group * s2;
                    smallestScale = s2;
                    last += 2;
                }
                if (smallestScale == 100 && Is(last + 1, "and") && last + 2 < hi && _tokens[last + 2].Kind == TokenKind.Number &&
                    int.TryParse(W(last + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int andRest) && andRest is > 0 and < 100)
                {
                    value += andRest;
                    last += 2;
                }
                else if (smallestScale == 100 && Is(last + 1, "and") && last + 2 < hi && _tokens[last + 2].Kind == TokenKind.Word &&
                         NumberWords.TryWord(W(last + 2), out double restWord) && restWord is > 0 and < 100 && !(last + 3 < hi && NumberWords.TryScale(W(last + 3), out _)))
                {
                    value += restWord;
                    last += 2;
                }
                if (prefix is not null && last + 1 < hi && (W(last + 1).Equals("m", StringComparison.Ordinal) || W(last + 1).Equals("bn", StringComparison.OrdinalIgnoreCase)))
                {
                    value *= W(last + 1).Equals("m", StringComparison.Ordinal) ? 1e6 : 1e9;
                    last++;
                }
                // "2.33 k", "1,674,200.5 M": a scale letter after the number
                else if (last + 1 < hi && Adjacent(last, last + 1) == false && (W(last + 1) is "k" or "K" or "M") && !(last + 2 < hi && _tokens[last + 2].Kind == TokenKind.Word))
                {
                    value *= W(last + 1) is "M" ? 1e6 : 1e3;
                    last++;
                }
            }
            else if (t.Kind == TokenKind.Word)
            {
                int dash = w.IndexOf('-');
                if (dash > 0 && NumberWords.IsCardinalWord(w[..dash]) && UnitWords.TryGetValue(w[(dash + 1)..].ToString(), out var hyphenUnit))
                {
                    // "a five-year plan", "two-month": a duration modifying a noun, left to the time layer
                    if (TimeUnits.Contains(hyphenUnit)) return false;
                    // "five-year", "two-day": a number and its unit in one word
                    NumberWords.TryWord(w[..dash], out value);
                    num = new Num(first, i, value, prefix, true, SuffixUnit: hyphenUnit);
                    SkipTo = i + 1;
                    return true;
                }
                if (!TryWordNumber(i, out value, out last, out int ordinalLast))
                {
                    // "one hundred twenty-fifth": an ordinal, skipped whole so that no part of it reads as a count
                    if (ordinalLast >= 0) SkipTo = ordinalLast + 1;
                    return false;
                }
                // "five point five", "two hundred point seventy-one": a spoken decimal ("at one point" is not one)
                if (Is(last + 1, "point") && !(i - 1 >= lo && Is(i - 1, "at")) && SpokenDecimals(last + 2, out double fraction, out int fracLast))
                {
                    value += fraction;
                    last = fracLast;
                }
                words = true;
            }
            else return false;
            // "2 1/4", "1 1/2 miles": a whole number and a proper fraction written apart
            bool mixedNumber = false;
            if (!words && last + 1 < hi && _tokens[last + 1].Kind == TokenKind.Number && value == Math.Floor(value) && !w.Contains('.') &&
                TryProperFraction(W(last + 1), out double mixed))
            {
                value += mixed;
                last++;
                mixedNumber = true;
            }
            // "2½": the fraction sign right after the digits
            if (!words && last + 1 < hi && Adjacent(last, last + 1) && W(last + 1).Length == 1 && VulgarFractions.TryGetValue(W(last + 1)[0], out double half))
            {
                value += half;
                last++;
            }
            // "1 and a half", "5 and three quarters": digits and a fraction in words
            if (!words && last == i && value == Math.Floor(value) && Is(last + 1, "and") && last + 3 < hi && !Is(last + 4, "of"))
            {
                if ((Is(last + 2, "a") || Is(last + 2, "an")) && NumberWords.TryFraction(W(last + 3), out double digitFraction))
                {
                    value += digitFraction;
                    last += 3;
                }
                else if (NumberWords.IsCardinalWord(W(last + 2)) && (NumberWords.TryPluralOrdinal(W(last + 3), out _, out _) || W(last + 3).Equals("quarters", StringComparison.OrdinalIgnoreCase)) &&
                         NumberWords.TryWord(W(last + 2), out double top) && NumberWords.TryFraction(W(last + 3), out double part) && top * part < 1)
                {
                    value += top * part;
                    last += 3;
                }
                // "3 and a half million"
                if (last > i && last + 1 < hi && NumberWords.TryScale(W(last + 1), out double halfScale) && halfScale >= 100 && !IsPluralScaleOf(last + 1))
                {
                    value *= halfScale;
                    last++;
                }
            }
            // "3 million and a half", "five billion and three quarters": a fraction of the scale
            if (last + 3 < hi + 1 && last + 2 < hi && Is(last + 1, "and") && NumberWords.TryScale(W(last), out double lastScale) && lastScale >= 1000)
            {
                // "one billion and a half million": the fraction is of the scale written after it
                double fracScale = lastScale;
                bool ownScale = last + 4 < hi && NumberWords.TryScale(W(last + 4), out fracScale) && fracScale >= 1000;
                if (!ownScale) fracScale = lastScale;
                if (Is(last + 2, "a") && last + 3 < hi && NumberWords.TryFraction(W(last + 3), out double fr1) && !Is(last + 4, "of"))
                {
                    value += fr1 * fracScale;
                    last += ownScale ? 4 : 3;
                }
                else if (NumberWords.IsCardinalWord(W(last + 2)) && last + 3 < hi && NumberWords.TryFraction(W(last + 3), out double fr2) && !Is(last + 4, "of"))
                {
                    NumberWords.TryWord(W(last + 2), out double numerator);
                    value += numerator * fr2 * fracScale;
                    last += ownScale ? 4 : 3;
                }
            }
            // "3 dozen", "three dozens", "five doz"
            if (last + 1 < hi && NumberWords.IsDozenWord(W(last + 1)) && !Is(last + 2, "of"))
            {
                value *= 12;
                last++;
            }
            // "one out of three", "1 over 3": a fraction written with words
            if (prefix is null && suffixUnit is null && innerHigh is null && TryFractionWords(last, value, out double ratio, out int ratioLast))
            {
                value = ratio;
                last = ratioLast;
            }
            value *= prefixScale;
            // "-1", "−5": a minus sign written against the number, not a hyphen between words
            if (!negative && !words && first == i && first - 1 >= lo && (W(first - 1) is "-" or "\u2212") && Adjacent(first - 1, first) &&
                (first - 2 < lo || !Adjacent(first - 2, first - 1)))
            {
                negative = true;
                first--;
            }
            if (negative) value = -value;
            num = new Num(first, last, value, prefix, words, SuffixUnit: suffixUnit, InnerHigh: innerHigh, InnerSplit: innerSplit, Mixed: mixedNumber);
            SkipTo = last + 1;
            return true;
        }

        /// <summary>"MEUR", "MAUD": a three-letter currency code with the "M" (millions) prefix of financial reports.</summary>
        private static bool IsMillionsCode(ReadOnlySpan<char> w, out string code)
        {
            code = "";
            if (w.Length != 4 || w[0] != 'M' || !char.IsUpper(w[1]) || !char.IsUpper(w[2]) || !char.IsUpper(w[3])) return false;
            return CurrencyPrefixes.TryGetValue(w[1..].ToString(), out code!);
        }

        /// <summary>"1,3", "12,75": a decimal comma, one comma followed by fewer than three digits.</summary>
        private static bool TryDecimalComma(ReadOnlySpan<char> digits, out double value)
        {
            value = 0;
            int comma = digits.IndexOf(',');
            if (comma <= 0 || comma > 3 || digits.LastIndexOf(',') != comma || digits.IndexOf('.') >= 0) return false;
            int after = digits.Length - comma - 1;
            if (after is < 1 or > 2) return false;
            return double.TryParse(string.Concat(digits[..comma], ".", digits[(comma + 1)..]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>
        /// An exponent after the number at <paramref name="i"/>: "e+14" / "e14" (a power of ten, <paramref name="tenBase"/>),
        /// "x10^6", or "^23" (a power of the number). The sign may be written more than once ("^--23").
        /// </summary>
        private readonly bool TryExponent(int i, ReadOnlySpan<char> rest, out double exponent, out bool tenBase, out int last)
        {
            exponent = 0;
            tenBase = false;
            last = i;
            int k;
            if (rest.IsEmpty)
            {
                if (!(i + 1 < hi && W(i + 1) is "^" && Adjacent(i, i + 1))) return false;
                k = i + 2;
            }
            else if (rest[0] is 'e' or 'E')
            {
                tenBase = true;
                if (rest.Length > 1)
                {
                    // "2e6": the exponent inside the token
                    if (!int.TryParse(rest[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int inner) || Math.Abs(inner) > 308) return false;
                    exponent = inner;
                    return true;
                }
                k = i + 1;
            }
            else if ((rest.Equals("x10", StringComparison.OrdinalIgnoreCase) || rest.Equals("\u00d710", StringComparison.Ordinal)) && i + 1 < hi && W(i + 1) is "^" && Adjacent(i, i + 1))
            {
                tenBase = true;
                k = i + 2;
            }
            else return false;
            bool negative = false;
            int prev = k - 1;
            while (k < hi && (W(k) is "+" or "-" or "\u2212") && Adjacent(prev, k))
            {
                if (W(k) is not "+") negative = !negative;
                prev = k++;
            }
            if (k >= hi || _tokens[k].Kind != TokenKind.Number || !Adjacent(prev, k) ||
                !double.TryParse(W(k), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out exponent) || exponent > 308) return false;
            if (negative) exponent = -exponent;
            last = k;
            return true;
        }

        /// <summary>
        /// "40 000", "1 250 000.5": groups of exactly three digits after single spaces continue the number. A
        /// further number after the groups ("555 123 4567") makes them a code, not an amount.
        /// </summary>
        private readonly bool TrySpacedThousands(int i, ref double value, out int last)
        {
            last = i;
            // "0370 60 60 900": inside a run of digit groups that a telephone number makes
            if (i - 1 >= lo && _tokens[i - 1].Kind == TokenKind.Number && _tokens[i].Start - _tokens[i - 1].End == 1) return false;
            double v = value;
            int k = i;
            while (k + 1 < hi && _tokens[k + 1].Kind == TokenKind.Number && _tokens[k + 1].Start - _tokens[k].End == 1 && IsThousandsGap(_text[_tokens[k].End]))
            {
                var g = W(k + 1);
                if (g.Length < 3 || !char.IsDigit(g[0]) || !char.IsDigit(g[1]) || !char.IsDigit(g[2]) || (g.Length > 3 && (g[3] != '.' || g.Length == 4))) break;
                if (!double.TryParse(g, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double part)) break;
                v = v * 1000 + part;
                k++;
                if (g.Length > 3) break; // the decimals end the number
            }
            if (k == i) return false;
            if (k + 1 < hi && _tokens[k + 1].Kind == TokenKind.Number && _tokens[k + 1].Start - _tokens[k].End == 1) return false;
            value = v;
            last = k;
            return true;
        }

        private static bool IsThousandsGap(char c) => c is ' ' or '\u00a0' or '\u202f' or '\u2009';

        /// <summary>
        /// "one out of three", "2 out of 500 TVs", "1 over 3": a share written as two numbers. "Out of" needs the
        /// first no larger than the second ("12 out of 10" are two numbers); "over" needs the second to end the
        /// clause, since "rose by 2,000 over three years" is a span of time, and no year after it.
        /// </summary>
        private readonly bool TryFractionWords(int last, double top, out double ratio, out int ratioLast)
        {
            ratio = 0;
            ratioLast = last;
            int b;
            bool over = Is(last + 1, "over");
            if (over) b = last + 2;
            else if (Is(last + 1, "out") && Is(last + 2, "of")) b = last + 3;
            else return false;
            if (b >= hi) return false;
            double bottom;
            int bLast = b;
            if (_tokens[b].Kind == TokenKind.Number)
            {
                var d = W(b);
                if (!NumberWords.TryDigits(d, out bottom)) return false;
                if (over && d.Length == 4 && bottom is >= 1900 and <= 2099) return false;
            }
            else if (!TryWordNumber(b, out bottom, out bLast)) return false;
            if (bottom <= 0 || top < 0) return false;
            if (over ? bLast + 1 < hi && _tokens[bLast + 1].Kind is TokenKind.Word or TokenKind.Number : top > bottom) return false;
            ratio = top / bottom;
            ratioLast = bLast;
            return true;
        }

        /// <summary>"dozens of", "tens of thousands of": a vague amount as a range.</summary>
        public readonly bool TryVague(int i, out Num num, out double high)
        {
            num = default;
            high = 0;
            if (_tokens[i].Kind != TokenKind.Word) return false;
            foreach (var cue in VagueAmounts)
            {
                int n = cue.Words.Length;
                if (!WordsAt(i, cue.Words)) continue;
                num = new Num(i, i + n - 1, cue.Value.Low, null, true);
                high = cue.Value.High;
                return true;
            }
            return false;
        }

        /// <summary>A currency code glued to digits: "RM23" + ".50", "USD10m", "USD1" + ",700".</summary>
        private readonly bool GluedCurrency(int i, out string currency, out double value, out int last)
        {
            currency = "";
            value = 0;
            last = i;
            var w = W(i);
            int k = 0;
            while (k < w.Length && char.IsUpper(w[k])) k++;
            if (k == 0 || k > 3 || k >= w.Length || !char.IsDigit(w[k]) || !CurrencyPrefixes.TryGetValue(w[..k].ToString(), out var cur)) return false;
            int d = k;
            while (d < w.Length && char.IsDigit(w[d])) d++;
            var digits = w[k..d].ToString();
            var suffix = w[d..];
            // the tokenizer stops a word at ".50" and ",700": take them back
            while (suffix.IsEmpty && last + 2 < hi && (W(last + 1) is "." or ",") && Adjacent(last, last + 1) && Adjacent(last + 1, last + 2) &&
                   _tokens[last + 2].Kind == TokenKind.Number)
            {
                digits += W(last + 1).ToString() + W(last + 2).ToString();
                last += 2;
            }
            if (!NumberWords.TryDigits(digits, out value)) return false;
            if (suffix.Equals("m", StringComparison.OrdinalIgnoreCase)) value *= 1e6;
            else if (suffix.Equals("bn", StringComparison.OrdinalIgnoreCase) || suffix.Equals("b", StringComparison.OrdinalIgnoreCase)) value *= 1e9;
            else if (suffix.Equals("k", StringComparison.OrdinalIgnoreCase)) value *= 1e3;
            else if (!suffix.IsEmpty) return false;
            currency = cur;
            return true;
        }

        /// <summary>The plural noun a vague amount counts, a few words on ("thousands of COVID-19 tests").</summary>
        public readonly string? CountedNoun(ref Num num)
        {
            for (int e = num.Last + 1; e < hi && e <= num.Last + 4; e++)
            {
                if (_tokens[e].Kind == TokenKind.Punctuation && W(e) is not "-") return null;
                var w = W(e);
                if (_tokens[e].Kind == TokenKind.Word && char.IsLower(w[0]) && w.Length > 3 && w.EndsWith("s", StringComparison.Ordinal) &&
                    !NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                {
                    num = num with { UnitLast = e };
                    return PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) ? "people" : w.ToString();
                }
            }
            return null;
        }

        /// <summary>"1/16 of a pint": a written fraction (a date or "9/11" has no "of" after it).</summary>
        private readonly bool TryFractionOf(int i, ReadOnlySpan<char> w, out double value, bool needsOf = true)
        {
            value = 0;
            int slash = w.IndexOfAny('/', '\u2044');
            if (slash <= 0 || slash != w.LastIndexOfAny('/', '\u2044') || (needsOf && !Is(i + 1, "of"))) return false;
            if (!int.TryParse(w[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int a) ||
                !int.TryParse(w[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b == 0) return false;
            value = (double)a / b;
            return true;
        }

        /// <summary>
        /// The digits after a spoken "point": single digit words read one by one ("nought four" = .04), or one
        /// number word read as the digits it writes ("seventy-one" = .71).
        /// </summary>
        private readonly bool SpokenDecimals(int k, out double fraction, out int last)
        {
            fraction = 0;
            last = k - 1;
            var digits = new System.Text.StringBuilder();
            while (k < hi && digits.Length < 12)
            {
                var w = W(k);
                if (w.Equals("nought", StringComparison.OrdinalIgnoreCase) || w.Equals("naught", StringComparison.OrdinalIgnoreCase) ||
                    w.Equals("zero", StringComparison.OrdinalIgnoreCase) || w.Equals("oh", StringComparison.OrdinalIgnoreCase)) digits.Append('0');
                else if (NumberWords.TryWord(w, out double d) && d == Math.Floor(d) && d is >= 0 and < 100 && (digits.Length == 0 || d < 10))
                    digits.Append(d.ToString(CultureInfo.InvariantCulture));
                else break;
                last = k;
                k++;
                if (digits.Length >= 2 && !(k < hi && NumberWords.TryWord(W(k), out double next) && next < 10)) break;
            }
            if (digits.Length == 0) return false;
            fraction = double.Parse("0." + digits, CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>"1/4", "3/8": a numerator below its denominator, as in a mixed number.</summary>
        private static bool TryProperFraction(ReadOnlySpan<char> w, out double value)
        {
            value = 0;
            int slash = w.IndexOf('/');
            if (slash <= 0 || slash != w.LastIndexOf('/')) return false;
            if (!int.TryParse(w[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int a) ||
                !int.TryParse(w[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b is < 2 or > 16 || a < 1 || a >= b) return false;
            value = (double)a / b;
            return true;
        }

        /// <summary>
        /// "thirteen dollars and forty-five cents", "15 dollars 50": the minor unit after a currency amount is
        /// part of it. A bare number after the unit counts only at the end of a clause, so "5 dollars 20 times"
        /// stays two numbers.
        /// </summary>
        public readonly void MinorUnit(ref Num num, string? unit)
        {
            if (unit is null || num.UnitLast < 0 || !MinorUnitCurrencies.Contains(unit)) return;
            int a = num.UnitLast + 1;
            bool and = Is(a, "and");
            int b = and ? a + 1 : a;
            if (b >= hi) return;
            double minor;
            int last;
            if (_tokens[b].Kind == TokenKind.Number)
            {
                if (!int.TryParse(W(b), NumberStyles.None, CultureInfo.InvariantCulture, out int m)) return;
                minor = m;
                last = b;
            }
            else if (!TryWordNumber(b, out minor, out last)) return;
            if (minor is < 1 or > 99 || minor != Math.Floor(minor)) return;
            double share = 0.01;
            if (last + 1 < hi && MinorUnitWords.TryGetValue(W(last + 1).ToString(), out share))
            {
                last++;
                if (minor * share >= 1) return;
                // "five mao five": a tenth unit, then the hundredths unit left unsaid
                if (share > 0.01 && last + 1 < hi && _tokens[last + 1].Kind == TokenKind.Word && NumberWords.TryWord(W(last + 1), out double rest) &&
                    rest is >= 1 and <= 9 && rest == Math.Floor(rest) && (last + 2 >= hi || _tokens[last + 2].Kind == TokenKind.Punctuation))
                {
                    minor = minor * share + rest * share / 10;
                    share = 1;
                    last++;
                }
            }
            // "15 dollars 50", "15 USD 50 more": the bare minor amount ends the clause or is followed by a word
            // that cannot be what it counts ("5 dollars 20 times" stays two numbers)
            else if (and || (last + 1 < hi && _tokens[last + 1].Kind is not TokenKind.Punctuation &&
                             !(_tokens[last + 1].Kind == TokenKind.Word && NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(last + 1)) && !UnitWords.ContainsKey(W(last + 1).ToString()))))
                return;
            else share = 0.01;
            num = num with { Value = num.Value + minor * share, UnitLast = last };
        }

        /// <summary>"thirds of a billion": a fraction word at <paramref name="j"/> followed by "of a" and a scale.</summary>
        private readonly bool IsFractionOfAScale(int j) =>
            NumberWords.TryFraction(W(j), out _) && Is(j + 1, "of") && (Is(j + 2, "a") || Is(j + 2, "an")) && j + 3 < hi && NumberWords.TryScale(W(j + 3), out _);

        /// <summary>"two hundred and": an ordinal right after it completes the number ("two hundred and third" is the 203rd).</summary>
        private static bool AfterScaleAnd(List<string> words) =>
            words.Count >= 2 && words[^1].Equals("and", StringComparison.OrdinalIgnoreCase) && NumberWords.TryScale(words[^2], out _);

        /// <summary>"millions of" is vague, not a multiplier of the number before.</summary>
        private readonly bool IsPluralScaleOf(int i) => W(i).EndsWith("s", StringComparison.OrdinalIgnoreCase) && Is(i + 1, "of");

        /// <summary>Number words: "nine", "forty-five", "half a million", "two-thirds", "a dozen", "one hundred and twenty".</summary>
        private readonly bool TryWordNumber(int i, out double value, out int last) => TryWordNumber(i, out value, out last, out _);

        /// <summary>
        /// Number words: "nine", "forty-five", "half a million", "two-thirds", "a dozen", "one hundred and twenty",
        /// "three twenty-firsts", "a trillionth". Words that end in an ordinal ("one hundred twenty-fifth") are
        /// no number: <paramref name="ordinalLast"/> is then the ordinal's last token, else -1.
        /// </summary>
        private readonly bool TryWordNumber(int i, out double value, out int last, out int ordinalLast)
        {
            value = 0;
            last = i;
            ordinalLast = -1;
            var w = W(i);
            bool isArticle = w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase);
            bool isHalf = NumberWords.TryFraction(w, out _);
            if (!isArticle && !isHalf && !NumberWords.TryWord(w, out _)) return false;
            // a lone article or "half"/"quarter" is a number only with a scale or fraction after it
            var words = new List<string>(6);
            int lastTok = i - 1; // the last word's last token ("ninety - five" is one word of three tokens)
            bool and = false;
            int ordinalAt = -1;
            int j = i;
            while (j < hi && j - i < 8)
            {
                var x = W(j);
                // "ninety - five", "one - fourth", "five - eighths": a hyphen written with spaces
                if (x is "-" && words.Count > 0 && j + 1 < hi && _tokens[j + 1].Kind == TokenKind.Word && words[^1].IndexOf('-') < 0 &&
                    NumberWords.IsCardinalWord(words[^1]) && NumberWords.TryWord(string.Concat(words[^1], "-", W(j + 1)), out _))
                {
                    words[^1] = string.Concat(words[^1], "-", W(j + 1));
                    lastTok = j + 1;
                    j += 2;
                    continue;
                }
                // an ordinal word ends the number words: a denominator ("three twenty-firsts") or an ordinal ("one
                // hundred twenty-fifth"); after "and" the fraction words belong to the number ("twenty and three fifths")
                // a fraction of a scale ("two thirds of a billion") is read whole below
                if (words.Count > 0 && !IsFractionOfAScale(j) &&
                    (and ? (!NumberWords.TryFraction(x, out _) || AfterScaleAnd(words)) && NumberWords.TryOrdinalWord(x, out _, out _)
                         : NumberWords.TryOrdinalWord(x, out _, out _) || NumberWords.TryPluralOrdinal(x, out _, out _)))
                {
                    ordinalAt = j;
                    break;
                }
                bool ok = NumberWords.TryWord(x, out _) || NumberWords.TryScale(x, out _) || NumberWords.TryFraction(x, out _) ||
                          ((x.Equals("a", StringComparison.OrdinalIgnoreCase) || x.Equals("an", StringComparison.OrdinalIgnoreCase)) && j + 1 < hi &&
                           (NumberWords.TryScale(W(j + 1), out _) || NumberWords.TryFraction(W(j + 1), out _) || NumberWords.TryOrdinalWord(W(j + 1), out _, out _) ||
                            W(j + 1).Equals("dozen", StringComparison.OrdinalIgnoreCase))) ||
                          (x.Equals("and", StringComparison.OrdinalIgnoreCase) && words.Count > 0 && j + 1 < hi && (NumberWords.TryWord(W(j + 1), out _) || Is(j + 1, "a") ||
                           (NumberWords.TryScale(words[^1], out _) && NumberWords.TryOrdinalWord(W(j + 1), out _, out _)))) ||
                          (x.Equals("of", StringComparison.OrdinalIgnoreCase) && words.Count > 0 && NumberWords.TryFraction(W(j - 1), out _) && j + 2 < hi && Is(j + 1, "a") && NumberWords.TryScale(W(j + 2), out _));
                if (!ok) break;
                if (NumberWords.TryScale(x, out _) && IsPluralScaleOf(j)) break;
                // "five billion and three quarters": a fraction of the scale, read after the number
                if (x.Equals("and", StringComparison.OrdinalIgnoreCase) && words.Count > 0 && NumberWords.TryScale(words[^1], out double sc0) && sc0 >= 1000 &&
                    j + 2 < hi && (Is(j + 1, "a") || NumberWords.IsCardinalWord(W(j + 1))) && NumberWords.TryFraction(W(j + 2), out _)) break;
                if (x.Equals("and", StringComparison.OrdinalIgnoreCase)) and = true;
                words.Add(x.ToString());
                lastTok = j;
                j++;
            }
            if (ordinalAt >= 0)
            {
                var ending = NumberWords.ReadOrdinalEnding(words, W(ordinalAt), out double read);
                bool singular = !NumberWords.TryPluralOrdinal(W(ordinalAt), out _, out _);
                // "a third suspect", "one hundredth anniversary": a singular ordinal before a noun ranks it
                if (ending == OrdinalEnding.Fraction && singular && ordinalAt + 1 < hi && _tokens[ordinalAt + 1].Kind == TokenKind.Word && !Is(ordinalAt + 1, "of"))
                    ending = OrdinalEnding.Ordinal;
                // "232 and a thirtieth": an ordinal after "and" is an item of its own, not a part of the number before
                if (ending == OrdinalEnding.Fraction && isArticle && i - 1 >= lo && Is(i - 1, "and")) return false;
                if (ending == OrdinalEnding.Fraction)
                {
                    value = read;
                    last = ordinalAt;
                    return true;
                }
                if (ending == OrdinalEnding.Ordinal)
                {
                    ordinalLast = ordinalAt;
                    return false;
                }
            }
            // trailing "and"/"a"/"of" are not part of the number
            while (words.Count > 0 && (words[^1] is "and" or "a" or "an" or "of" || words[^1].Equals("and", StringComparison.OrdinalIgnoreCase)))
            {
                // these are one token each
                words.RemoveAt(words.Count - 1);
                lastTok--;
            }
            if (words.Count == 0) return false;
            if (words.Count == 1)
            {
                var only = words[0];
                if (only.Equals("a", StringComparison.OrdinalIgnoreCase) || only.Equals("an", StringComparison.OrdinalIgnoreCase)) return false;
                if (NumberWords.TryFraction(only, out _) && !only.Contains('-')) return false; // "half", "quarter" alone
                if (only.Equals("dozen", StringComparison.OrdinalIgnoreCase)) return false;
                // "came to nought": a zero word is a number only in a spoken decimal
                if (NumberWords.IsZeroWord(only) && !Is(i + 1, "point")) return false;
            }
            if (words.Count == 2 && (words[0].Equals("a", StringComparison.OrdinalIgnoreCase) || words[0].Equals("an", StringComparison.OrdinalIgnoreCase)) &&
                NumberWords.TryFraction(words[1], out _) &&
                ((i + 2 < hi && _tokens[i + 2].Kind == TokenKind.Word && !Is(i + 2, "of")) || (i - 1 >= lo && Is(i - 1, "and"))))
            {
                // "a half hour", "a quarter century": a fraction word before a noun modifies it; "an hour and a half"
                // belongs to the hour. Alone ("cut by a half") or with "of" ("a quarter of the vote") it is a number.
                return false;
            }
            if (!NumberWords.TryWords(words, out value)) return false;
            last = lastTok;
            return true;
        }

        public readonly bool HasScale(Num n)
        {
            for (int k = n.First; k <= n.Last; k++)
                if (NumberWords.TryScale(W(k), out double sc) && sc >= 1000) return true;
            var last = W(n.Last);
            return last.EndsWith("bn", StringComparison.OrdinalIgnoreCase) || last.EndsWith("M", StringComparison.Ordinal);
        }

        public readonly double ScaleOf(Num n)
        {
            double scale = 1;
            for (int k = n.First; k <= n.Last; k++)
                if (NumberWords.TryScale(W(k), out double sc) && sc >= 1000) scale *= sc;
            var last = W(n.Last);
            if (scale == 1 && last.EndsWith("bn", StringComparison.OrdinalIgnoreCase)) scale = 1e9;
            if (scale == 1 && last.EndsWith("M", StringComparison.Ordinal)) scale = 1e6;
            return scale;
        }

        /// <summary>"half a million", "a quarter of a million": a fraction word in front of a scale word.</summary>
        public readonly bool IsFractionOfScale(Num num)
        {
            bool fraction = false;
            for (int k = num.First; k <= num.Last; k++)
            {
                if (NumberWords.TryFraction(W(k), out _) && !W(k).Contains('-')) fraction = true;
                else if (fraction && NumberWords.TryScale(W(k), out double sc) && sc >= 1e3) return true;
            }
            return false;
        }

        /// <summary>Ages: "81-year-old", "nine-month-old", "aged 81", "81 years old", "(81)" after a name.</summary>
        public readonly bool IsAge(Num num)
        {
            int a = num.Last + 1;
            if (a < hi && (W(a).Equals("-", StringComparison.Ordinal)) && a + 1 < hi)
            {
                var next = W(a + 1);
                if (next.EndsWith("-old", StringComparison.OrdinalIgnoreCase)) return true;
            }
            var own = W(num.Last);
            if (own.EndsWith("-old", StringComparison.OrdinalIgnoreCase) || own.EndsWith("-olds", StringComparison.OrdinalIgnoreCase)) return true;
            if (a + 1 < hi && (W(a).StartsWith("year", StringComparison.OrdinalIgnoreCase) || W(a).StartsWith("month", StringComparison.OrdinalIgnoreCase)) &&
                (Is(a + 1, "old") || W(a + 1).StartsWith("old", StringComparison.OrdinalIgnoreCase)))
                return true;
            if (num.First - 1 >= lo && AgeLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(num.First - 1))) return true;
            // "Biden, 81," — a number between commas right after a name
            if (num.First - 2 >= lo && Is(num.First - 1, ",") && Is(num.Last + 1, ",") && !num.Words && num.Value is > 0 and < 120 &&
                _tokens[num.First - 2].Kind == TokenKind.Word && char.IsUpper(W(num.First - 2)[0]))
                return true;
            return false;
        }

        /// <summary>Numbers that are names or labels, not amounts: years, "one" as a pronoun, "No. 2", "COVID-19".</summary>
        /// <summary>A number followed by capitalised words that end in a street type ("St", "Road", "Avenue").</summary>
        private readonly bool IsHouseNumber(Num num)
        {
            int k = Math.Max(num.Last, num.UnitLast) + 1;
            // "16-18 Industrial Avenue": the second number of a span of house numbers
            if (k + 1 < hi && W(k) is "-" && _tokens[k + 1].Kind == TokenKind.Number) k += 2;
            for (int n = 0; n < 4 && k < hi; n++, k++)
            {
                var w = W(k);
                if (_tokens[k].Kind == TokenKind.Word && StreetTypes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w.TrimEnd('.'))) return n > 0;
                // "E 71st St": capitalised words and ordinal street numbers
                bool ordinal = _tokens[k].Kind == TokenKind.Number && w.Length > 2 && char.IsLetter(w[^1]);
                if (!(char.IsUpper(w[0]) || ordinal)) return false;
            }
            return false;
        }

        public readonly bool IsNotAFigure(Num num)
        {
            var w = W(num.First);
            // "9 E 71st St", "49 Zorro Ranch Road", "16-18 Industrial Avenue": a house number, not an amount
            if (!num.Words && num.PrefixUnit is null && IsHouseNumber(num)) return true;
            // "in its fourth quarter", "the first half": a period of the year, not a fraction ("a quarter of" is)
            if (num.Words && num.Last > num.First && PeriodOrdinals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) &&
                (Is(num.Last, "quarter") || Is(num.Last, "half")) && !Is(num.Last + 1, "of"))
                return true;
            if (num.Words && num.First == num.Last && w.Equals("one", StringComparison.OrdinalIgnoreCase))
            {
                if (num.First - 1 >= lo && OnePronounLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(num.First - 1))) return true;
                if (num.Last + 1 < hi && OnePronounFollows.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(num.Last + 1))) return true;
                if (num.Last + 1 >= hi || _tokens[num.Last + 1].Kind != TokenKind.Word) return true;
            }
            if (num.PrefixUnit is null && !num.Words && num.First == num.Last && IsNameNumber(num)) return true;
            if (num.PrefixUnit is null && !num.Words && num.First == num.Last)
            {
                // a year written alone: 1900-2099 without a thousands comma, not followed by a unit noun
                // years far ahead count too after a temporal preposition ("by 2120")
                if (w.Length == 4 && num.Value is >= 2100 and <= 2300 && num.First - 1 >= lo &&
                    (Is(num.First - 1, "by") || Is(num.First - 1, "in") || Is(num.First - 1, "until") || Is(num.First - 1, "since") || Is(num.First - 1, "from")))
                    return true;
                if (w.Length == 4 && num.Value is >= 1900 and <= 2099 && num.SuffixUnit is null)
                {
                    if (num.Last + 1 >= hi) return true;
                    var next = W(num.Last + 1);
                    if (!(UnitWords.ContainsKey(next.ToString()) || PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next))) return true;
                }
                // "No. 2", "#3", "Article 51", "COVID-19", "F-16"
                if (num.First - 1 >= lo)
                {
                    var prev = W(num.First - 1);
                    if (prev.Equals("No.", StringComparison.OrdinalIgnoreCase) || prev.Equals("#", StringComparison.Ordinal) ||
                        prev.Equals("Article", StringComparison.Ordinal) || prev.Equals("Resolution", StringComparison.Ordinal) ||
                        prev.Equals("Section", StringComparison.Ordinal) || prev.Equals("Chapter", StringComparison.Ordinal) ||
                        prev.Equals("page", StringComparison.OrdinalIgnoreCase) || prev.Equals("Route", StringComparison.Ordinal))
                        return true;
                    if (prev.Equals("-", StringComparison.Ordinal) && num.First - 2 >= lo && Adjacent(num.First - 2, num.First - 1) && Adjacent(num.First - 1, num.First) &&
                        _tokens[num.First - 2].Kind == TokenKind.Word && char.IsUpper(W(num.First - 2)[0]))
                        return true;
                }
                // "9/11s" style tokens were refused earlier; a number glued to a capitalised word ("G7") is a name
            }
            return false;
        }

        /// <summary>"iPhone 11", "S&amp;P 500", "Big 12", "Game 7": a number after a capitalised word with no unit after it is part of a name.</summary>
        private readonly bool IsNameNumber(Num num)
        {
            int p = num.First - 1;
            if (p < lo || _tokens[p].Kind != TokenKind.Word) return false;
            var prev = W(p);
            bool capital = false;
            foreach (char c in prev) if (char.IsUpper(c)) { capital = true; break; }
            if (!capital || IsQualifierWord(prev)) return false;
            if (NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) || CurrencyPrefixes.ContainsKey(prev.ToString())) return false;
            int a = num.Last + 1;
            if (a < hi && (W(a) is "%" || UnitWords.ContainsKey(W(a).ToString()) || PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(a)))) return false;
            // "Biden, 81," and "Lang 20 on loan": ages are handled elsewhere; a plural noun after means a count
            if (a < hi && _tokens[a].Kind == TokenKind.Word && char.IsLower(W(a)[0]) && W(a).EndsWith("s", StringComparison.Ordinal)) return false;
            return true;
        }

        private static bool IsQualifierWord(ReadOnlySpan<char> w)
        {
            foreach (var q in Qualifiers)
                if (q.Words.Length == 1 && w.Equals(q.Words[0], StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The unit after (or before) the number; advances <see cref="Num.UnitLast"/>.</summary>
        public readonly string? Unit(ref Num num)
        {
            int a = num.Last + 1;
            if (num.SuffixUnit is { } su)
            {
                var canon = UnitWords.TryGetValue(su, out var c) ? c : su;
                if (a + 1 < hi && W(a) is "/" && Adjacent(num.Last, a) && Adjacent(a, a + 1))
                {
                    var den = W(a + 1).ToString();
                    num = num with { UnitLast = a + 1 };
                    return canon + "/" + (UnitWords.TryGetValue(den, out var dc) ? dc : den is "h" ? "hour" : den);
                }
                return canon;
            }
            string? unit = num.PrefixUnit;
            if (a >= hi) return unit;
            var w = W(a);
            // "%", "percent", "per cent", "percentage points"
            if (w.Equals("%", StringComparison.Ordinal) || w.Equals("percent", StringComparison.OrdinalIgnoreCase) || w.Equals("pct", StringComparison.OrdinalIgnoreCase) ||
                w.Equals("percents", StringComparison.OrdinalIgnoreCase) || (w.Equals("percentage", StringComparison.OrdinalIgnoreCase) && !(a + 1 < hi && W(a + 1).StartsWith("point", StringComparison.OrdinalIgnoreCase))))
            {
                num = num with { UnitLast = a };
                return "%";
            }
            if (w.Equals("per", StringComparison.OrdinalIgnoreCase) && Is(a + 1, "cent")) { num = num with { UnitLast = a + 1 }; return "%"; }
            if (w.Equals("percentage", StringComparison.OrdinalIgnoreCase) && a + 1 < hi && W(a + 1).StartsWith("point", StringComparison.OrdinalIgnoreCase))
            {
                num = num with { UnitLast = a + 1 };
                return "percentage point";
            }
            if (unit is not null)
            {
                // "$75 U.S. per barrel": the country of the dollar sign, then the rate
                if ((w is "US" or "U.S.") && a + 1 < hi && (Is(a + 1, "per") || Is(a + 1, "a")))
                {
                    a++;
                    w = W(a);
                }
                // "$3 a barrel", "$5 per share", "$21.25 per square foot"
                if ((w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("per", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)) &&
                    a + 1 < hi && _tokens[a + 1].Kind == TokenKind.Word && !NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(a + 1)) &&
                    !(a + 2 < hi && (Is(a + 2, "earlier") || Is(a + 2, "ago") || Is(a + 2, "later") || Is(a + 2, "before") || Is(a + 2, "after"))))
                {
                    // "per sq m." at the end of a sentence: the full stop is not part of the unit
                    if (a + 2 < hi && (Is(a + 1, "square") || Is(a + 1, "sq") || Is(a + 1, "cubic")) && UnitWords.TryGetValue(string.Concat(W(a + 1), " ", W(a + 2).TrimEnd('.')), out var area))
                    {
                        num = num with { UnitLast = a + 2 };
                        return unit + "/" + area;
                    }
                    num = num with { UnitLast = a + 1 };
                    return unit + "/" + (UnitWords.TryGetValue(W(a + 1).ToString(), out var perUnit) ? perUnit : Singular(W(a + 1)));
                }
                return unit;
            }
            if (w is "-" && Adjacent(num.Last, a) && a + 1 < hi && Adjacent(a, a + 1) && UnitWords.TryGetValue(W(a + 1).ToString(), out var hyphenUnit) &&
                !(a + 2 < hi && W(a + 2).StartsWith("old", StringComparison.OrdinalIgnoreCase)))
            {
                num = num with { UnitLast = a + 1 };
                return hyphenUnit;
            }
            if (unit is null && ((CurrencyPrefixes.TryGetValue(w.ToString(), out var postCurrency) && (w.Length == 1 || w.Length == 3)) || IsMillionsCode(w, out postCurrency)))
            {
                // "1,200€", "110 JPY", "120 MEUR" (millions), "75 USD million" (the scale after the code)
                double scale = w.Length == 4 ? 1e6 : 1;
                int codeLast = a;
                if (scale == 1 && a + 1 < hi && NumberWords.TryScale(W(a + 1), out double after) && after >= 1000 && !IsPluralScaleOf(a + 1))
                {
                    scale = after;
                    codeLast = a + 1;
                }
                num = num with { UnitLast = codeLast, Value = num.Value * scale };
                return postCurrency;
            }
            if (w is "°" && a + 1 < hi && (W(a + 1) is "C" or "F"))
            {
                num = num with { UnitLast = a + 1 };
                return W(a + 1) is "C" ? "celsius" : "fahrenheit";
            }
            if (_tokens[a].Kind != TokenKind.Word)
            {
                // a unit sign: "25.5″"
                if (UnitWords.TryGetValue(w.ToString(), out var sign) && Adjacent(num.Last, a)) { num = num with { UnitLast = a }; return sign; }
                return null;
            }
            // "one of the best wireless speakers": what the one is one of
            if (num.Words && num.Value == 1 && Is(a, "of") && Is(a + 1, "the"))
            {
                int e = a + 2;
                if (Is(e, "most")) e++;
                int startNoun = e;
                while (e < hi && e - startNoun < 4 && _tokens[e].Kind == TokenKind.Word && char.IsLower(W(e)[0]) && !IsPlural(W(e))) e++;
                if (e < hi && _tokens[e].Kind == TokenKind.Word && IsPlural(W(e)) && char.IsLower(W(e)[0]))
                {
                    num = num with { UnitLast = e };
                    return _text[_tokens[startNoun].Start.._tokens[e].End];
                }
                return null;
            }
            // "140 km/h"
            if (a + 2 < hi && W(a + 1) is "/" && Adjacent(a, a + 1) && Adjacent(a + 1, a + 2) && UnitWords.TryGetValue(w.ToString(), out var numer))
            {
                var den = W(a + 2).ToString();
                num = num with { UnitLast = a + 2 };
                return numer + "/" + (UnitWords.TryGetValue(den, out var dc) ? dc : den is "h" ? "hour" : den is "s" ? "second" : den);
            }
            // two-word units first: "square miles", "pounds sterling", "miles per hour", "basis points"
            if (a + 1 < hi)
            {
                var two = string.Concat(w, " ", W(a + 1));
                if (UnitWords.TryGetValue(two, out var u2)) { num = num with { UnitLast = a + 1 }; return u2; }
                if (w.Equals("square", StringComparison.OrdinalIgnoreCase) && UnitWords.TryGetValue(W(a + 1).ToString(), out var area))
                {
                    num = num with { UnitLast = a + 1 };
                    return "square " + area;
                }
            }
            if (UnitWords.TryGetValue(w.ToString(), out var u))
            {
                int endTok = a;
                // "miles per hour", "kilometres an hour", "cents per share"
                if (a + 2 < hi && (Is(a + 1, "per") || Is(a + 1, "an") || Is(a + 1, "a")) && UnitWords.TryGetValue(W(a + 2).ToString(), out var den) && !Is(a + 2, "year"))
                {
                    num = num with { UnitLast = a + 2 };
                    return u + "/" + den;
                }
                if (a + 2 < hi && Is(a + 1, "per") && _tokens[a + 2].Kind == TokenKind.Word && !NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(a + 2)))
                {
                    num = num with { UnitLast = a + 2 };
                    return u + "/" + Singular(W(a + 2));
                }
                num = num with { UnitLast = endTok };
                return u;
            }
            if (PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                num = num with { UnitLast = a };
                return "people";
            }
            // a counted noun: "44,000 new positions", "3 cylinders", "five jobs"
            if (NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || !char.IsLetter(w[0])) return null;
            // "517 rushing yards": an adjective before a known unit
            if (a + 1 < hi && char.IsLower(w[0]) && UnitWords.TryGetValue(W(a + 1).ToString(), out var known) && W(a + 1).Length > 2)
            {
                num = num with { UnitLast = a + 1 };
                return known;
            }
            if (char.IsUpper(w[0]) && !w.EndsWith("s", StringComparison.Ordinal))
            {
                // "7 European countries": a capitalised adjective and a plural noun; otherwise a name follows
                if (a + 1 < hi && _tokens[a + 1].Kind == TokenKind.Word && char.IsLower(W(a + 1)[0]) && W(a + 1).EndsWith("s", StringComparison.Ordinal) &&
                    !NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(a + 1)) && !IsMeasureWord(W(a + 1)))
                {
                    num = num with { UnitLast = a + 1 };
                    return _text[_tokens[a].Start.._tokens[a + 1].End];
                }
                return null;
            }
            int b = a;
            if (b + 1 < hi && _tokens[b + 1].Kind == TokenKind.Word && !NotUnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(b + 1)) &&
                !w.EndsWith("s", StringComparison.Ordinal) && (W(b + 1).EndsWith("s", StringComparison.Ordinal) || W(b + 1).EndsWith("men", StringComparison.Ordinal)) && char.IsLower(W(b + 1)[0]) && !IsMeasureWord(W(b + 1)))
                b++; // adjective + plural noun
            if (IsMeasureWord(W(b))) return null;
            num = num with { UnitLast = b };
            // a participle describes the things counted, it is not what they are ("300 recorded songs")
            int from = b > a && W(a).EndsWith("ed", StringComparison.Ordinal) ? a + 1 : a;
            return _text[_tokens[from].Start.._tokens[b].End];
        }

        /// <summary>A plural noun by its ending ("speakers", not "wireless").</summary>
        private static bool IsPlural(ReadOnlySpan<char> w) =>
            w.Length > 3 && w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal);

        private static string Singular(ReadOnlySpan<char> w)
        {
            var s = w.ToString().ToLowerInvariant();
            return s.Length > 3 && s.EndsWith('s') && !s.EndsWith("ss", StringComparison.Ordinal) ? s[..^1] : s;
        }

        private static bool IsMeasureWord(ReadOnlySpan<char> w)
        {
            foreach (var m in Measures)
                if (m.Words.Length == 1 && w.Equals(m.Words[0], StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>A second number completing a range after <paramref name="end"/>: "to 40", "-40", "and 40" (after "between").</summary>
        public bool RangeAfter(int end, out Num high, Num low, string? lowUnit)
        {
            high = default;
            int a = end + 1;
            if (a + 1 >= hi) return false;
            var w = W(a);
            bool dash = w.Equals("-", StringComparison.Ordinal) || w.Equals("\u2013", StringComparison.Ordinal);
            bool to = w.Equals("to", StringComparison.OrdinalIgnoreCase);
            bool and = w.Equals("and", StringComparison.OrdinalIgnoreCase) && low.First - 1 >= lo && Is(low.First - 1, "between");
            // "three or four years": alternatives that bound an amount
            bool or = w.Equals("or", StringComparison.OrdinalIgnoreCase) && lowUnit is null;
            if (or && !(a + 1 < hi && (NumberWords.IsCardinalWord(W(a + 1)) || _tokens[a + 1].Kind == TokenKind.Number))) or = false;
            to |= or;
            bool framed = low.First - 1 >= lo && (Is(low.First - 1, "between") || Is(low.First - 1, "from"));
            if (!(dash || to || and)) return false;
            if (dash && !(Adjacent(end, a) && Adjacent(a, a + 1)) && low.Words) return false;
            int save = SkipTo;
            if (!TryNumber(a + 1, out high)) { SkipTo = save; return false; }
            if (IsAge(high)) { SkipTo = save; return false; }
            if (high.Value == low.Value) { SkipTo = save; return false; }   // "89-89" is a score
            if (high.Value < low.Value && !(to && framed))
            {
                // "$89 to $93 billion", "1 to 2 thousand": the scale is written once, on the high end
                if (!(to || dash) || high.Value < low.Value) { SkipTo = save; return false; }
            }
            var probe = high;
            var highUnit = Unit(ref probe);
            // "dropped 7% to $2.3 billion", "rose 8.15% to 3.65": a change and a level, not a range
            if (!framed && !string.Equals(lowUnit, highUnit, StringComparison.Ordinal) && !(lowUnit is null && high.PrefixUnit is null && low.PrefixUnit is null))
            {
                SkipTo = save;
                return false;
            }
            if (!framed && to && lowUnit is "%" && highUnit is null) { SkipTo = save; return false; }
            return true;
        }

        public readonly Qualifier QualifierBefore(int first, out int qualFirst)
        {
            qualFirst = first;
            foreach (var cue in Qualifiers)
            {
                int s = first - cue.Words.Length;
                if (!WordsAt(s, cue.Words)) continue;
                // "some" before a number is "about" only when nothing else could be meant ("some 200 people")
                qualFirst = s;
                return cue.Value;
            }
            return Qualifier.Exact;
        }

        /// <summary>Bounds after the number: "40 or more", "40-plus", "40+".</summary>
        public readonly Qualifier QualifierAfter(Num num)
        {
            int a = Math.Max(num.Last, num.UnitLast) + 1;
            if (a + 1 < hi && Is(a, "or") && (Is(a + 1, "more") || Is(a + 1, "higher") || Is(a + 1, "above"))) return Qualifier.AtLeast;
            if (a + 1 < hi && Is(a, "or") && (Is(a + 1, "less") || Is(a + 1, "fewer") || Is(a + 1, "below"))) return Qualifier.UpTo;
            if (num.Last + 1 < hi && Is(num.Last + 1, "+") && Adjacent(num.Last, num.Last + 1)) return Qualifier.AtLeast;
            return Qualifier.Exact;
        }

        /// <summary>What is counted: a cue in the few words after the figure ("... killed", "taken hostage"), else before it ("killed 39,000", "the death of nearly 40,000").</summary>
        public readonly string? Measure(int first, int last, out string? subjectHint)
        {
            subjectHint = null;
            int stop = Math.Min(hi, last + 1 + MeasureWindow);
            for (int i = last + 1; i < stop; i++)
            {
                if (_tokens[i].Kind == TokenKind.Punctuation && W(i) is not "-" && !W(i).SequenceEqual("\u2014")) break;
                if (_tokens[i].Kind == TokenKind.Number) break;
                if (MatchMeasure(i, out var m, out int mEnd))
                {
                    // "facing acute food insecurity", "still held in Gaza": keep the participle phrase as said
                    return CanonicalOrPhrase(i, mEnd, m);
                }
                if (Is(i, "facing") || Is(i, "suffering") || Is(i, "experiencing"))
                    return Phrase(i, 4);
            }
            // before: "killed more than 39,000", "the death of nearly 40,000", "death toll ... to 44,000"
            int from = Math.Max(lo, first - MeasureWindow);
            for (int i = first - 1; i >= from; i--)
            {
                if (_tokens[i].Kind == TokenKind.Punctuation && !W(i).SequenceEqual("-")) break;
                if (MatchMeasure(i, out var m, out _)) return m;
            }
            return null;
        }

        private readonly string CanonicalOrPhrase(int i, int mEnd, string canonical)
        {
            // keep "still held in Gaza" as written: it names a state, not an event
            if (canonical == "still held") return Phrase(i, 4);
            return canonical;
        }

        /// <summary>Up to <paramref name="max"/> words from <paramref name="i"/>, stopping at punctuation.</summary>
        private readonly string Phrase(int i, int max)
        {
            int j = i;
            while (j < hi && j - i < max && _tokens[j].Kind == TokenKind.Word && !(j > i && (Is(j, "and") || Is(j, "but") || Is(j, "as") || Is(j, "after"))))
                j++;
            return j > i ? _text[_tokens[i].Start.._tokens[j - 1].End] : W(i).ToString();
        }

        private readonly bool MatchMeasure(int i, out string measure, out int end)
        {
            foreach (var cue in Measures)
            {
                int n = cue.Words.Length;
                if (!WordsAt(i, cue.Words)) continue;
                measure = cue.Value;
                // "left ... dead" reports the killed of an attack
                if (measure == "dead" && i - 1 >= lo)
                {
                    for (int b = i - 1; b >= Math.Max(lo, i - 6); b--)
                        if (Is(b, "left") || Is(b, "leaving")) { measure = "killed"; break; }
                }
                end = i + n - 1;
                return true;
            }
            measure = "";
            end = i;
            return false;
        }

        /// <summary>Whose or where: the counted noun and a following "in X" ("Palestinians in Gaza").</summary>
        public readonly string? Subject(Num num, int lastTok, string? hint)
        {
            if (hint is not null) return hint;
            if (num.UnitLast < 0) return null;
            int a = num.Last + 1;
            if (a > num.UnitLast || _tokens[a].Kind != TokenKind.Word) return null;
            var w = W(a);
            if (!PeopleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && !char.IsUpper(w[0])) return null;
            int end = num.UnitLast;
            if (end + 2 < hi && Is(end + 1, "in") && char.IsUpper(W(end + 2)[0]))
            {
                end += 2;
                while (end + 1 < hi && _tokens[end + 1].Kind == TokenKind.Word && char.IsUpper(W(end + 1)[0])) end++;
            }
            return _text[_tokens[a].Start.._tokens[end].End];
        }

        /// <summary>
        /// The authority a sentence attributes its figures to: "according to X", "X said/says/claims/indicates",
        /// or an inverted "..., say X". Pronouns alone are not authorities.
        /// </summary>
        /// <summary>
        /// The authority a figure is attributed to: "according to X", ", say X" or "X said/claims/estimates",
        /// within the figure's clause (a semicolon ends one). An attribution after the figure and past a comma
        /// ("105 of whom are in Gaza, 34 of whom the military claims are dead") covers it only when the verb
        /// closes the sentence ("..., officials said."), not when it heads a clause of its own.
        /// </summary>
        public readonly string? Source(int figure)
        {
            int a = lo, b = hi;
            for (int k = figure - 1; k >= lo; k--) if (W(k) is ";") { a = k + 1; break; }
            for (int k = figure + 1; k < hi; k++) if (W(k) is ";") { b = k; break; }
            for (int i = a; i < b; i++)
            {
                if (Is(i, "according") && Is(i + 1, "to"))
                {
                    var np = ForwardPhrase(i + 2, b);
                    if (np is not null) return np;
                }
            }
            for (int i = a; i < b; i++)
            {
                if (_tokens[i].Kind != TokenKind.Word || !ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(i))) continue;
                if (Is(i, "according") || !IsVerbUse(i, a)) continue;
                // inverted: ", say health officials in Gaza."
                if (i - 1 >= a && (Is(i - 1, ",") || W(i - 1).SequenceEqual("\u2014")) && i + 1 < b)
                {
                    var np = ForwardPhrase(i + 1, b);
                    if (np is not null) return np;
                }
                var back = BackwardPhrase(i - 1, a, out int phraseStart);
                if (back is null) continue;
                if (phraseStart > figure && !ClosesSentence(i, b))
                {
                    bool comma = false;
                    for (int k = figure + 1; k < phraseStart; k++) if (W(k) is ",") { comma = true; break; }
                    if (comma) continue;
                }
                return back;
            }
            return null;
        }

        /// <summary>
        /// A reporting word used as a verb: lower case ("the United States" is a name), and a noun homograph
        /// ("states", "claims", "reports", "estimates") not after a determiner or a capitalised word ("Arab
        /// states", "the state of Israel").
        /// </summary>
        private readonly bool IsVerbUse(int i, int first)
        {
            var w = W(i);
            if (i > first && char.IsUpper(w[0])) return false;
            // "will report within six months", "to claim": a future or infinitive report attributes nothing yet
            if (i - 1 >= first && ModalsBeforeReport.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(i - 1))) return false;
            // "an inspection report seen by ...", "the report by the agency": a noun followed by its modifier or verb
            if (ReportingNounHomographs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && i + 1 < hi &&
                NounFollowers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(i + 1))) return false;
            if (!ReportingNounHomographs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || i - 1 < first || Is(i + 1, "that")) return true;
            var prev = W(i - 1);
            return !(Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) || (char.IsUpper(prev[0]) && i - 1 > first && _tokens[i - 1].Kind == TokenKind.Word));
        }

        /// <summary>The verb ends the sentence or clause, or only a time adjunct follows ("said on Tuesday").</summary>
        private readonly bool ClosesSentence(int verb, int end)
        {
            int k = verb + 1;
            if (k >= end || _tokens[k].Kind is TokenKind.Punctuation) return true;
            return TimeAdjunctWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k));
        }

        private readonly string? ForwardPhrase(int start, int end)
        {
            int j = start;
            while (j < end && j - start < SourceMaxTokens)
            {
                var t = _tokens[j];
                if (t.Kind is TokenKind.Punctuation or TokenKind.Quote && !W(j).SequenceEqual("-")) break;
                if (j > start && (Is(j, "that") || Is(j, "which") || Is(j, "and") || Is(j, "who") || Is(j, "as") || Is(j, "on") || Is(j, "said") || Is(j, "says"))) break;
                j++;
            }
            if (j == start) return null;
            var phrase = _text[_tokens[start].Start.._tokens[j - 1].End];
            return IsPronoun(start, j) ? null : Trim(phrase);
        }

        private readonly string? BackwardPhrase(int end, int first, out int phraseStart)
        {
            phraseStart = end + 1;
            // "Kirby on Thursday said": step over a time adjunct between the source and its verb
            while (end >= first && (TimeAdjunctWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(end)) || TimexVocabulary.Weekdays.ContainsKey(W(end).ToString())))
            {
                end--;
                if (end >= first && (Is(end, "on") || Is(end, "last") || Is(end, "this"))) end--;
            }
            int j = end;
            while (j >= first && end - j < SourceMaxTokens)
            {
                var t = _tokens[j];
                if (t.Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Number && !W(j).SequenceEqual("-")) break;
                // "34 of whom the military claims": a relative pronoun opens the clause the source is in
                if (RelativePronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(j))) break;
                if (PhraseStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(j)) && !(j < end && (Is(j, "of") || Is(j, "in")) && j > first && !Is(j - 1, ",")))
                {
                    // keep "of"/"in" inside a phrase ("health officials in Gaza") and a participle's
                    // preposition ("a count based on official numbers"); stop at the rest
                    bool participle = j - 1 >= first && W(j - 1).EndsWith("ed", StringComparison.Ordinal) && (Is(j, "on") || Is(j, "by") || Is(j, "from"));
                    if (!(Is(j, "of") || Is(j, "in") || participle)) break;
                }
                j--;
            }
            int start = j + 1;
            // leading "of"/"in" would be a fragment: drop
            while (start <= end && (Is(start, "of") || Is(start, "in"))) start++;
            if (start > end) return null;
            if (IsPronoun(start, end + 1)) return null;
            // a lone determiner is no source
            if (start == end && Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(start))) return null;
            // a source is a noun phrase: its last word is a noun-like word (not a verb in -ed/-ing)
            var lastWord = W(end);
            if (lastWord.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !lastWord.Equals("Beijing", StringComparison.Ordinal)) return null;
            phraseStart = start;
            return Trim(_text[_tokens[start].Start.._tokens[end].End]);
        }

        private readonly bool IsPronoun(int start, int end) =>
            end - start == 1 && Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(start));

        private static string Trim(string s)
        {
            if (s.StartsWith("the ", StringComparison.Ordinal) || s.StartsWith("The ", StringComparison.Ordinal)) s = s[4..];
            else if (s.StartsWith("a ", StringComparison.Ordinal) || s.StartsWith("A ", StringComparison.Ordinal)) s = s[2..];
            else if (s.StartsWith("an ", StringComparison.Ordinal) || s.StartsWith("An ", StringComparison.Ordinal)) s = s[3..];
            return s;
        }
    }
}
