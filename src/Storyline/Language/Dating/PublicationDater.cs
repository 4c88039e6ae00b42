using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;
using Storyline.Language.Times;

namespace Storyline.Language.Dating;

/// <summary>
/// Gives an undated article a reference date, in order of trust: a dateline found by extraction, the
/// metadata date, a dateline at the head of the raw text, and failing all of these an estimate: the latest
/// absolute date the article mentions (a full date, or a month and day whose year comes from the latest
/// year the article states, or with no year stated, from a weekday printed with a month and day). An estimate is flagged <see cref="ArticleFlags.DateEstimated"/> with
/// <see cref="Provenance.Estimated"/>. Runs before <see cref="TimeTagger"/> so relative expressions resolve.
/// </summary>
public sealed class PublicationDater : IAnnotator
{
    public static readonly PublicationDater Instance = new(TimeProvider.System);

    private readonly TimeProvider _clock;

    /// <param name="clock">Today's date, used only when an article names a month and day but never a year.</param>
    public PublicationDater(TimeProvider clock) => _clock = clock;

    public string Name => "dating";

    public IReadOnlyCollection<string> Requires => [Layers.Tokens, Layers.Sentences];

    public IReadOnlyCollection<string> Produces => [];

    /// <summary>How far into the text a printed dateline may start (a title and a byline may come first).</summary>
    private const int DatelineWindow = 400;

