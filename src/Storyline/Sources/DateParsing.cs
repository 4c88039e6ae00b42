using System.Globalization;

namespace Storyline.Sources;

/// <summary>Lenient parsing of the dates users and feeds supply ("2024-08-22", ISO date-times, RFC 822).</summary>
public static class DateParsing
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM"];

    public static bool TryParse(string? value, out DateOnly date, out DateTimeOffset? time)
    {
        date = default;
        time = null;
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = value.Trim();
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
        {
            // A date-time keeps the calendar date as written, not shifted to UTC.
            date = DateOnly.FromDateTime(dto.DateTime);
            time = dto;
            return true;
        }
        // RFC 822 as in RSS: "Tue, 10 Jun 2003 04:00:00 GMT" / "+0000"
        var rfc = value.Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UT", " +0000", StringComparison.Ordinal);
        string[] rfcFormats = ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "ddd, d MMM yyyy"];
        foreach (var f in rfcFormats)
        {
            var candidate = f.Contains("zzz", StringComparison.Ordinal) ? NormaliseOffset(rfc) : rfc;
            if (DateTimeOffset.TryParseExact(candidate, f, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out dto))
            {
                date = DateOnly.FromDateTime(dto.DateTime);
                time = dto;
                return true;
            }
        }
        return false;
    }

    // "+0000" → "+00:00" so that the zzz pattern accepts it.
    private static string NormaliseOffset(string s)
    {
        int n = s.Length;
        if (n >= 5 && (s[n - 5] == '+' || s[n - 5] == '-') && char.IsDigit(s[n - 1]) && char.IsDigit(s[n - 4]))
            return s[..(n - 2)] + ":" + s[(n - 2)..];
        return s;
    }
}
