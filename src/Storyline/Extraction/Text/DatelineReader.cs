using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Extraction.Text;

/// <summary>
/// Recognises datelines: the place (and often date and agency) that opens a news report
/// ("WASHINGTON —", "LONDON, July 25 (Reuters) -", "GAZA CITY, Gaza Strip (AP) —", "NEW DELHI:"),
/// and short date lines printed above the body ("date 2024-11-27 Washington DC, US", "Published July 25, 2024").
/// </summary>
internal static partial class DatelineReader
{
    private const string MonthPattern = @"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    private const string DatePattern = MonthPattern + @"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + MonthPattern + @"(?:,?\s+\d{4})?";

    /// <summary>An upper-case place opening the first paragraph, with optional region, date and agency.</summary>
    [GeneratedRegex(
        @"^(?<place>[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3})" +
        @"(?:,\s*(?<region>[A-Z][A-Za-z.'\u2019-]+(?:\s+[A-Z][A-Za-z.'\u2019-]+){0,2}))?" +
        @"(?:,\s*(?<date>" + DatePattern + @"))?" +
        @"\s*(?:\((?<agency>[A-Za-z][A-Za-z .&'-]{0,30})\))?" +
        @"\s*(?<sep>[\u2014\u2013-]{1,2}|:)\s+(?=\S)",
        RegexOptions.CultureInvariant)]
    private static partial Regex UpperDateline();

    /// <summary>A mixed-case place is a dateline only with a date or an agency before the dash ("Washington, Nov 27 (PTI) -").</summary>
    [GeneratedRegex(
        @"^(?<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})" +
        @"(?:,\s*(?<date>" + DatePattern + @"))" +
        @"\s*(?:\((?<agency>[A-Za-z][A-Za-z .&'-]{0,30})\))?" +
        @"\s*(?<sep>[\u2014\u2013-]{1,2}|:)\s+(?=\S)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MixedDateline();

    /// <summary>An agency alone in brackets opening the first paragraph ("(CNN) —", "(AP) -").</summary>
    [GeneratedRegex(@"^\((?<agency>[A-Z][A-Za-z .&'-]{1,30})\)\s*(?<sep>[\u2014\u2013-]{1,2}|:)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyDateline();

    /// <summary>Words that may accompany a date on a date line without making it prose.</summary>
    [GeneratedRegex(
        @"\b(?:date|dated|published|updated|posted|last|modified|first|on|at|am|pm|a\.m\.|p\.m\.|ist|gmt|utc|bst|cet|cest|edt|est|et|pt|pdt|pst|aest|aedt|\d{1,2}:\d\d(?::\d\d)?|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[.,:|]?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateLineFiller();

    /// <summary>Upper-case words that open sentences and are never places.</summary>
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "OPINION", "ANALYSIS", "EDITORIAL", "WATCH", "LISTEN",
        "READ", "NOTE", "PHOTO", "VIDEO", "LIVE", "FILE", "CORRECTION", "I", "A", "AN", "THE", "WARNING",
    };

    /// <summary>The dateline prefix of a first paragraph, or null.</summary>
    public static (Dateline Dateline, int Length)? ReadPrefix(string paragraph, int? referenceYear)
    {
        if (paragraph.Length < 12) return null;
        var agencyOnly = AgencyDateline().Match(paragraph);
        if (agencyOnly.Success)
            return (new Dateline(null, null, agencyOnly.Value.TrimEnd()), agencyOnly.Length);
        var m = UpperDateline().Match(paragraph);
        if (!m.Success || NotPlaces.Contains(m.Groups["place"].Value))
        {
            m = MixedDateline().Match(paragraph);
            if (!m.Success) return null;
        }
        var place = m.Groups["place"].Value;
        bool hasExtra = m.Groups["date"].Success || m.Groups["agency"].Success || m.Groups["region"].Success;
        // A lone short upper-case word before a colon ("NOTE:", "UN:") is too weak to be a place.
        if (!hasExtra && place.Length < 4) return null;
        if (m.Groups["region"].Success) place += ", " + m.Groups["region"].Value;
        DateOnly? date = null;
        if (m.Groups["date"].Success && DateText.FindInText(m.Groups["date"].Value, referenceYear) is { } f)
            date = f.Date;
        var text = m.Value.TrimEnd();
        return (new Dateline(ToTitleCase(place), date, text), m.Length);
    }

    /// <summary>
    /// A short line that only states a date (and maybe a place): "date 2024-11-27 Washington DC, US",
    /// "Published: 25 July 2024, 10:15 IST". Returns null for prose that merely mentions a date.
    /// </summary>
    public static Dateline? ReadDateLine(string line, int maxWords, int? referenceYear)
    {
        if (TextFolding.CountWords(line) > maxWords) return null;
        if (DateText.FindInText(line, referenceYear) is not { } found) return null;
        // Every date on the line goes ("Published: 10:48, Nov 19, 2019 | Updated: 11:05, Nov 19, 2019").
        var rest = line.Remove(found.Index, found.Length);
        for (int guard = 0; guard < 4 && DateText.FindInText(rest, referenceYear) is { } more; guard++)
            rest = rest.Remove(more.Index, more.Length);
        rest = DateLineFiller().Replace(rest, " ");
        rest = rest.Trim(' ', ',', '|', '-', ':', '.', '\u2014', '\u2013', '\u00B7', '/');
        if (TextFolding.CountWords(rest) > 5) return null;
        // What remains is a place only if every word starts with a capital letter.
        string? place = null;
        if (rest.Length > 0)
        {
            foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!char.IsUpper(word[0])) return null;
            }
            place = rest;
        }
        return new Dateline(place, found.Date, line.Trim());
    }

    private static string ToTitleCase(string place)
    {
        bool anyLower = false;
        foreach (char c in place)
        {
            if (char.IsLower(c)) anyLower = true;
        }
        // "GAZA CITY, Gaza Strip": the upper-case part is title-cased, the rest kept.
        var chars = place.ToCharArray();
        bool start = true;
        int comma = place.IndexOf(',');
        int end = comma < 0 ? chars.Length : comma;
        for (int i = 0; i < end; i++)
        {
            char c = chars[i];
            if (char.IsLetter(c))
            {
                chars[i] = start ? c : (anyLower && comma < 0 ? c : char.ToLowerInvariant(c));
                start = false;
            }
            else start = c is ' ' or '-';
        }
        return new string(chars);
    }
}
