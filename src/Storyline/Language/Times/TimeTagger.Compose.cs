using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;
using Storyline.Language.Figures;
using static Storyline.Language.Times.TimexVocabulary;

namespace Storyline.Language.Times;

/// <summary>
/// The composition step: expressions found one by one are joined where English builds a larger one out of
/// them, as HeidelTime's and SUTime's composite rules do: a date and a year written in words
/// ("June of nineteen ninety nine"), durations in a row ("one month and 21 days"), a duration counted from
/// an anchor ("three weeks from tomorrow", "two years ago", "within two weeks from today"), a duration
/// counted from now ("the next three days", "the past two decades"), weekdays of a named week ("next week
/// between Wednesday and Friday") and the two ends of a month-day range ("September 4 through September 8").
/// </summary>
public sealed partial class TimeTagger
{
    private static void Compose(AnnotatedDocument doc, DateOnly? refDate, List<TimeExpression> found)
    {
        if (found.Count == 0) return;
        var text = doc.Text;
        if (found.Count > 1) MergeSpelledYears(text, found);
        YearThenMonth(text, found);
        if (refDate is { } r)
        {
            ComposeDurations(doc, r, found);
            WeekdaysOfNamedWeek(text, found);
            NarrativeDays(text, found);
        }
        if (found.Count > 1)
        {
            RangeYears(text, found);
            SamePeriodOf(text, found);
        }
        PrecisionOfCountedUnit(found);
    }

