using System.Collections.Frozen;
using System.Globalization;
using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// The figure ledger: figures about the same thing, however phrased, become one series, and each series is
/// assessed. A series anchored to a past event (a date well before publication in the figure's sentence, or
/// an as-of date) is one count of one thing: differing values are a discrepancy. An unanchored running count
/// whose values grow with the article dates is a trend. Values are compared as intervals that honour the
/// qualifier ("about 1,200" holds 1,199; "more than 39,000" and "nearly 40,000" overlap).
/// </summary>
internal static class FigureLedger
{
    /// <summary>Words that name what a count counts, mapped to one measure per meaning.</summary>
    public static readonly FrozenDictionary<string, string> MeasureWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["killed"] = "killed", ["kill"] = "killed", ["killing"] = "killed", ["dead"] = "killed", ["death"] = "killed",
        ["died"] = "killed", ["die"] = "killed", ["slain"] = "killed", ["fatality"] = "killed", ["fatalitie"] = "killed",
        ["live"] = "killed", ["perished"] = "killed", ["toll"] = "killed", ["murdered"] = "killed", ["casualty"] = "killed",
        ["massacre"] = "killed", ["massacred"] = "killed", ["slaughtered"] = "killed",
        ["injured"] = "injured", ["injury"] = "injured", ["wounded"] = "injured", ["hurt"] = "injured",
        ["hostage"] = "taken hostage", ["captive"] = "taken hostage", ["abducted"] = "taken hostage",
        ["kidnapped"] = "taken hostage",
        ["displaced"] = "displaced", ["homeless"] = "displaced", ["evacuated"] = "displaced", ["refugee"] = "displaced",
        ["fled"] = "displaced", ["evacuee"] = "displaced", ["uprooted"] = "displaced", ["shelter"] = "displaced",
        ["forced"] = "displaced",
        ["arrested"] = "arrested", ["detained"] = "arrested", ["jailed"] = "arrested",
        ["missing"] = "missing",
        ["held"] = "held",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The interval a qualified value stands for, as (low, high) factors of the value.</summary>
    public static readonly FrozenDictionary<Qualifier, (double Low, double High)> QualifierRange =
        new Dictionary<Qualifier, (double, double)>
        {
            [Qualifier.Exact] = (1, 1),
            [Qualifier.About] = (0.97, 1.03),
            [Qualifier.MoreThan] = (1, 1.1),
            [Qualifier.AtLeast] = (1, 1.1),
            [Qualifier.Nearly] = (0.93, 1),
            [Qualifier.UpTo] = (0.8, 1),
            [Qualifier.LessThan] = (0.8, 1),
        }.ToFrozenDictionary();

    private sealed class Point
    {
        public required DocumentProfile Doc { get; init; }
        public required Figure Figure { get; init; }
        public required int Sentence { get; init; }
        public required string MeasureClass { get; init; }
        public DateOnly? Anchor { get; init; }
        public required DateOnly? AsOf { get; init; }
        public required string? AsOfText { get; init; }
        public required HashSet<string> Context { get; init; }
        /// <summary>The measure was only guessed from nearby words: the point may join a series but not start one.</summary>
        public bool Weak { get; init; }
        public double Low => Figure.Value * QualifierRange[Figure.Qualifier].Low * (Figure.Qualifier == Qualifier.Exact ? 1 - Tol : 1);
        public double High => (Figure.ValueHigh ?? Figure.Value) * QualifierRange[Figure.Qualifier].High * (Figure.Qualifier == Qualifier.Exact ? 1 + Tol : 1);
        public double Tol { get; init; }
    }

    private sealed class Series
    {
        public List<Point> Points { get; } = [];
        public DateOnly? Anchor { get; set; }
        public string MeasureClass { get; init; } = "";
        public string? Unit { get; set; }
        public Dictionary<string, int> Context { get; } = new(StringComparer.Ordinal);

    }

