namespace Storyline.Language.Times;

/// <summary>
/// Word lists for time expressions, in the spirit of HeidelTime's resource files (Strötgen &amp; Gertz,
/// "Multilingual and cross-domain temporal tagging", LRE 2013): each normalisation is a table, not code.
/// </summary>
internal static class TimexVocabulary
{
    public static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6,
        ["july"] = 7, ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    public static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Weekday names with their abbreviations, for a weekday named within a week ("this week from Tue to Thur").</summary>
    public static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Decades in words, the tens first ("the nineteen seventies" is the eighth of its century's).</summary>
    public static readonly string[] DecadeWords = ["tens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

    /// <summary>The century words a decade in words starts with ("nineteen", "twenty").</summary>
    public static readonly string[] DecadeCenturies = ["eighteen", "nineteen", "twenty"];

    /// <summary>The number words a year can be spelled with ("nineteen oh five", "two thousand and six").</summary>
    public static readonly HashSet<string> SpelledNumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "oh",
    };

    /// <summary>TIMEX3 duration letters per unit word (TimeML: P1Y, P2M, P3W, P4D, PT5H, PT6M, PT7S).</summary>
    public static readonly Dictionary<string, (string Code, bool IsTime, int Factor)> DurationUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = ("S", true, 1), ["minute"] = ("M", true, 1), ["hour"] = ("H", true, 1),
        ["day"] = ("D", false, 1), ["night"] = ("D", false, 1), ["week"] = ("W", false, 1), ["weekend"] = ("WE", false, 1),
        ["month"] = ("M", false, 1), ["year"] = ("Y", false, 1), ["quarter"] = ("Q", false, 1),
        ["decade"] = ("Y", false, 10), ["century"] = ("Y", false, 100),
    };

    /// <summary>Part-of-day codes (TimeML: MO, AF, EV, NI).</summary>
    public static readonly Dictionary<string, string> DayParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["morning"] = "MO", ["afternoon"] = "AF", ["evening"] = "EV", ["night"] = "NI", ["tonight"] = "NI",
    };

    /// <summary>Seasons: TIMEX3 code and the last month of the season (northern hemisphere, as news usage is).</summary>
    public static readonly Dictionary<string, (string Code, int EndMonth)> Seasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spring"] = ("SP", 5), ["summer"] = ("SU", 8), ["fall"] = ("FA", 11), ["autumn"] = ("FA", 11), ["winter"] = ("WI", 2),
    };

    /// <summary>Vague amounts in durations: "several years" = PXY.</summary>
    public static readonly HashSet<string> VagueAmounts = new(StringComparer.OrdinalIgnoreCase)
    {
        "several", "a few", "few", "many", "a couple of", "couple of", "some", "numerous",
    };

    /// <summary>Words that make a following "a year" a frequency ("15 a year", "twice a week").</summary>
    public static readonly HashSet<string> FrequencyLead = new(StringComparer.OrdinalIgnoreCase)
    {
        "once", "twice", "times",
    };

    /// <summary>Modals and periphrases that put the nearest event in the future (for weekday/date resolution).</summary>
    public static readonly HashSet<string> FutureCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "'ll", "shall", "would", "should", "might", "next", "upcoming", "tomorrow", "won't", "scheduled", "slated", "planned",
    };

    /// <summary>Second words that make a verb+"to" periphrasis future ("set to", "expected to", "due to").</summary>
    public static readonly HashSet<string> FutureBeforeTo = new(StringComparer.OrdinalIgnoreCase)
    {
        "set", "expected", "due", "going", "plans", "plan", "scheduled", "slated", "poised", "hopes", "intends", "aims",
        "wants", "want", "expects", "hope", "aim", "intend", "seeks", "seek",
    };

    /// <summary>Prepositions that look forward: "by early June", "until October".</summary>
    public static readonly HashSet<string> ForwardPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "until", "till", "through",
    };

    public static readonly HashSet<string> PastCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "had", "did", "said", "told", "met", "left", "took", "made", "began", "gave", "came",
        "went", "held", "spoke", "wrote", "sent", "ago", "last", "yesterday", "saw", "won", "lost", "fell", "rose",
        "struck", "hit", "led", "killed", "announced", "launched",
    };

    /// <summary>Words that end in "ed" but are not past tense verbs.</summary>
    public static readonly HashSet<string> NotPastEd = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "needed", "speed", "indeed", "red", "bed", "seed", "feed", "weed", "shed", "hundred", "based", "proposed",
        "related", "united", "detailed", "limited", "armed", "advanced", "expected", "scheduled", "planned", "set",
    };

    /// <summary>Nouns after a four-digit number that make it a count, not a year ("2024 people").</summary>
    public static readonly HashSet<string> YearBlockers = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "troops", "soldiers", "civilians", "children", "women", "men", "residents", "homes",
        "houses", "buildings", "dollars", "euros", "pounds", "miles", "kilometres", "kilometers", "km", "feet",
        "metres", "meters", "tonnes", "tons", "units", "votes", "jobs", "cases", "deaths", "points", "rockets",
        "missiles", "trucks", "aid", "percent", "per", "hostages", "prisoners", "employees", "workers", "acres",
        "calories", "families", "students", "patients", "cars", "vehicles", "shares", "barrels",
    };
}