    /// <summary>"two years ago", "three months from now": a single counted unit.</summary>
    private static readonly Regex CountedYearsOrMonths = new(
        @"^(?:\S+[\s-]+){1,3}?(?<unit>years?|months?)\s+(?:ago|from\s+now|hence)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>
    /// "Two years ago" is resolved to a day so that composition can count from it ("the same month a year ago");
    /// left alone, it keeps the precision of the unit it counts, as TIMEX3 values do (TimeML guidelines; the
    /// TempEval-3 gold and HeidelTime agree): the year for years, the month for months.
    /// </summary>
    private static void PrecisionOfCountedUnit(List<TimeExpression> found)
    {
        for (int i = 0; i < found.Count; i++)
        {
            var t = found[i];
            if (t.Type != TimexType.DATE || !IsDayValue(t.Value) || !IsAgoPhrase(t, out _)) continue;
            var m = CountedYearsOrMonths.Match(t.Text);
            if (!m.Success) continue;
            found[i] = t with { Value = m.Groups["unit"].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? t.Value[..4] : t.Value[..7] };
        }
    }

    /// <summary>
    /// "The same month a year ago", "the same week last year": the unit of the date that follows, which is
    /// what "the same" refers to.
    /// </summary>
    private static void SamePeriodOf(string text, List<TimeExpression> found)
    {
        for (int i = 0; i + 1 < found.Count; i++)
        {
            var a = found[i];
            var b = found[i + 1];
            if (!a.Value.StartsWith("XXXX", StringComparison.Ordinal) || !a.Text.Contains("same", StringComparison.OrdinalIgnoreCase)) continue;
            if (b.Type != TimexType.DATE || b.Value.Length < 4 || !char.IsDigit(b.Value[0]) || !text.AsSpan(a.Span.End, b.Span.Start - a.Span.End).Trim().IsEmpty) continue;
            string? value = a.Value.Length switch
            {
                4 => b.Value[..4],
                7 when b.Value.Length >= 7 && b.Value[4] == '-' && char.IsDigit(b.Value[5]) => b.Value[..7],
                8 when IsDayValue(b.Value) => IsoWeek(DateOnly.ParseExact(b.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => null,
            };
            if (value is null) continue;
            found[i] = new TimeExpression(new TextSpan(a.Span.Start, b.Span.End), text[a.Span.Start..b.Span.End], TimexType.DATE, value);
            found.RemoveAt(i + 1);
        }
    }

    /// <summary>Every year in words has one of these ("nineteen seventy", "twenty twenty", "two thousand and six").</summary>
    private static readonly SearchValues<string> SpelledYearCores = SearchValues.Create(["thousand", "hundred", "teen", "twenty"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Years written in words ("in nineteen seventy eight", "of two thousand and eighteen", "year two hundred
    /// and sixty seven"): a run of number words around one of <see cref="SpelledYearCores"/>, read as a year
    /// where a date word, "in"/"of"/"since" or "year" comes before it and no counted noun after it.
    /// </summary>
    private static void SpelledYears(string text, List<TimeExpression> found)
    {
        int at = 0;
        while (at < text.Length)
        {
            int k = text.AsSpan(at).IndexOfAny(SpelledYearCores);
            if (k < 0) break;
            int hit = at + k;
            int s = hit, e = hit;
            while (s > 0 && char.IsLetter(text[s - 1])) s--;
            while (e < text.Length && char.IsLetter(text[e])) e++;
            at = e;
            if (!IsSpelledNumber(text, s, e)) continue;
            int runStart = s, runEnd = e, words = 1;
            // further number words on the left and on the right, joined by blanks, hyphens or "and"
            while (PreviousNumberWord(text, runStart, out int ps)) { runStart = ps; words++; }
            while (NextNumberWord(text, runEnd, out int ne)) { runEnd = ne; words++; }
            at = runEnd;
            if (words < 2) continue;
            var yearWord = WordBefore(text, runStart, out int yearStart);
            bool afterYear = yearWord.Equals("year", StringComparison.OrdinalIgnoreCase);
            if (!afterYear && !PrecededByWordIn(text, runStart, SpelledYearLeads) && !PrecededByDateOrComma(text, runStart)) continue;
            if (NextWordIn(text, runEnd, YearBlockers) || NextIsPluralWord(text, runEnd)) continue;
            if (SpelledYearValue(text[runStart..runEnd], afterYear) is not { } year) continue;
            int start = afterYear ? yearStart : runStart;
            if (Taken(found, start, runEnd)) continue;
            found.Add(new TimeExpression(new TextSpan(start, runEnd), text[start..runEnd], TimexType.DATE, year.ToString("D4", CultureInfo.InvariantCulture)));
        }
    }

    private static bool IsSpelledNumber(string text, int s, int e) =>
        e > s && SpelledNumberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, e - s));

    /// <summary>The number word before <paramref name="start"/> across a blank, a hyphen or "and".</summary>
    private static bool PreviousNumberWord(string text, int start, out int wordStart)
    {
        wordStart = start;
        int e = start;
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '-')) e--;
        if (e == start || start - e > 2) return false;
        int s = e;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        if (text.AsSpan(s, e - s).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            int e2 = s;
            while (e2 > 0 && text[e2 - 1] == ' ') e2--;
            if (e2 == s) return false;
            s = e2;
            while (s > 0 && char.IsLetter(text[s - 1])) s--;
            e = e2;
        }
        if (!IsSpelledNumber(text, s, e)) return false;
        wordStart = s;
        return true;
    }

    /// <summary>The number word after <paramref name="end"/> across a blank, a hyphen or "and".</summary>
    private static bool NextNumberWord(string text, int end, out int wordEnd)
    {
        wordEnd = end;
        int s = end;
        while (s < text.Length && (text[s] == ' ' || text[s] == '-')) s++;
        if (s == end || s - end > 2) return false;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        if (text.AsSpan(s, e - s).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            int s2 = e;
            while (s2 < text.Length && text[s2] == ' ') s2++;
            if (s2 == e) return false;
            e = s2;
            while (e < text.Length && char.IsLetter(text[e])) e++;
            s = s2;
        }
        if (!IsSpelledNumber(text, s, e)) return false;
        wordEnd = e;
        return true;
    }

    /// <summary>A calendar amount: years, months, weeks, days, and clock parts in seconds.</summary>
    private readonly record struct CalendarAmount(int Years, int Months, int Weeks, int Days, int Seconds)
    {
        public bool IsCalendar => Seconds == 0 && (Years | Months | Weeks | Days) != 0;

        public DateOnly From(DateOnly d, int sign) =>
            d.AddYears(sign * Years).AddMonths(sign * Months).AddDays(sign * (7 * Weeks + Days));

        /// <summary>The TIMEX3 duration value; weeks are folded into days when other units are present (TIMEX3 does not mix W).</summary>
        public string Value()
        {
            var sb = new System.Text.StringBuilder("P");
            bool onlyWeeks = Weeks != 0 && Years == 0 && Months == 0 && Days == 0 && Seconds == 0;
            if (onlyWeeks) return "P" + Weeks.ToString(CultureInfo.InvariantCulture) + "W";
            if (Years != 0) sb.Append(Years).Append('Y');
            if (Months != 0) sb.Append(Months).Append('M');
            int days = 7 * Weeks + Days;
            if (days != 0) sb.Append(days).Append('D');
            if (Seconds != 0)
            {
                sb.Append('T');
                int h = Seconds / 3600, mi = Seconds % 3600 / 60, s = Seconds % 60;
                if (h != 0) sb.Append(h).Append('H');
                if (mi != 0) sb.Append(mi).Append('M');
                if (s != 0) sb.Append(s).Append('S');
            }
            return sb.ToString();
        }
    }

    /// <summary>Words a duration phrase may carry besides its amounts and units.</summary>
    private static readonly HashSet<string> DurationFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "the", "next", "past", "last", "coming", "upcoming", "following", "previous", "recent", "first", "final",
        "more", "than", "less", "fewer", "within", "for", "about", "around", "nearly", "almost", "over", "some", "at",
        "least", "up", "to", "just", "under", "roughly", "approximately", "consecutive", "straight", "successive",
        "additional", "full", "further", "long", "ago", "from", "now", "hence",
    };

    /// <summary>Words before a duration that make it a stretch from now ("within two weeks").</summary>
    private static readonly HashSet<string> WithinWords = new(StringComparer.OrdinalIgnoreCase) { "within" };

    /// <summary>Words that join a duration to the day it is counted from, and the direction they count in.</summary>
    private static readonly Dictionary<string, int> AnchorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["from"] = 1, ["after"] = 1, ["before"] = -1, ["starting"] = 0, ["beginning"] = 0,
    };