    public static IReadOnlyList<FigureSeries> Build(StoryContext ctx)
    {
        var points = new List<Point>();
        foreach (var p in ctx.Members)
            foreach (var f in p.Doc.Figures)
                if (MakePoint(ctx, p, f) is { } pt) points.Add(pt);
        // Anchored points first: they fix which series are counts of past events.
        points.Sort((a, b) =>
        {
            if ((a.Anchor is null) != (b.Anchor is null)) return a.Anchor is null ? 1 : -1;
            int c = Nullable.Compare(a.AsOf, b.AsOf);
            if (c != 0) return c;
            c = a.Doc.Index.CompareTo(b.Doc.Index);
            return c != 0 ? c : a.Figure.Span.Start.CompareTo(b.Figure.Span.Start);
        });

        var series = new List<Series>();
        // Points with a known measure first; points whose measure was guessed only join what exists.
        points = [.. points.Where(p => !p.Weak), .. points.Where(p => p.Weak)];
        foreach (var pt in points)
        {
            Series? best = null;
            double bestScore = 0.2;
            foreach (var s in series)
            {
                if (s.MeasureClass != pt.MeasureClass) continue;
                if (s.Unit is not null && HardUnit(pt.Figure.Unit) is { } u && !string.Equals(s.Unit, u, StringComparison.Ordinal)) continue;
                if (s.Anchor is { } a && pt.Anchor is { } b && a != b) continue;
                if (!Comparable(s, pt, ctx.Options)) continue;
                double overlap = Overlap(s.Context, pt.Context);
                // A guessed measure needs a count of people or words in common with the series to join it.
                if (pt.Weak && overlap < 0.2 && !string.Equals(pt.Figure.Unit, "people", StringComparison.Ordinal)) continue;
                double score = 0.2 + overlap + (s.Anchor is not null && s.Anchor == pt.Anchor ? 0.5 : 0);
                if (score >= bestScore && (best is null || score > bestScore)) { best = s; bestScore = score; }
            }
            if (best is null && pt.Weak) continue;
            if (best is null)
            {
                best = new Series { MeasureClass = pt.MeasureClass, Anchor = pt.Anchor };
                series.Add(best);
            }
            best.Unit ??= HardUnit(pt.Figure.Unit);
            best.Points.Add(pt);
            foreach (var w in pt.Context)
            {
                best.Context.TryGetValue(w, out int c);
                best.Context[w] = c + 1;
            }
        }

        var result = new List<FigureSeries>(series.Count);
        // Series with more sources first: they are what a reader compares.
        series.Sort((a, b) => b.Points.Count.CompareTo(a.Points.Count));
        int n = 0;
        foreach (var s in series)
            result.Add(Assess(s, ++n, ctx.Options));
        return result;
    }

    /// <summary>
    /// Values of one count stay within a factor of each other; a running count may grow further the longer
    /// the time between reports (the allowance grows with the logarithm of the months between them).
    /// </summary>
    private static bool Comparable(Series s, Point pt, StoryOptions options)
    {
        foreach (var q in s.Points)
        {
            double ratio = Math.Max(q.Figure.Value, pt.Figure.Value) / Math.Max(1e-9, Math.Min(q.Figure.Value, pt.Figure.Value));
            double months = q.AsOf is { } a && pt.AsOf is { } b ? Math.Abs(a.DayNumber - b.DayNumber) / 30.0 : 0;
            double allowed = options.SeriesMaxRatio * (1 + Math.Log2(1 + months));
            if (ratio > allowed) return false;
        }
        return true;
    }

    private static double Overlap(Dictionary<string, int> series, HashSet<string> point)
    {
        if (point.Count == 0 || series.Count == 0) return 0;
        int hit = 0;
        foreach (var w in point) if (series.ContainsKey(w)) hit++;
        return hit / (double)point.Count;
    }