    private const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    /// <summary>Datelines printed at the head of an article: "date 2024-11-27", "WASHINGTON, July 25 (Reuters) -", "Published: Nov 27, 2024".</summary>
    private static readonly Regex[] DatelinePatterns =
    [
        new(@"^[^\n]{0,40}?\b(?<y>(?:19|20)\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])\b", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.ExplicitCapture),
        new(@"^(?:[^\n]{0,30}?(?i:published|updated|posted|date)[^\n]{0,10}?)?(?<mon>" + MonthNames + @")\.?\s+(?<d>[12]\d|3[01]|0?[1-9]),?\s+(?<y>(?:19|20)\d\d)\b", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.ExplicitCapture),
        new(@"^[A-Z][A-Za-z .'-]{1,40},\s+(?<mon>" + MonthNames + @")\.?\s+(?<d>[12]\d|3[01]|0?[1-9])(?:,\s+(?<y>(?:19|20)\d\d))?\s*(?:\([^)\n]{1,30}\)\s*)?[-\u2013\u2014]", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.ExplicitCapture),
    ];

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        if (document.ReferenceDate is not null) return document;
        var article = document.Article;
        if (article.Dateline?.Date is { } datelineDate)
            return Dated(document, datelineDate, Provenance.Dateline, estimated: false);
        if (article.Published is { } published)
            return Dated(document, published, article.PublishedFrom == Provenance.None ? Provenance.Supplied : article.PublishedFrom, estimated: false);
        if (PrintedDateline(document.Text) is { } printed)
            return Dated(document, printed, Provenance.Dateline, estimated: false);
        if (Estimate(document, out bool yearAssumed) is { } estimate)
        {
            var dated = Dated(document, estimate, Provenance.Estimated, estimated: true);
            return yearAssumed ? dated with { Article = dated.Article with { Flags = [.. dated.Article.Flags, ArticleFlags.DateYearAssumed] } } : dated;
        }
        return document;
    }

    private static AnnotatedDocument Dated(AnnotatedDocument doc, DateOnly date, Provenance from, bool estimated)
    {
        var article = doc.Article with { Published = date, PublishedFrom = from };
        if (estimated && !article.HasFlag(ArticleFlags.DateEstimated))
            article = article with { Flags = [.. article.Flags, ArticleFlags.DateEstimated] };
        return doc with { Article = article, ReferenceDate = date };
    }

    /// <summary>A date printed in a dateline within the first few lines, or null.</summary>
    internal static DateOnly? PrintedDateline(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var head = text.Length > DatelineWindow ? text[..DatelineWindow] : text;
        foreach (var p in DatelinePatterns)
        {
            var m = p.Match(head);
            if (!m.Success) continue;
            int month = m.Groups["m"].Success
                ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)
                : TimeTagger.MonthOf(m.Groups["mon"].Value);
            if (!m.Groups["y"].Success) continue; // a dateline without a year is left to the estimate
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(year, month))
                return new DateOnly(year, month, day);
        }
        return null;
    }

    /// <summary>The latest absolute date mentioned: full dates as given, month-day dates with an inferred year.</summary>
    internal DateOnly? Estimate(AnnotatedDocument doc) => Estimate(doc, out _);

    /// <param name="yearAssumed">Whether the estimate's year came from today's date, the article stating no year and no weekday fixing one.</param>
    internal DateOnly? Estimate(AnnotatedDocument doc, out bool yearAssumed)
    {
        yearAssumed = false;
        // Tag without a reference date: only absolute expressions come back with a full value.
        var times = TimeTagger.Instance.Find(doc with { ReferenceDate = null });
        DateOnly? latest = null;
        var years = new List<(int Offset, int Year)>();
        foreach (var t in times)
        {
            var v = t.Value;
            if (v.Length >= 4 && char.IsDigit(v[0]) && int.TryParse(v.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y))
                years.Add((t.Span.Start, y));
        }
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        int? weekdayYear = null;
        foreach (var t in times)
        {
            if (t.Type != TimexType.DATE) continue;
            var v = t.Value;
            DateOnly? d = null;
            bool assumed = false;
            if (v.Length == 10 && char.IsDigit(v[0]) && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
                d = full;
            else if (v.Length == 10 && v.StartsWith("XXXX-", StringComparison.Ordinal) &&
                     int.TryParse(v.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int mm) &&
                     int.TryParse(v.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int dd) && mm is >= 1 and <= 12)
            {
                // A month and day without a year is read in the latest year the article states: an article is
                // written after the years it mentions, and the nearest year is often a background date
                // ("took office in January of 2021").
                // Without any stated year, a weekday printed with a month and day ("Monday, July 22") fixes
                // the year better than today's date can: the latest year up to now in which they agree.
                int? stated = LatestYear(years);
                if (stated is null) weekdayYear ??= WeekdayYear(doc.Text, today) ?? 0;
                assumed = stated is null && !(weekdayYear > 0);
                int year = stated ?? (weekdayYear > 0 ? weekdayYear.Value : LatestOnOrBefore(today, mm, dd));
                if (dd <= DateTime.DaysInMonth(year, mm)) d = new DateOnly(year, mm, dd);
            }
            if (d is { } date && (latest is null || date > latest))
            {
                latest = date;
                yearAssumed = assumed;
            }
        }
        return latest;
    }

    /// <summary>"Monday, July 22", "Tuesday 23 July": a weekday printed with a month and day, no year.</summary>
    private static readonly Regex WeekdayDate = new(
        @"\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:(?<mon>" + MonthNames + @")\.?\s+(?<d>[12]\d|3[01]|0?[1-9])|(?<d>[12]\d|3[01]|0?[1-9])\s+(?<mon>" + MonthNames + @"))\b(?!,?\s+(?:19|20)\d\d)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>How many years back a weekday-and-date pairing is searched (the calendar repeats within 28).</summary>
    private const int WeekdayYearSpan = 28;

    /// <summary>The latest year up to today's in which every weekday-and-date pairing in the text holds; null without one.</summary>
    internal static int? WeekdayYear(string text, DateOnly today)
    {
        var pairs = new List<(int Month, int Day, DayOfWeek Weekday)>();
        try
        {
            foreach (Match m in WeekdayDate.Matches(text))
            {
                int month = TimeTagger.MonthOf(m.Groups["mon"].Value);
                int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (month is >= 1 and <= 12) pairs.Add((month, day, Enum.Parse<DayOfWeek>(m.Groups["wd"].Value)));
                if (pairs.Count == 8) break;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // a pathological text: use what was found
        }
        if (pairs.Count == 0) return null;
        for (int y = today.Year; y > today.Year - WeekdayYearSpan; y--)
        {
            bool all = true;
            foreach (var (month, day, wd) in pairs)
            {
                if (day > DateTime.DaysInMonth(y, month) || new DateOnly(y, month, day).DayOfWeek != wd) { all = false; break; }
            }
            // a date later in the year than today cannot have been reported yet this year
            if (all && y == today.Year)
                foreach (var (month, day, _) in pairs)
                    if (new DateOnly(y, month, day) > today) { all = false; break; }
            if (all) return y;
        }
        return null;
    }

    private static int? LatestYear(List<(int Offset, int Year)> years)
    {
        int? best = null;
        foreach (var (_, y) in years)
            if (best is null || y > best) best = y;
        return best;
    }

    private static int LatestOnOrBefore(DateOnly today, int month, int day)
    {
        int year = today.Year;
        if (month > today.Month || (month == today.Month && day > today.Day)) year--;
        return year;
    }
}
