using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>
/// Reads the date formats news pages print: ISO 8601 (with or without time and offset), RFC 1123,
/// "July 25, 2024", "25 July 2024", "Nov. 27, 2024", "2024/07/25", and dates inside URLs.
/// </summary>
internal static partial class DateText
{
    /// <summary>Earliest and latest plausible publication years: outside them a "date" is more likely a number.</summary>
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10,
        ["october"] = 10, ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryMonth(string name, out int month) => Months.TryGetValue(name.TrimEnd('.'), out month);

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)[-/.](?<m>[01]?\d)[-/.](?<d>[0-3]?\d)(?:[T ](?<H>[0-2]\d):(?<M>[0-5]\d)(?::(?<S>[0-5]\d)(?:\.\d+)?)?\s*(?<z>Z|[+-][0-2]\d:?[0-5]\d)?)?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?<y>(?:19|20)\d\d))?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?(?:\s+(?<y>(?:19|20)\d\d))?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)[/-](?<m>[01]?\d)[/-](?:(?<d>[0-3]?\d)(?:/|-|$))?", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)(?<m>[01]\d)(?<d>[0-3]\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCompactDate();

    /// <summary>A found date: the calendar day, the full time when one was written, and where it sat in the text.</summary>
    public readonly record struct Found(DateOnly Date, DateTimeOffset? Time, int Index, int Length);

    /// <summary>Parses a machine-readable timestamp (JSON-LD, meta tags, datetime attributes).</summary>
    public static Found? ParseMachine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        if (s.Length > 64) s = s[..64];
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto)
            && dto.Year is >= MinYear and <= MaxYear)
        {
            bool hasTime = s.Contains(':');
            return new Found(DateOnly.FromDateTime(dto.Date), hasTime ? dto : null, 0, s.Length);
        }
        // Unix epoch seconds or milliseconds.
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long epoch) && epoch > 600_000_000)
        {
            var t = epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            if (t.Year is >= MinYear and <= MaxYear) return new Found(DateOnly.FromDateTime(t.UtcDateTime), t, 0, s.Length);
        }
        return FindInText(s, null);
    }

    /// <summary>
    /// Finds the first date written in prose. A day and month without a year takes the year of
    /// <paramref name="referenceYear"/> when given, otherwise it is not a date.
    /// </summary>
    public static Found? FindInText(string text, int? referenceYear)
    {
        Found? best = null;
        var m = IsoDate().Match(text);
        if (m.Success && TryBuild(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var iso))
        {
            DateTimeOffset? time = null;
            if (m.Groups["H"].Success)
            {
                var offset = m.Groups["z"].Success ? ParseOffset(m.Groups["z"].Value) : TimeSpan.Zero;
                int sec = m.Groups["S"].Success ? int.Parse(m.Groups["S"].ValueSpan, CultureInfo.InvariantCulture) : 0;
                int hour = int.Parse(m.Groups["H"].ValueSpan, CultureInfo.InvariantCulture);
                if (hour < 24)
                    time = new DateTimeOffset(iso.Year, iso.Month, iso.Day, hour,
                        int.Parse(m.Groups["M"].ValueSpan, CultureInfo.InvariantCulture), sec, offset);
            }
            best = new Found(iso, time, m.Index, m.Length);
        }
        foreach (var regex in (ReadOnlySpan<Regex>)[MonthDayYear(), DayMonthYear()])
        {
            var w = regex.Match(text);
            while (w.Success)
            {
                if (best is { } b && b.Index <= w.Index) break;
                string y = w.Groups["y"].Success ? w.Groups["y"].Value
                    : referenceYear?.ToString(CultureInfo.InvariantCulture) ?? "";
                if (y.Length > 0 && TryMonth(w.Groups["mon"].Value, out int mon)
                    && TryBuild(y, mon.ToString(CultureInfo.InvariantCulture), w.Groups["d"].Value, out var d))
                {
                    best = new Found(d, null, w.Index, w.Length);
                    break;
                }
                w = w.NextMatch();
            }
        }
        return best;
    }

    /// <summary>A date written in a URL path ("/2024/07/25/", "/2024-07-25-", "/20240725").</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var m = UrlDate().Match(url);
        if (m.Success && m.Groups["d"].Success && TryBuild(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var d))
            return d;
        var c = UrlCompactDate().Match(url);
        if (c.Success && TryBuild(c.Groups["y"].Value, c.Groups["m"].Value, c.Groups["d"].Value, out var d2))
            return d2;
        return null;
    }

    private static bool TryBuild(string y, string m, string d, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            return false;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static TimeSpan ParseOffset(string z)
    {
        if (z == "Z") return TimeSpan.Zero;
        int sign = z[0] == '-' ? -1 : 1;
        var digits = z.AsSpan(1).ToString().Replace(":", "", StringComparison.Ordinal);
        int h = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int min = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        return h > 14 ? TimeSpan.Zero : sign * new TimeSpan(h, min, 0);
    }
}