    private static Point? MakePoint(StoryContext ctx, DocumentProfile p, Figure f)
    {
        if (double.IsNaN(f.Value) || double.IsInfinity(f.Value) || f.Value <= 0) return null;
        var doc = p.Doc;
        // A span outside the text is an annotator defect: the figure cannot be cited, so it is left out.
        if (f.Span.Start < 0 || f.Span.End > doc.Text.Length || f.Span.IsEmpty) return null;
        int s = doc.SentenceAt(f.Span.Start);
        if (s < 0) return null;
        var sent = doc.Sentences[s];
        string text = doc.Text;

        // A figure overlapping a time expression is part of a date or a duration ("Oct. 7", "50 years").
        foreach (var t in doc.Times)
            if (t.Span.Overlaps(f.Span)) return null;

        // What is counted: the counted noun itself ("250 hostages"), then the annotator's measure, then a
        // measure word right beside the figure.
        string? cls = ClassOf(f.Span.Of(doc.Text)) ?? (f.Subject is { Length: > 0 } sj ? ClassOf(sj) : null);
        if (cls is null && f.Measure is { Length: > 0 } m) cls = ClassOf(m);
        bool weak = false;
        // Words near the figure, both to find the measure when none was given and to tell series apart.
        var words = new List<(int Start, int End)>();
        Terms.Words(text, sent.Start, sent.End, words);
        int at = 0;
        while (at < words.Count && words[at].End <= f.Span.Start) at++;
        var context = new HashSet<string>(StringComparer.Ordinal);
        int from = Math.Max(0, at - 6), to = Math.Min(words.Count, at + MeasureWindow + 1);
        string? nearby = null;
        int nearbyDist = int.MaxValue;
        for (int i = from; i < to; i++)
        {
            var (ws, we) = words[i];
            if (f.Span.Overlaps(new TextSpan(ws, we))) continue;
            var span = text.AsSpan(ws, we - ws);
            if (!Terms.IsContentWord(span)) continue;
            string w = Terms.Normalize(span);
            if (Terms.StopWords.Contains(w)) continue;
            if (MeasureWords.TryGetValue(w, out var c))
            {
                // What is counted usually follows the number ("12,000 residents have been evacuated").
                int dist = i < at ? (at - i) * 2 : i - at;
                if (dist <= MeasureWindow && dist < nearbyDist) { nearby = c; nearbyDist = dist; }
                continue;
            }
            context.Add(w);
        }
        // The annotator's own measure outranks a guess from nearby words.
        if (cls is null && f.Measure is { Length: > 0 } given) cls = given.Trim().ToLowerInvariant();
        if (cls is null && nearby is not null) { cls = nearby; weak = true; }
        if (f.Subject is { Length: > 0 } subj)
        {
            var sw = new List<(int, int)>();
            Terms.Words(subj, 0, subj.Length, sw);
            foreach (var (ws, we) in sw)
            {
                string w = Terms.Normalize(subj.AsSpan(ws, we - ws));
                if (!Terms.StopWords.Contains(w) && !MeasureWords.ContainsKey(w)) context.Add(w);
            }
        }
        cls ??= f.Measure is { Length: > 0 } ? f.Measure.Trim().ToLowerInvariant() : null;
        if (cls is null) return null;

        var pub = p.Published;
        DateOnly? anchor = null;
        if (PastDay(f.AsOf, pub, ctx.Options) is { } asOfPast) anchor = asOfPast;
        else
        {
            int bestDist = int.MaxValue;
            foreach (var t in doc.Times)
            {
                if (!sent.Span.Contains(t.Span) || ctx.Day(t) is not { } day) continue;
                if (PastDay(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pub, ctx.Options) is not { } d) continue;
                int dist = Math.Abs(t.Span.Start - f.Span.Start);
                if (dist < bestDist) { bestDist = dist; anchor = d; }
            }
        }
        DateOnly? asOf = anchor ?? DocumentProfile.DayOf(f.AsOf) ?? pub;
        string? asOfText = anchor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? f.AsOf ??
                           pub?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Point
        {
            Doc = p, Figure = f, Sentence = s, MeasureClass = cls, Anchor = anchor, AsOf = asOf, AsOfText = asOfText,
            Context = context, Tol = ctx.Options.FigureTolerance, Weak = weak,
        };
    }