    /// <summary>Reads the amounts of a duration phrase ("1 month and 21 days", "last 3year", "two weeks"); false for vague or fractional ones.</summary>
    private static bool TryReadAmount(ReadOnlySpan<char> phrase, out CalendarAmount amount)
    {
        amount = default;
        int y = 0, mo = 0, w = 0, d = 0, s = 0;
        double pending = -1;
        bool any = false;
        int i = 0;
        var fillers = DurationFillers.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < phrase.Length)
        {
            char c = phrase[i];
            if (char.IsWhiteSpace(c) || c is ',' or '-') { i++; continue; }
            int j = i;
            if (char.IsDigit(c))
            {
                while (j < phrase.Length && (char.IsDigit(phrase[j]) || phrase[j] == '.')) j++;
                if (!double.TryParse(phrase[i..j], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out pending)) return false;
                i = j;
                continue;
            }
            while (j < phrase.Length && char.IsLetter(phrase[j])) j++;
            if (j == i) return false;
            var word = phrase[i..j];
            i = j;
            if (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)) { pending = 1; continue; }
            if (NumberWords.TryWord(word, out double n))
            {
                // "twenty one": tens and units as two words
                pending = pending >= 20 && pending % 10 == 0 && n < 10 ? pending + n : n;
                continue;
            }
            var unit = word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && word.Length > 3 ? word[..^1] : word;
            if (DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(unit, out var u))
            {
                // "the past week": a unit alone counts one
                if (pending < 0 && !any) pending = 1;
                if (pending < 0 || pending != Math.Floor(pending) || pending > 10000) return false;
                int k = (int)pending * u.Factor;
                pending = -1;
                any = true;
                switch (u.IsTime ? u.Code + "T" : u.Code)
                {
                    case "Y": y += k; break;
                    case "M": mo += k; break;
                    case "W": w += k; break;
                    case "D": d += k; break;
                    case "HT": s += 3600 * k; break;
                    case "MT": s += 60 * k; break;
                    case "ST": s += k; break;
                    default: return false;
                }
                continue;
            }
            if (fillers.Contains(word)) continue;
            return false;
        }
        if (!any || pending >= 0) return false;
        amount = new CalendarAmount(y, mo, w, d, s);
        return true;
    }

    private static bool IsDurationValue(TimeExpression t) =>
        t.Type == TimexType.DURATION && t.Value.Length > 1 && t.Value[0] == 'P' && !t.Value.Contains('X');

    private static bool IsDayValue(string v) => v.Length == 10 && char.IsDigit(v[0]) && v[4] == '-' && v[7] == '-';

    private static bool EndsWithWord(string s, string word) =>
        s.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (s.Length == word.Length || !char.IsLetter(s[^(word.Length + 1)]));

    /// <summary>An expression of the "N units ago" rule, and whether it counts forward ("from now", "hence").</summary>
    private static bool IsAgoPhrase(TimeExpression t, out bool forward)
    {
        forward = EndsWithWord(t.Text, "from now") || EndsWithWord(t.Text, "hence");
        return t.Type == TimexType.DATE && (forward || EndsWithWord(t.Text, "ago"));
    }

    /// <summary>Whether only blanks, a comma or "and" lie between two offsets.</summary>
    private static bool IsJoiner(string text, int from, int to)
    {
        if (to < from || to - from > 7) return false;
        var gap = text.AsSpan(from, to - from).Trim();
        if (gap.StartsWith(",")) gap = gap[1..].TrimStart();
        return gap.IsEmpty || gap.Equals("and", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word that starts at <paramref name="index"/> after blanks (and a comma when allowed), with its end.</summary>
    private static ReadOnlySpan<char> WordAfter(string text, int index, out int end, out bool comma)
    {
        int s = index;
        comma = false;
        while (s < text.Length && (text[s] == ' ' || text[s] == ','))
        {
            if (text[s] == ',') comma = true;
            s++;
        }
        end = s;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text.AsSpan(s, end - s);
    }

    private static ReadOnlySpan<char> WordBefore(string text, int index, out int start)
    {
        int e = index;
        while (e > 0 && text[e - 1] == ' ') e--;
        start = e;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text.AsSpan(start, e - start);
    }

    /// <summary>
    /// Durations in a row become one ("2 years 21 days"), and a duration tied to an anchor becomes the date
    /// it points at or the stretch it covers. Stretches carry their first and last day (TimeML's beginPoint
    /// and endPoint); their value stays the duration.
    /// </summary>
    private static void ComposeDurations(AnnotatedDocument doc, DateOnly r, List<TimeExpression> found)
    {
        var text = doc.Text;
        for (int i = 0; i < found.Count; i++)
        {
            var t = found[i];
            if (!IsDurationValue(t)) continue;
            // a run of durations, possibly closed by an "N units ago" phrase
            int j = i;
            bool ago = false, forward = false;
            while (j + 1 < found.Count && IsJoiner(text, found[j].Span.End, found[j + 1].Span.Start))
            {
                var n = found[j + 1];
                if (IsDurationValue(n))
                {
                    if (!JoinsAsOneAmount(text, found[j], n)) break;
                    j++;
                    continue;
                }
                if (IsAgoPhrase(n, out forward)) { j++; ago = true; }
                break;
            }
            int start = t.Span.Start, end = found[j].Span.End;
            var phrase = text.AsSpan(start, end - start);
            if (ago) phrase = phrase[..^(forward ? (EndsWithWord(found[j].Text, "hence") ? 5 : 8) : 3)];
            var lead = LeadWord(phrase);
            var before = WordBefore(text, start, out _);
            // "the upcoming two weeks", "the past three days" with the relative word before the duration rule's match
            if (lead.IsEmpty && (IsAhead(before) || IsBehind(before))) lead = before;
            bool within = WithinWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) || PrecededByWithin(text, start);
            var next = WordAfter(text, end, out int nextEnd, out bool comma);
            // most durations stand alone ("for two years"): nothing to read further
            if (j == i && !within && lead.IsEmpty && !before.Equals("in", StringComparison.OrdinalIgnoreCase) && !IsAnchoringWord(next)) continue;
            if (!TryReadAmount(phrase, out var amount)) continue;
            // a unit named twice is a list ("three days and four nights"), not one amount; "between 18 months
            // and 60 years" is a range
            if (j > i && (!DistinctUnits(found, i, j) || before.Equals("between", StringComparison.OrdinalIgnoreCase))) continue;
            TimeExpression? composed = null;
            int last = j;
            if (ago)
            {
                if (amount.IsCalendar)
                    composed = new TimeExpression(new TextSpan(start, end), text[start..end], TimexType.DATE, Iso(amount.From(r, forward ? 1 : -1)));
            }
            else if (amount.IsCalendar)
            {
                if (next.Equals("later", StringComparison.OrdinalIgnoreCase) || next.Equals("earlier", StringComparison.OrdinalIgnoreCase))
                {
                    // "two years 21 days later": counted from the date the story last named, else from the reference
                    if (j > i || NarrativeAnchor(found, i) is null)
                    {
                        var anchor = NarrativeAnchor(found, i) ?? r;
                        int sign = next[0] is 'l' or 'L' ? 1 : -1;
                        composed = new TimeExpression(new TextSpan(start, nextEnd), text[start..nextEnd], TimexType.DATE, Iso(amount.From(anchor, sign)));
                    }
                }
                else if (AnchorWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(next, out int dir) &&
                         j + 1 < found.Count && found[j + 1].Type == TimexType.DATE && IsDayValue(found[j + 1].Value) &&
                         !IsJoinerTextBetween(text, nextEnd, found[j + 1].Span.Start))
                {
                    // "three weeks from tomorrow", "a week starting tomorrow", "within two weeks from today"
                    var a = found[j + 1];
                    var anchor = DateOnly.ParseExact(a.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    last = j + 1;
                    // "the two weeks from January 4" names the stretch, "two weeks from January 4" the day it ends on
                    bool stretch = dir == 0 || comma || within || phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ||
                                   lead.Equals("less", StringComparison.OrdinalIgnoreCase) ||
                                   lead.Equals("fewer", StringComparison.OrdinalIgnoreCase) || before.Equals("for", StringComparison.OrdinalIgnoreCase);
                    int s0 = start, e0 = a.Span.End;
                    composed = stretch
                        ? Stretch(text, s0, e0, amount, anchor)
                        : new TimeExpression(new TextSpan(s0, e0), text[s0..e0], TimexType.DATE, Iso(amount.From(anchor, dir)));
                }
                else if (next.Equals("in", StringComparison.OrdinalIgnoreCase) && j + 1 < found.Count && found[j + 1].Value == "FUTURE_REF" &&
                         found[j + 1].Span.Start - nextEnd <= 2)
                {
                    // "four weeks in the future"
                    last = j + 1;
                    composed = Stretch(text, start, found[j + 1].Span.End, amount, r.AddDays(1));
                }
                else if (IsAhead(lead) || within)
                {
                    // "within ten months" from today, "the next three days" from tomorrow on (unless the sentence is in the past)
                    if (TenseNear(doc, start, end) != Tense.Past) composed = Stretch(text, start, end, amount, within ? r : r.AddDays(1));
                }
                else if (IsBehind(lead))
                {
                    composed = BackStretch(text, start, end, amount, r);
                }
                else if (before.Equals("in", StringComparison.OrdinalIgnoreCase) && amount.Years == 0 && TenseNear(doc, start, end) == Tense.Future)
                {
                    // "will leave in three weeks": the day three weeks on ("in" is a signal, outside the extent as
                    // TimeML has it); "in three years" is too far off to name a day, and as often a span: it
                    // stays a duration
                    composed = new TimeExpression(new TextSpan(start, end), text[start..end], TimexType.DATE, Iso(amount.From(r, 1)));
                }
            }
            if (composed is null)
            {
                if (j == i) continue;
                composed = new TimeExpression(new TextSpan(start, end), text[start..end], TimexType.DURATION, amount.Value());
            }
            // drop whatever else the composed expression now covers
            int from = i, to = last;
            while (from > 0 && found[from - 1].Span.End > composed.Span.Start) from--;
            while (to + 1 < found.Count && found[to + 1].Span.Start < composed.Span.End) to++;
            found.RemoveRange(from, to - from + 1);
            found.Insert(from, composed);
            i = from;
        }
    }

    /// <summary>
    /// Whether a duration continues the amount of the one before it: "one month and 21 days" (larger unit
    /// first) or "2 days 1 month" (side by side), but not "18 months and 60 years" (a range or a list) nor
    /// "24 hours a day" (a rate).
    /// </summary>
    private static bool JoinsAsOneAmount(string text, TimeExpression a, TimeExpression b)
    {
        var second = b.Text.AsSpan().TrimStart();
        if (second.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || second.StartsWith("an ", StringComparison.OrdinalIgnoreCase)) return false;
        if (text.AsSpan(a.Span.End, b.Span.Start - a.Span.End).Trim().IsEmpty) return true;
        return UnitRank(a.Value) < UnitRank(b.Value);
    }

    /// <summary>The rank of a duration's (last) unit, larger units first.</summary>
    private static int UnitRank(string value) =>
        value.Contains('T') ? value[^1] switch { 'H' => 4, 'M' => 5, _ => 6 } : value[^1] switch { 'Y' => 0, 'M' => 1, 'W' => 2, 'D' => 3, _ => 7 };

    /// <summary>A word after a duration that ties it to an anchor: "later", "earlier", "from", "after", "in" (the future)...</summary>
    private static bool IsAnchoringWord(ReadOnlySpan<char> w) =>
        w.Equals("later", StringComparison.OrdinalIgnoreCase) || w.Equals("earlier", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("in", StringComparison.OrdinalIgnoreCase) || AnchorWords.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w);

    private static bool DistinctUnits(List<TimeExpression> found, int i, int j)
    {
        int seen = 0;
        for (int k = i; k <= j; k++)
        {
            var v = found[k].Value;
            if (found[k].Type != TimexType.DURATION) continue;
            int bit = 1 << UnitRank(v);
            if ((seen & bit) != 0) return false;
            seen |= bit;
        }
        return true;
    }

    /// <summary>
    /// The word that says which way a duration phrase counts ("next", "past", "less"), found before its first
    /// amount past modifiers such as "over the" or "about"; empty when there is none.
    /// </summary>
    private static ReadOnlySpan<char> LeadWord(ReadOnlySpan<char> phrase)
    {
        var p = phrase;
        while (true)
        {
            p = p.TrimStart();
            int e = 0;
            while (e < p.Length && char.IsLetter(p[e])) e++;
            if (e == 0) return [];
            var w = p[..e];
            if (IsAhead(w) || IsBehind(w) || w.Equals("less", StringComparison.OrdinalIgnoreCase) || w.Equals("fewer", StringComparison.OrdinalIgnoreCase) ||
                w.Equals("more", StringComparison.OrdinalIgnoreCase)) return w;
            if (!DurationFillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return [];
            p = p[e..];
        }
    }

    private static bool IsAhead(ReadOnlySpan<char> w) =>
        w.Equals("next", StringComparison.OrdinalIgnoreCase) || w.Equals("coming", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("upcoming", StringComparison.OrdinalIgnoreCase) || w.Equals("following", StringComparison.OrdinalIgnoreCase);

    private static bool IsBehind(ReadOnlySpan<char> w) =>
        w.Equals("past", StringComparison.OrdinalIgnoreCase) || w.Equals("last", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("previous", StringComparison.OrdinalIgnoreCase);

    /// <summary>"within the upcoming five years": "within" up to two words before the duration.</summary>
    private static bool PrecededByWithin(string text, int start)
    {
        int at = start;
        for (int k = 0; k < 3; k++)
        {
            var w = WordBefore(text, at, out int s);
            if (w.IsEmpty) return false;
            if (w.Equals("within", StringComparison.OrdinalIgnoreCase)) return true;
            if (!(w.Equals("the", StringComparison.OrdinalIgnoreCase) || IsAhead(w))) return false;
            at = s;
        }
        return false;
    }

    private static bool IsJoinerTextBetween(string text, int from, int to) => to < from || !text.AsSpan(from, to - from).Trim().IsEmpty;

    /// <summary>A stretch of the amount from its first day.</summary>
    private static TimeExpression Stretch(string text, int start, int end, CalendarAmount amount, DateOnly first) =>
        new(new TextSpan(start, end), text[start..end], TimexType.DURATION, amount.Value())
        {
            Begin = Iso(first),
            End = Iso(amount.From(first, 1).AddDays(-1)),
        };

    /// <summary>
    /// A stretch up to the reference date: "the last three years" ends the day before it; decades and centuries
    /// are whole ("the past two decades" in 2016 are the 1990s and 2000s).
    /// </summary>
    private static TimeExpression BackStretch(string text, int start, int end, CalendarAmount amount, DateOnly r)
    {
        var value = amount.Value();
        DateOnly first, lastDay;
        if (amount.Months == 0 && amount.Weeks == 0 && amount.Days == 0 && amount.Years % 10 == 0 && DecadeWordIn(text.AsSpan(start, end - start)))
        {
            int startOfDecade = r.Year / 10 * 10;
            first = new DateOnly(startOfDecade - amount.Years, 1, 1);
            lastDay = new DateOnly(startOfDecade - 1, 12, 31);
        }
        else
        {
            first = amount.From(r, -1);
            lastDay = r.AddDays(-1);
        }
        return new TimeExpression(new TextSpan(start, end), text[start..end], TimexType.DURATION, value) { Begin = Iso(first), End = Iso(lastDay) };
    }

    private static bool DecadeWordIn(ReadOnlySpan<char> s) =>
        s.Contains("decade", StringComparison.OrdinalIgnoreCase) || s.Contains("centur", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last day-precise date named before expression <paramref name="i"/>, if any.</summary>
    private static DateOnly? NarrativeAnchor(List<TimeExpression> found, int i)
    {
        for (int k = i - 1; k >= 0; k--)
            if (found[k].Type == TimexType.DATE && IsDayValue(found[k].Value))
                return DateOnly.ParseExact(found[k].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>The last day of the week, month or year a TIMEX3 value names, for "the rest of the week".</summary>
    private static DateOnly LastDayOf(string value, DateOnly r)
    {
        if (value.Length == 8 && value[5] == 'W') return r.AddDays(7 - IsoDayNumber(r.DayOfWeek));
        if (value.Length == 7) return new DateOnly(r.Year, r.Month, DateTime.DaysInMonth(r.Year, r.Month));
        return new DateOnly(r.Year, 12, 31);
    }

    /// <summary>
    /// "The next day", "the following day", "the previous day" count from the last day the story named
    /// (HeidelTime's narrative anchoring), the reference date when it named none.
    /// </summary>
    private static void NarrativeDays(string text, List<TimeExpression> found)
    {
        for (int i = 1; i < found.Count; i++)
        {
            var t = found[i];
            if (t.Type != TimexType.DATE || !EndsWithWord(t.Text, "day")) continue;
            var lead = LeadWord(t.Text);
            int shift = lead.Equals("next", StringComparison.OrdinalIgnoreCase) || lead.Equals("following", StringComparison.OrdinalIgnoreCase) ? 1
                : lead.Equals("previous", StringComparison.OrdinalIgnoreCase) ? -1 : 0;
            if (shift == 0 || NarrativeAnchor(found, i) is not { } anchor) continue;
            found[i] = t with { Value = Iso(anchor.AddDays(shift)) };
        }
    }

    /// <summary>
    /// A date followed by a year in words takes that year: "June of nineteen ninety nine", "the tenth of
    /// September, two thousand", "the third quarter of two thousand and twenty".
    /// </summary>
    private static void MergeSpelledYears(string text, List<TimeExpression> found)
    {
        for (int i = 0; i + 1 < found.Count; i++)
        {
            var a = found[i];
            var y = found[i + 1];
            if (a.Type != TimexType.DATE || y.Type != TimexType.DATE || y.Value.Length != 4 || !char.IsDigit(y.Value[0])) continue;
            if (y.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || HasExplicitYear(a.Text)) continue;
            if (a.Value.Length < 7 || a.Value[4] != '-' || !(char.IsDigit(a.Value[0]) || a.Value.StartsWith("XXXX", StringComparison.Ordinal))) continue;
            var gap = text.AsSpan(a.Span.End, y.Span.Start - a.Span.End).Trim();
            if (gap.StartsWith(",")) gap = gap[1..].TrimStart();
            if (!gap.IsEmpty && !gap.Equals("of", StringComparison.OrdinalIgnoreCase)) continue;
            found[i] = new TimeExpression(new TextSpan(a.Span.Start, y.Span.End), text[a.Span.Start..y.Span.End], TimexType.DATE, y.Value + a.Value[4..]);
            found.RemoveAt(i + 1);
        }
    }

    /// <summary>Lower-case month names that are also common words, and so are not months after a year.</summary>
    private static readonly HashSet<string> AmbiguousLowerMonths = new(StringComparer.Ordinal) { "may", "march", "mar", "august", "aug" };

    /// <summary>
    /// A year followed by its month ("2016 June", "2015, nov") is that month: read here from the year
    /// expressions, which are few, rather than by a rule scanning the text.
    /// </summary>
    private static void YearThenMonth(string text, List<TimeExpression> found)
    {
        for (int i = 0; i < found.Count; i++)
        {
            var y = found[i];
            if (y.Type != TimexType.DATE || y.Value.Length != 4 || y.Text.Length != 4 || !char.IsDigit(y.Text[0])) continue;
            var word = WordAfter(text, y.Span.End, out int end, out _);
            if (word.IsEmpty || !Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out int month)) continue;
            if (char.IsLower(word[0]) && AmbiguousLowerMonths.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) continue;
            // "2016 June 5" is a day of June; "2016 Mayor" is not a month at all (the word ends at a letter run)
            int after = end;
            while (after < text.Length && text[after] == ' ') after++;
            if (after < text.Length && char.IsDigit(text[after])) continue;
            // a comma at most between them
            var gap = text.AsSpan(y.Span.End, end - word.Length - y.Span.End).Trim();
            if (!(gap.IsEmpty || gap.Equals(",", StringComparison.Ordinal))) continue;
            int start = y.Span.Start;
            int to = i;
            while (to + 1 < found.Count && found[to + 1].Span.Start < end) to++;
            if (to > i && found[to].Span.End > end) continue;
            found.RemoveRange(i, to - i + 1);
            found.Insert(i, new TimeExpression(new TextSpan(start, end), text[start..end], TimexType.DATE, $"{y.Value}-{month:D2}"));
        }
    }

    /// <summary>"next week between Wednesday and Friday", "this week from Tuesday to Thursday": the weekdays of that week.</summary>
    private static void WeekdaysOfNamedWeek(string text, List<TimeExpression> found)
    {
        for (int i = 0; i < found.Count; i++)
        {
            var w = found[i];
            if (w.Type != TimexType.DATE || w.Value.Length != 8 || w.Value[5] != 'W' || !EndsWithWord(w.Text, "week")) continue;
            var joint = WordAfter(text, w.Span.End, out int jointEnd, out _);
            if (!(joint.Equals("between", StringComparison.OrdinalIgnoreCase) || joint.Equals("from", StringComparison.OrdinalIgnoreCase) || joint.Equals("on", StringComparison.OrdinalIgnoreCase))) continue;
            if (!int.TryParse(w.Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int wy) ||
                !int.TryParse(w.Value.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int wn)) continue;
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, wn, DayOfWeek.Monday));
            // up to two weekdays, full or abbreviated ("from Tue to Thur"), joined by a range word
            int at = jointEnd;
            for (int n = 0; n < 2; n++)
            {
                var day = WordAfter(text, at, out int dayEnd, out _);
                if (!WeekdayNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(day, out var wd) || !char.IsUpper(day[0])) break;
                int dayStart = dayEnd - day.Length;
                var value = Iso(monday.AddDays(IsoDayNumber(wd) - 1));
                int k = found.FindIndex(i + 1, f => f.Span.Start == dayStart);
                if (k >= 0) found[k] = found[k] with { Value = value };
                else if (!Taken(found, dayStart, dayEnd))
                {
                    int pos = found.FindIndex(i + 1, f => f.Span.Start > dayStart);
                    found.Insert(pos < 0 ? found.Count : pos, new TimeExpression(new TextSpan(dayStart, dayEnd), text[dayStart..dayEnd], TimexType.DATE, value));
                }
                var joiner = WordAfter(text, dayEnd, out at, out _);
                if (!(joiner.Equals("to", StringComparison.OrdinalIgnoreCase) || joiner.Equals("and", StringComparison.OrdinalIgnoreCase) ||
                      joiner.Equals("through", StringComparison.OrdinalIgnoreCase) || joiner.Equals("until", StringComparison.OrdinalIgnoreCase))) break;
            }
        }
    }

    /// <summary>
    /// The second end of a month-day range without a year ("September 4 through September 8") is in the
    /// year of the first (or the next one, when it would come before it).
    /// </summary>
    private static void RangeYears(string text, List<TimeExpression> found)
    {
        for (int i = 0; i + 1 < found.Count; i++)
        {
            var a = found[i];
            var b = found[i + 1];
            if (!IsDayValue(a.Value) || !IsDayValue(b.Value) || a.Value.AsSpan(0, 4).SequenceEqual(b.Value.AsSpan(0, 4))) continue;
            if (HasExplicitYear(a.Text) || HasExplicitYear(b.Text) || !IsMonthDayMention(a.Text) || !IsMonthDayMention(b.Text)) continue;
            var gap = text.AsSpan(a.Span.End, b.Span.Start - a.Span.End).Trim();
            if (!(gap.Equals("to", StringComparison.OrdinalIgnoreCase) || gap.Equals("through", StringComparison.OrdinalIgnoreCase) ||
                  gap.Equals("until", StringComparison.OrdinalIgnoreCase) || gap.Equals("till", StringComparison.OrdinalIgnoreCase) ||
                  gap.Equals("and", StringComparison.OrdinalIgnoreCase) || gap.Equals("-", StringComparison.Ordinal) || gap.Equals("\u2013", StringComparison.Ordinal))) continue;
            int year = int.Parse(a.Value.AsSpan(0, 4), CultureInfo.InvariantCulture);
            if (string.CompareOrdinal(b.Value, 5, a.Value, 5, 5) < 0) year++;
            int mo = int.Parse(b.Value.AsSpan(5, 2), CultureInfo.InvariantCulture), day = int.Parse(b.Value.AsSpan(8, 2), CultureInfo.InvariantCulture);
            if (ValidDate(year, mo, day)) found[i + 1] = b with { Value = $"{year:D4}{b.Value[4..]}" };
        }
    }
}