    /// <summary>Units that make two figures incomparable when they differ; counted nouns ("people", "hostages") do not.</summary>
    public static readonly FrozenSet<string> MeasurementUnits = FrozenSet.ToFrozenSet(
    [
        "%", "percent", "km", "kilometres", "kilometers", "miles", "m", "metres", "meters", "kg", "kilograms", "tonnes",
        "tons", "barrels", "litres", "liters", "gallons", "acres", "hectares", "mw", "gw", "kwh", "degrees", "points",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>A currency code or measurement unit, or null for counted nouns and noise.</summary>
    private static string? HardUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        unit = unit.Trim();
        if (unit.Length == 3 && unit.All(char.IsAsciiLetterUpper)) return unit;
        return MeasurementUnits.Contains(unit) ? unit.ToLowerInvariant() : null;
    }

    /// <summary>Words after a figure searched for what it counts (half as many before it).</summary>
    private const int MeasureWindow = 10;

    private static string? ClassOf(string measure)
    {
        var words = new List<(int Start, int End)>();
        Terms.Words(measure, 0, measure.Length, words);
        foreach (var (s, e) in words)
            if (MeasureWords.TryGetValue(Terms.Normalize(measure.AsSpan(s, e - s)), out var c)) return c;
        return null;
    }

    /// <summary>A day or month value well before publication: the figure counts a past event.</summary>
    private static DateOnly? PastDay(string? timex, DateOnly? published, StoryOptions options)
    {
        if (timex is null || published is not { } pub) return null;
        var d = DocumentProfile.DayOf(timex);
        if (d is null) return null;
        return d.Value.DayNumber <= pub.DayNumber - options.PastEventDays ? d : null;
    }

    private static FigureSeries Assess(Series s, int n, StoryOptions options)
    {
        var pts = s.Points;
        pts.Sort((a, b) =>
        {
            int c = Nullable.Compare(a.AsOf, b.AsOf);
            return c != 0 ? c : a.Doc.Index != b.Doc.Index ? a.Doc.Index.CompareTo(b.Doc.Index) : a.Figure.Span.Start.CompareTo(b.Figure.Span.Start);
        });
        var assessment = SeriesAssessment.Agreement;
        string note;
        if (s.Anchor is null && IsTrend(pts))
        {
            assessment = SeriesAssessment.Trend;
            note = "a running count that grows over time, from " + Format(pts[0]) + " to " + Format(pts[^1]);
        }
        else if (HasConflict(pts))
        {
            assessment = SeriesAssessment.Discrepancy;
            note = s.Anchor is { } a
                ? "one count of the event of " + a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " given differently by different sources"
                : "the sources give different values for the same count";
        }
        else
        {
            double lo = pts.Min(p => p.Figure.Value), hi = pts.Max(p => p.Figure.Value);
            note = pts.Count == 1 ? "one source"
                : lo == hi ? "the sources agree"
                : "the sources agree within rounding and stated approximation (" +
                  lo.ToString("#,0.##", CultureInfo.InvariantCulture) + "–" + hi.ToString("#,0.##", CultureInfo.InvariantCulture) + ")";
        }

        var measureCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var subjectCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in pts)
        {
            Count(measureCounts, p.Figure.Measure?.Trim() is { Length: > 0 } m && ClassOf(m) == s.MeasureClass ? m : s.MeasureClass);
            if (p.Figure.Subject?.Trim() is { Length: > 0 } sub) Count(subjectCounts, sub);
        }
        string measure = Most(measureCounts) ?? s.MeasureClass;
        string? subject = Most(subjectCounts) ?? TopContext(s);
        if (Place(pts) is { } place && (subject is null || !subject.Contains(place, StringComparison.OrdinalIgnoreCase)))
            subject = subject is null ? place : subject + " in " + place;

        var points = new List<FigurePoint>(pts.Count);
        foreach (var p in pts)
        {
            var f = p.Figure;
            points.Add(new FigurePoint(f.Value, f.ValueHigh, f.Qualifier, p.AsOfText, p.Doc.Id, p.Doc.Doc.Article.Outlet, f.Source,
                f.Span.Of(p.Doc.Doc.Text), new Citation(p.Doc.Id, f.Span.Start, f.Span.End),
                p.Doc.SentenceText(p.Sentence), p.Doc.Cite(p.Sentence)));
        }
        return new FigureSeries("f" + n, measure, subject, s.Unit, s.Anchor, assessment, note, points)
        {
            Sides = assessment == SeriesAssessment.Discrepancy ? Sides(pts) : [],
        };
    }

    /// <summary>Characters either side of a figure searched for the place it counts in.</summary>
    private const int PlaceWindow = 80;

    /// <summary>The place named beside most of the series' figures (a location entity), to tell "killed in Gaza" from "killed in Israel".</summary>
    private static string? Place(List<Point> pts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in pts)
        {
            var doc = p.Doc.Doc;
            var sent = doc.Sentences[p.Sentence].Span;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in doc.Entities)
            {
                if (e.Type != EntityType.LOC || !sent.Contains(e.Span)) continue;
                int dist = e.Span.End <= p.Figure.Span.Start ? p.Figure.Span.Start - e.Span.End : Math.Max(0, e.Span.Start - p.Figure.Span.End);
                if (dist > PlaceWindow) continue;
                string name = string.IsNullOrWhiteSpace(e.Canonical) ? e.Text : e.Canonical;
                if (seen.Add(name)) Count(counts, name);
            }
        }
        var best = Most(counts);
        return best is not null && counts[best] * 2 >= pts.Count ? best : null;
    }

    private static string? TopContext(Series s)
    {
        string? best = null;
        int bestCount = 1;
        foreach (var (w, c) in s.Context)
            if (c > bestCount || (c == bestCount && best is not null && string.CompareOrdinal(w, best) < 0)) { best = w; bestCount = c; }
        return best;
    }

    private static void Count(Dictionary<string, int> map, string key)
    {
        map.TryGetValue(key, out int c);
        map[key] = c + 1;
    }

    private static string? Most(Dictionary<string, int> map)
    {
        string? best = null;
        int bestCount = 0;
        foreach (var (k, c) in map)
            if (c > bestCount || (c == bestCount && best is not null && string.CompareOrdinal(k, best) < 0)) { best = k; bestCount = c; }
        return best;
    }

    private static string Format(Point p) =>
        p.Figure.Value.ToString("#,0.##", CultureInfo.InvariantCulture) + (p.AsOfText is { } d ? " (" + d + ")" : "");

    /// <summary>Values never fall as time passes, and the latest date holds a larger value than the earliest.</summary>
    private static bool IsTrend(List<Point> pts)
    {
        if (pts.Count < 2 || pts[0].AsOf is null || pts[^1].AsOf is null || pts[0].AsOf == pts[^1].AsOf) return false;
        for (int i = 0; i < pts.Count; i++)
            for (int j = i + 1; j < pts.Count; j++)
            {
                if (pts[i].AsOf is null || pts[j].AsOf is null || pts[i].AsOf >= pts[j].AsOf) continue;
                if (pts[j].High < pts[i].Low) return false;
            }
        double firstHigh = pts.Where(p => p.AsOf == pts[0].AsOf).Max(p => p.High);
        double lastLow = pts.Where(p => p.AsOf == pts[^1].AsOf).Min(p => p.Low);
        return lastLow > firstHigh;
    }

    private static bool HasConflict(List<Point> pts)
    {
        for (int i = 0; i < pts.Count; i++)
            for (int j = i + 1; j < pts.Count; j++)
                if (pts[j].High < pts[i].Low || pts[i].High < pts[j].Low) return true;
        return false;
    }

    private static IReadOnlyList<FigureSide> Sides(List<Point> pts)
    {
        var byValue = new SortedDictionary<double, List<Point>>();
        foreach (var p in pts)
        {
            if (!byValue.TryGetValue(p.Figure.Value, out var list)) byValue[p.Figure.Value] = list = [];
            list.Add(p);
        }
        var sides = new List<FigureSide>(byValue.Count);
        foreach (var (value, list) in byValue)
        {
            var outlets = list.Select(p => p.Doc.OutletLabel).Distinct(StringComparer.Ordinal).ToList();
            var articles = list.Select(p => p.Doc.Id).Distinct(StringComparer.Ordinal).ToList();
            var sources = list.Select(p => p.Figure.Source).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            // The most common qualifier stated with the value.
            var q = list.GroupBy(p => p.Figure.Qualifier).OrderByDescending(g => g.Count()).First().Key;
            sides.Add(new FigureSide(value, q, outlets, articles, sources));
        }
        return sides;
    }
}
