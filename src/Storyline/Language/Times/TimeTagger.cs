using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;
using Storyline.Language.Figures;
using static Storyline.Language.Times.TimexVocabulary;

namespace Storyline.Language.Times;

/// <summary>
/// Finds time expressions and resolves them to TIMEX3 values (TimeML, Pustejovsky et al. 2003; TIMEX3
/// guidelines 1.2.1) against the document's reference date. Rule-based in the manner of HeidelTime
/// (Strötgen &amp; Gertz 2010/2013): an extraction pattern per expression class, then a normalisation step
/// that anchors relative and underspecified expressions to the reference date, using the tense of the
/// nearest verb for weekdays and month-day dates without a year (HeidelTime's "news" strategy).
/// Overlapping matches are resolved longest-first. Immutable and thread-safe.
/// </summary>
public sealed partial class TimeTagger : IAnnotator
{
    public static readonly TimeTagger Instance = new();

    public string Name => "times";

    public IReadOnlyCollection<string> Requires => [Layers.Tokens, Layers.Sentences];

    public IReadOnlyCollection<string> Produces => [Layers.Times];

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Times = Find(document) };

    internal enum RuleKind
    {
        FullDate, DayMonthYear, MonthDay, DayMonth, MonthYear, MonthAlone, IsoDate, NumericDate, Year, Decade,
        DayWord, DayPart, RelativeUnit, Ago, Duration, Set, Clock, Clock24, ClockCompact, NoonMidnight, Weekday,
        RefWord, Quarter, QuarterCode, Century, BarePlural, OrdinalDate, Season, WholeUnit, NumericMonth, DayOfMonth, MonthSlashDay, Weekend,
        DayOfRelativeMonth, NthWeekdayOfMonth, NthWeekOf, NamedMonthIsoDate, WeekNumber, AfterNext, RestOf,
        SpelledDecade, RelativeDay, WeekdayDay,
    }

    /// <summary>
    /// One extraction rule. <paramref name="Trigger"/>, when given, lists strings of which every match of
    /// the pattern contains at least one (compared ignoring case): a document without any of them cannot
    /// match, so the rule's regex is not run over it. Skipping a rule that would find nothing leaves the
    /// candidates, and so the output, unchanged.
    /// </summary>
    /// <remarks>
    /// <paramref name="Witness"/>, when given, is a pattern that matches a part of every match of the rule
    /// (a mandatory sub-sequence with the same case rules), cheap to search because it starts with literal
    /// words: a document it does not match cannot match the rule either.
    /// </remarks>
    /// <remarks>
    /// The pattern is built on first use: building a non-backtracking regex is costly (a large share of the
    /// command's start-up), and a short input never reaches the rules whose trigger words it lacks.
    /// </remarks>
    internal sealed record Rule(RuleKind Kind, Lazy<Regex> LazyPattern, int Priority, SearchValues<string>? Trigger = null, Regex? Witness = null)
    {
        public Regex Pattern => LazyPattern.Value;
    }

    /// <summary>
    /// The trigger tables of <see cref="Rules"/>: for each, a set of strings one of which every match of the
    /// rules that use it must contain. One vectorised search per rule and document is far cheaper than
    /// running the rule's regex over a document that cannot match it.
    /// </summary>
    private static class RuleTriggers
    {
        private static SearchValues<string> Any(params string[] words) =>
            SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

        // every month alternative, full or abbreviated, starts with one of these
        public static readonly SearchValues<string> Month = Any("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
        public static readonly SearchValues<string> Weekday = Any("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        public static readonly SearchValues<string> Slash = Any("/");
        public static readonly SearchValues<string> SlashOrHyphen = Any("/", "-");
        public static readonly SearchValues<string> Colon = Any(":");
        public static readonly SearchValues<string> Weekend = Any("weekend");
        public static readonly SearchValues<string> Week = Any("week");
        public static readonly SearchValues<string> RelativeMonth = Any("month");
        public static readonly SearchValues<string> Season = Any("spring", "summer", "autumn", "fall", "winter");
        public static readonly SearchValues<string> Decade = Any("0s", "0's", "0\u2019s");
        public static readonly SearchValues<string> Century = Any("century");
        // "the day before yesterday" and "the day after tomorrow" contain "yesterday" and "tomorrow"
        public static readonly SearchValues<string> DayWord = Any("today", "tonight", "yesterday", "tomorrow");
        public static readonly SearchValues<string> DayPart = Any("morning", "afternoon", "evening", "night");
        // "weekend" contains "week"
        public static readonly SearchValues<string> RelativeUnit = Any("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "fall", "autumn", "winter");
        public static readonly SearchValues<string> Ago = Any("ago", "from now", "hence");
        public static readonly SearchValues<string> Duration = Any("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "quarter");
        public static readonly SearchValues<string> WholeUnit = Any("day", "week", "month", "year", "hour");
        public static readonly SearchValues<string> BarePlural = Any("decades", "years", "months", "weeks", "days", "hours", "minutes");
        // "biweekly" contains "weekly"; "N times" and "several times" contain "times"
        public static readonly SearchValues<string> Set = Any("once", "twice", "times", "every", "each", "per", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly");
        public static readonly SearchValues<string> Clock = Any("am", "pm", "a.m", "p.m");
        public static readonly SearchValues<string> ClockCompact = Any("hrs", "hours", "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "BST", "CET", "CEST", "IST");
        public static readonly SearchValues<string> NoonMidnight = Any("noon", "midday", "midnight");
        // each alternative of the reference words contains one of these ("nowadays" has "now", "the near term" has "term")
        public static readonly SearchValues<string> RefWord = Any("now", "current", "present", "these days", "time being", "moment", "recent", "lately", "past", "formerly", "future", "soon", "term", "coming", "ahead", "shortly");
        public static readonly SearchValues<string> Quarter = Any("quarter", "half");
        public static readonly SearchValues<string> QuarterCode = Any("q1", "q2", "q3", "q4", "h1", "h2");
        public static readonly SearchValues<string> AfterNext = Any("after next", "after the next");
        public static readonly SearchValues<string> Rest = Any("rest of ", "rest the", "rest this", "rest my");
        public static readonly SearchValues<string> RelativeDay = Any("next day", "following day", "previous day", "this day", "last day");
        // "nineteen seventies", "the twenty-tens", "the fifties", "the noughties"
        public static readonly SearchValues<string> SpelledDecade = Any([
            .. from c in DecadeCenturies from sep in " -" from d in DecadeWords select c + sep + d,
            .. from d in DecadeWords where d is not ("tens" or "twenties") select "the " + d,
            "noughties"]);
        public static readonly SearchValues<string> WeekNumber = Any("week 0", "week 1", "week 2", "week 3", "week 4", "week 5", "week 6", "week 7", "week 8", "week 9");
    }

    /// <summary>
    /// The witness patterns of <see cref="Rules"/>: each is a mandatory part of the rules that use it, taken
    /// verbatim from their patterns (so case and spacing rules are the same), and so is found in any text
    /// where one of those rules matches. A witness shared by several rules is searched once per document.
    /// </summary>
    private static class RuleWitnesses
    {
        private const string YearDigits = @"(?:1[6-9]\d\d|20\d\d)";
        private const string WeekdayAnyCase = @"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
        private static Regex W(string pattern) => new(pattern, Opts);

        // the month-name group every month-based rule requires
        public static readonly Regex Month = W(TimeTagger.Month);
        public static readonly Regex Season = W(@"(?i:spring|summer|autumn|fall|winter)\s+(?i:of\s+)?" + YearDigits + @"\b");
        public static readonly Regex RelativeUnit = W(@"(?i:last|this|next|past|previous|coming|following|current|same)\s+(?i:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b");
        public static readonly Regex Ago = W(@"(?i:day|week|month|year|decade|hour|minute)s?\s+(?i:ago|from now|hence)\b");
        public static readonly Regex DayOfRelativeMonth = W(@"(?i:of)\s+(?i:this|next|last|the coming|the following)\s+(?i:month)\b");
        public static readonly Regex NthWeekdayOfRelativeMonth = W(WeekdayAnyCase + @"\s+(?i:of|in)\s+(?i:this|next|last)\s+(?i:month)\b");
        public static readonly Regex NthWeekdayOfMonth = W(WeekdayAnyCase + @"\s+(?i:of|in)\s+" + TimeTagger.Month);
        // "per" and "each" are in most texts ("percent"), a frequency phrase is not: the rule's alternatives
        // without the leading word boundary
        public static readonly Regex Set = W(@"(?i:(?:once|twice|times)\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)|(?:every|each|per)\s+(?:day|week|month|year|morning|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly))\b");
        public static readonly Regex NthWeekOf = W(@"(?i:week)\s+(?:(?i:of|in)\s+)?(?:(?i:this|next|last)\s+(?i:year|month)|" + YearDigits + "|" + TimeTagger.MonthAnyCase + @")\b");
        public static readonly Regex NthWeekday = W(@"(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b");
    }

    /// <summary>
    /// Characters that case-insensitive regex matching equates with ASCII letters of the triggers (KELVIN SIGN
    /// with 'k', LATIN SMALL LETTER LONG S with 's') but an ordinal ignore-case search does not: a text that
    /// has one runs every rule.
    /// </summary>
    private static readonly SearchValues<char> TriggerUnsafeChars = SearchValues.Create("\u212A\u017F");

    // Building blocks. Month names are case-sensitive (they are proper nouns; "may" and "march" are verbs);
    // function words are matched case-insensitively with inline (?i:) groups.
    private const string MonthFull = "January|February|March|April|May|June|July|August|September|October|November|December";
    // lower-case names are accepted where they cannot be a verb or a name ("june", "sept" but not "may", "march")
    private const string Month = "(?<month>" + MonthFull + @"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|january|february|april|june|july|september|october|november|december|(?:jan|feb|sept|oct|nov|dec)\.?)";
    private const string Day = @"(?<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private const string OrdinalDay = @"(?<dayw>(?i:thirty-first|thirty first|thirtieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twenty (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first))";
    // a day of the month in cardinal words ("May twenty one", "Friday the fifteen"); one to nine alone are left
    // out, as "May one" and "June two" are rarely dates
    private const string CardDay = @"(?<dayc>(?i:twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]one|twenty|thirty|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))";
    internal const string MonthAnyCase = @"(?<month>(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec))";
    // month names that are dates only with a relative word ("last sept", "june next year"); all are in Month, so
    // the month witness still holds
    private const string MonthLowerSafe = "january|february|april|june|july|august|september|october|november|december|jan|feb|sept|oct|nov|dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private const string WeekdayLead = @"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?";
    private const string Year = @"(?<year>1[6-9]\d\d|20\d\d)";
    private const string Mod = @"(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|end of|beginning of|start of))";
    private const string RelYear = @"(?<rel>,?\s+(?i:last|this|next)\s+year)";
    private const string NumW = @"(?<num>\d+(?:\.\d+)?|(?i:a couple of|couple of|a few|an|a|several|few|many|numerous|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-(?i:one|two|three|four|five|six|seven|eight|nine))?)";
    private const string Tz = @"(?<tz>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|BST|CET|CEST|IST)";

    private const RegexOptions Opts = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// Patterns without look-arounds run on the non-backtracking engine: linear time, and fast for the
    /// optional leading modifiers that defeat the backtracking engine's prefix search.
    /// </summary>
    private static Lazy<Regex> R(string pattern) => new(() =>
        pattern.Contains("(?<=", StringComparison.Ordinal) || pattern.Contains("(?<!", StringComparison.Ordinal) ||
        pattern.Contains("(?=", StringComparison.Ordinal) || pattern.Contains("(?!", StringComparison.Ordinal)
            ? new Regex(pattern, Opts, TimeSpan.FromSeconds(2))
            : new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture));

    /// <summary>The extraction rules; priority breaks ties between equally long overlapping matches.</summary>
    internal static readonly Rule[] Rules =
    [
        new(RuleKind.FullDate, R(@"\b" + WeekdayLead + @"(?:" + Mod + @"[\s-]+)?" + Month + @"\s+(?:" + Day + "|" + CardDay + @")(?:,\s*|\s+)" + Year + @"\b"), 10, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.OrdinalDate, R(@"\b(?:(?i:the)\s+)?(?:" + Day + "|" + OrdinalDay + @")\s+(?i:of)\s+" + Month + @"(?:,?\s+" + Year + ")?" + @"\b|\b" + Month + @"\s+(?i:the\s+)?" + OrdinalDay + @"\b(?:,?\s+" + Year + ")?"), 9, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.DayMonthYear, R(@"\b" + WeekdayLead + @"(?<!\d[.,])" + Day + @"\s+(?i:of\s+)?" + Month + @",?\s+" + Year + @"\b"), 10, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.IsoDate, R(@"\b" + Year + @"-(?<mm>0[1-9]|1[0-2])-(?<dd>0[1-9]|[12]\d|3[01])\b"), 10),
        new(RuleKind.NumericDate, R(@"\b(?<mm>0?[1-9]|1[0-2])[/-](?<dd>0?[1-9]|[12]\d|3[01])[/-](?<year>(?:19|20)\d\d)\b"), 10),
        new(RuleKind.NumericDate, R(@"\b(?<dd>1[3-9]|2\d|3[01])[/.-](?<mm>0?[1-9]|1[0-2])[/.-](?<year>(?:19|20)\d\d)\b"), 10),
        new(RuleKind.NumericDate, R(@"\b(?<dd>0?[1-9]|1[0-2])\.(?<mm>0?[1-9]|1[0-2])\.(?<year>(?:19|20)\d\d)\b"), 10),
        new(RuleKind.NumericDate, R(@"\b(?<year>(?:19|20)\d\d)/(?<mm>0?[1-9]|1[0-2])/(?<dd>0?[1-9]|[12]\d|3[01])\b"), 10, RuleTriggers.Slash),
        new(RuleKind.NumericDate, R(@"\b(?<mm>0?[1-9]|1[0-2])[/-](?<dd>0?[1-9]|[12]\d|3[01])[/-](?<yy>\d\d)\b(?![/-]\d)"), 9),
        new(RuleKind.MonthSlashDay, R(@"(?<![\d/.,$]|\d\s)\b(?<mm>0?[1-9]|1[0-2])/(?<dd>0?[1-9]|[12]\d|3[01])\b(?![/.,]?\d|%|\s+(?i:of)\b)"), 6, RuleTriggers.Slash),
        // "on 4-22": a hyphenated month-day only after "on" (elsewhere it is a score or a range)
        new(RuleKind.MonthSlashDay, R(@"(?<=\b(?i:on)\s+)(?<mm>0?[1-9]|1[0-2])-(?<dd>0?[1-9]|[12]\d|3[01])\b(?![-/.,]?\d|%)"), 6, RuleTriggers.SlashOrHyphen),
        // "2019/sep/01": year, month name, day
        new(RuleKind.NamedMonthIsoDate, R(@"\b" + Year + @"[/-]" + MonthAnyCase + @"[/-](?<day>[12]\d|3[01]|0?[1-9])\b"), 10, RuleTriggers.SlashOrHyphen),
        // "week 10", "Week 31": an ISO week number of the reference year
        new(RuleKind.WeekNumber, R(@"\b(?i:week) (?<wn>[1-9]|[1-4]\d|5[0-3])\b"), 7, RuleTriggers.WeekNumber),
        // "the week after next", "the month after the next"
        new(RuleKind.AfterNext, R(@"\b(?:(?i:the)\s+)?(?<unit>(?i:week|weekend|month|year))\s+(?i:after)\s+(?:(?i:the)\s+)?(?i:next)\b"), 8, RuleTriggers.AfterNext),
        // "the rest of the week", "rest of this month"
        new(RuleKind.RestOf, R(@"\b(?:(?i:the)\s+)?(?i:rest) (?:(?i:of) )?(?i:the|this|my)\s+(?<unit>(?i:week|month|year))\b"), 8, RuleTriggers.Rest),
        // "the nineteen seventies", "the twenty-tens", "the noughties"
        new(RuleKind.SpelledDecade, R(@"\b(?:(?i:the)\s+)?(?i:(?<c>eighteen|nineteen|twenty)[ -](?<d>tens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?<naught>noughties))\b|\b(?i:the) (?<d>(?i:thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"), 7, RuleTriggers.SpelledDecade),
        // "the next day", "the following day", "this day", "the last day"
        new(RuleKind.RelativeDay, R(@"\b(?:(?<the>(?i:the))\s+)?(?<w>(?i:next|following|previous|this|last)) (?i:day)\b"), 6, RuleTriggers.RelativeDay),
        new(RuleKind.Weekend, R(@"\b(?<rel>(?i:the|this|last|next|over the|past|my))\s+(?i:weekend)\b"), 6, RuleTriggers.Weekend),
        new(RuleKind.NumericMonth, R(@"\b(?<year>(?:19|20)\d\d)\s?[/-]\s?(?<mm>0?[1-9]|1[0-2])\b(?![/-]\d)|\b(?<mm>0?[1-9]|1[0-2])\s?/\s?(?<year>(?:19|20)\d\d)\b|(?<![\d/.,-]\s?)\b(?<mm>0[1-9]|1[0-2])\s?-\s?(?<year>(?:19|20)\d\d)\b(?![-/.]\d)"), 8, RuleTriggers.SlashOrHyphen),
        new(RuleKind.DayOfMonth, R(@"(?<=\b(?i:on|for|by|until|till|since|from|week\s+of)\s+)(?i:the)\s+(?:(?<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|" + OrdinalDay + @")\b(?![\s-]+(?i:of|century|[a-z]))"), 7),
        // "on 15." at the end of a sentence: a bare day of the month
        new(RuleKind.DayOfMonth, R(@"(?<=\b(?i:on)\s+)(?<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?=\s*(?:[.!?;]|$))"), 7),
        // "Friday the 15th", "Friday the fifteen": a day of the month that falls on the weekday named
        new(RuleKind.WeekdayDay, R(@"\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?i:the)\s+(?:(?<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|" + OrdinalDay + "|" + CardDay + @")\b(?![\s-]+(?i:of\b|one|two|three|four|five|six|seven|eight|nine))"), 9, RuleTriggers.Weekday),
        new(RuleKind.MonthDay, R(@"\b" + WeekdayLead + @"(?:" + Mod + @"[\s-]+)?" + Month + @"(?:\s+|[-/.]|)(?:" + Day + "|" + CardDay + @")\b" + RelYear + "?"), 8, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.DayMonth, R(@"(?<!\d[.,])\b" + Day + @"(?:\s+(?i:of\s+)?|-)" + Month + @"\b" + RelYear + "?"), 8, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.MonthYear, R(@"\b(?:" + Mod + @"[\s-]+)?" + Month + @",?\s+(?i:of\s+)?" + Year + @"\b"), 9, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.MonthAlone, R(@"\b(?:" + Mod + @"[\s-]+)?(?:(?<rel>(?i:last|next|this|past|previous|coming))\s+)?(?<month>" + MonthFull + "|" + MonthLowerSafe + @")\b(?<ry>\s+(?i:next|last|this)\s+year)?"), 5, RuleTriggers.Month, RuleWitnesses.Month),
        new(RuleKind.Season, R(@"\b(?:(?<mod>(?i:early|mid|late))[\s-]+)?(?<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?i:of\s+)?" + Year + @")\b"), 8, RuleTriggers.Season, RuleWitnesses.Season),
        new(RuleKind.Year, R(@"(?<![\$£€\d,.#/-])\b(?:(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|end of|fiscal|the year))[\s-]+)?" + Year + @"\b(?![,.]\d|%|-\d|/\d|:\d|\s*(?i:percent)\b)"), 4),
        new(RuleKind.Decade, R(@"(?<![\w$])(?:(?i:the)\s+)?(?:(?<mod>(?i:early|mid|late))[\s-]+)?['’]?(?<dec>1[5-9]\d|20\d|[1-9])0['’]?s\b"), 6, RuleTriggers.Decade),
        new(RuleKind.Century, R(@"\b(?:(?i:the)\s+)?(?:(?<cent>1\d|2[01]|[1-9])(?:st|nd|rd|th)|" + OrdinalDay + @")[\s-]+(?i:century)\b"), 6, RuleTriggers.Century),
        new(RuleKind.DayWord, R(@"\b(?:(?<mod>(?i:earlier|later|early|late))\s+)?(?<w>(?i:the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow))(?:\s+(?<part>(?i:morning|afternoon|evening|night)))?\b"), 7, RuleTriggers.DayWord),
        new(RuleKind.DayPart, R(@"\b(?i:(?<rel>this|last|tomorrow|yesterday)\s+(?<part>morning|afternoon|evening|night))\b"), 8, RuleTriggers.DayPart),
        new(RuleKind.RelativeUnit, R(@"\b(?:(?<mod>(?i:early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of|the rest of|the first half of|the second half of|end of|the same period|the same month))[\s-]+)?(?<the>(?i:the)\s+)?(?<rel>(?i:last|this|next|past|previous|coming|following|current|same))\s+(?<unit>(?i:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter))\b"), 7, RuleTriggers.RelativeUnit, RuleWitnesses.RelativeUnit),
        new(RuleKind.Ago, R(@"\b" + NumW + @"[\s-]+(?<unit>(?i:day|week|month|year|decade|hour|minute))s?\s+(?i:ago|from now|hence)\b"), 9, RuleTriggers.Ago, RuleWitnesses.Ago),
        new(RuleKind.Duration, R(@"\b(?:(?<mod>(?i:nearly|almost|about|around|more than|over|roughly|approximately|at least|less than|up to|just over|just under|fewer than|some|for|the))\s+)?(?:(?<rel>(?i:the\s+)?(?:past|last|next|first|previous|coming|following|final|recent))\s+)?" + NumW + @"[\s-]*(?:(?i:consecutive|straight|successive|more|additional|full|further|long|trading|business|working|school)\s+)?(?<unit>(?i:second|minute|hour|day|night|week|weekend|month|year|decade|century|quarter))(?<pl>s)?(?:[\s-]+(?<old>(?i:old|long)))?\b"), 6, RuleTriggers.Duration),
        new(RuleKind.WholeUnit, R(@"\b(?<q>(?i:all|full|whole|entire|another|half an?|half))[\s-](?<unit>(?i:day|week|month|year|hour))\b"), 5, RuleTriggers.WholeUnit),
        new(RuleKind.BarePlural, R(@"(?<=\b(?i:for|within|over|in|after|took|take|takes|lasted|last|recent|past|spent|than)\s+)(?<unit>(?i:decades|years|months|weeks|days|hours|minutes))(?:-long)?\b|\b(?<unit>(?i:decades|years|months|weeks))-long\b"), 3, RuleTriggers.BarePlural),
        new(RuleKind.Set, R(@"\b(?i:(?<freq>(?:once|twice|\d+\s+times|(?:three|four|five|six|several|many)\s+times)\s+(?:a|an|per|each|every)\s+(?<unit>day|week|month|year))|(?<every>every|each|per)\s+(?<unit>day|week|month|year|morning|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|quarterly))\b"), 7, RuleTriggers.Set, RuleWitnesses.Set),
        new(RuleKind.Clock, R(@"\b(?<h>1[0-2]|0?[1-9])(?::(?<m>[0-5]\d))?\s*(?<ampm>(?i:a\.m\.|p\.m\.|am|pm|a\.m|p\.m))(?!\w)(?:\s*\(?" + Tz + @"(?:\s*[+-]\s*\d{1,2})?\)?)?"), 9, RuleTriggers.Clock),
        new(RuleKind.Clock24, R(@"\b(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?:\s*" + Tz + @")?\b"), 8, RuleTriggers.Colon),
        new(RuleKind.ClockCompact, R(@"\b(?<h>[01]\d|2[0-3])(?<m>[0-5]\d)\s*(?:" + Tz + @"|(?i:hrs|hours\b))"), 8, RuleTriggers.ClockCompact),
        new(RuleKind.NoonMidnight, R(@"\b(?i:noon|midday|midnight)\b"), 5, RuleTriggers.NoonMidnight),
        new(RuleKind.Weekday, R(@"\b(?:(?<rel>(?i:last|next|this|early|late|coming|past))\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?<pl>s)?(?:\s+(?<part>(?i:morning|afternoon|evening|night)))?(?:\s+(?<wk>(?i:next|last|this))\s+(?i:week))?\b"), 7, RuleTriggers.Weekday),
        new(RuleKind.RefWord, R(@"\b(?i:(?<present>right now|now|currently|current|at present|presently|nowadays|these days|the time being|at the moment|the present)|(?<past>recently|lately|the past|formerly|recent)|(?<future>the future|soon|the near future|the near term|the long term|the short term|the coming days|the coming weeks|the coming months|the coming years|the days ahead|the weeks ahead|the months ahead|the years ahead|shortly))\b"), 3, RuleTriggers.RefWord),
        new(RuleKind.Quarter, R(@"\b(?i:(?:the\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?<q>quarter|half)(?:\s+(?:of\s+)?(?:" + Year + @"|(?<rel>this|last|next)\s+year|the\s+year))?)\b"), 8, RuleTriggers.Quarter),
        // "the 20th of next month", "the twenty-first of this month": a day of a month named relative to now
        new(RuleKind.DayOfRelativeMonth, R(@"\b(?:(?i:the)\s+)?(?:" + Day + "|" + OrdinalDay + @")\s+(?i:of)\s+(?<rel>(?i:this|next|last|the coming|the following))\s+(?i:month)\b"), 9, RuleTriggers.RelativeMonth, RuleWitnesses.DayOfRelativeMonth),
        // "the second Monday of next month", "the last Friday in March": a weekday counted within a month
        new(RuleKind.NthWeekdayOfMonth, R(@"\b(?:(?i:the)\s+)?(?<nth>(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th))\s+(?<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+(?i:of|in)\s+(?<rel>(?i:this|next|last))\s+(?i:month)\b"), 9, RuleTriggers.Weekday, RuleWitnesses.NthWeekdayOfRelativeMonth),
        new(RuleKind.NthWeekdayOfMonth, R(@"\b(?:(?i:the)\s+)?(?<nth>(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th))\s+(?<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+(?i:of|in)\s+" + Month + @"(?:,?\s+" + Year + @")?\b"), 9, RuleTriggers.Weekday, RuleWitnesses.NthWeekdayOfMonth),
        // "the first week of 2015", "the last week of this year": an ISO week counted within a year
        new(RuleKind.NthWeekOf, R(@"\b(?:(?i:the)\s+)?(?<nth>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+(?i:week)\s+(?:(?i:of)\s+)?(?:(?<rel>(?i:this|next|last))\s+(?<unit>(?i:year|month))|" + Year + @")\b|\b(?:(?i:the)\s+)?(?<nth>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+(?i:week)\s+(?i:of|in)\s+" + MonthAnyCase + @"\b(?:,?\s+" + Year + @"\b)?"), 9, RuleTriggers.Week, RuleWitnesses.NthWeekOf),
        // "first Sunday", "the third Friday": a weekday counted within the reference month
        new(RuleKind.NthWeekdayOfMonth, R(@"\b(?:(?i:the)\s+)?(?<nth>(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th))\s+(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+(?i:of|in|after|before|since|following|that|when|morning|afternoon|evening|night)\b)"), 8, RuleTriggers.Weekday, RuleWitnesses.NthWeekday),
        new(RuleKind.QuarterCode, R(@"\b(?:(?<q>Q[1-4])(?:(?:\s+(?i:of\s+)?|-|)" + Year + ")?" + @"|(?<q>H[12])(?:\s+|-)?" + Year + @"|" + Year + @"\s+(?<q>Q[1-4]|H[12]))\b"), 8, RuleTriggers.QuarterCode),
    ];

    /// <summary>
    /// How far a rule's match reaches from the trigger it contains (<see cref="MatchReach"/>) plus room for the
    /// rule's look-behind and look-ahead, so that a match inside a window is found exactly as in the whole text.
    /// </summary>
    private const int WindowMargin = MatchReach + 32;

    /// <summary>The longest stretch of text a time expression spans on either side of its trigger word.</summary>
    internal const int MatchReach = 100;

    /// <summary>The longest trigger string, so a window covers the whole trigger it was opened for.</summary>
    private const int LongestTrigger = 16;

    /// <summary>
    /// The parts of <paramref name="text"/> a rule with this trigger can match in: a window around each trigger
    /// occurrence, overlapping windows merged. Every match contains a trigger and reaches at most
    /// <see cref="MatchReach"/> characters from it, so running the rule over the windows finds what running it
    /// over the whole text finds, and a news article mentions a month or a weekday in a few places only, so
    /// most of the text is never scanned. Returns false when the trigger does not occur at all. When the
    /// windows would cover most of the text anyway, one window spans all of it.
    /// </summary>
    private static bool TriggerWindows(string text, SearchValues<string> trigger, List<(int Start, int End)> windows)
    {
        windows.Clear();
        var span = text.AsSpan();
        int pos = 0;
        while (pos < span.Length)
        {
            int i = span[pos..].IndexOfAny(trigger);
            if (i < 0) break;
            int p = pos + i;
            int start = Math.Max(0, p - WindowMargin), end = Math.Min(text.Length, p + LongestTrigger + WindowMargin);
            if (windows.Count > 0 && start <= windows[^1].End) windows[^1] = (windows[^1].Start, Math.Max(windows[^1].End, end));
            else windows.Add((start, end));
            pos = p + 1;
        }
        if (windows.Count == 0) return false;
        long covered = 0;
        foreach (var (s, e) in windows) covered += e - s;
        if (covered * 2 > text.Length)
        {
            windows.Clear();
            windows.Add((0, text.Length));
        }
        return true;
    }

    /// <summary>
    /// The last text matched on this thread and its candidates. Matching depends on the text alone, not on the
    /// reference date, and an undated article is matched twice in a row: once by <see cref="Dating.PublicationDater"/>
    /// to estimate its date, then here with that date. One entry per thread keeps memory flat.
    /// </summary>
    [ThreadStatic] private static string? _lastText;
    [ThreadStatic] private static List<(int Start, int End, Rule Rule, Match Match)>? _lastCandidates;

    /// <summary>Every rule match in <paramref name="text"/>, sorted by start (longest first); reused for the same text.</summary>
    private static List<(int Start, int End, Rule Rule, Match Match)> CandidatesOf(string text)
    {
        if (ReferenceEquals(text, _lastText) && _lastCandidates is { } cached) return cached;
        var candidates = new List<(int Start, int End, Rule Rule, Match Match)>();
        bool useTriggers = !text.AsSpan().ContainsAny(TriggerUnsafeChars);
        var witnessed = new List<(Regex Witness, bool Found)>(8);
        var windows = new List<(int Start, int End)>();
        foreach (var rule in Rules)
        {
            if (useTriggers && rule.Trigger is { } trigger && !TriggerWindows(text, trigger, windows)) continue;
            if (rule.Witness is { } witness && !WitnessFound(witness, text, witnessed)) continue;
            try
            {
                if (useTriggers && rule.Trigger is not null)
                {
                    foreach (var (ws, we) in windows)
                        for (var m = rule.Pattern.Match(text, ws, we - ws); m.Success; m = m.NextMatch())
                            candidates.Add((m.Index, m.Index + m.Length, rule, m));
                }
                else
                {
                    for (var m = rule.Pattern.Match(text); m.Success; m = m.NextMatch())
                        candidates.Add((m.Index, m.Index + m.Length, rule, m));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological input: keep what this rule found so far and go on.
            }
        }
        // Overlaps are resolved within clusters of candidates that overlap in a chain: the longest (then the
        // higher-priority) candidate wins, as in HeidelTime's resolution of overlapping rule matches.
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        _lastText = text;
        _lastCandidates = candidates;
        return candidates;
    }

    public IReadOnlyList<TimeExpression> Find(AnnotatedDocument doc)
    {
        var text = doc.Text;
        if (string.IsNullOrEmpty(text)) return [];
        var refDate = doc.ReferenceDate;
        var candidates = CandidatesOf(text);
        var result = new List<TimeExpression>();
        var ctx = new Context(doc, refDate);
        var cluster = new List<(int Start, int End, Rule Rule, Match Match)>();
        var taken = new List<(int Start, int End)>();
        int c0 = 0;
        while (c0 < candidates.Count)
        {
            cluster.Clear();
            int clusterEnd = candidates[c0].End;
            int c1 = c0;
            while (c1 < candidates.Count && candidates[c1].Start < clusterEnd)
            {
                cluster.Add(candidates[c1]);
                clusterEnd = Math.Max(clusterEnd, candidates[c1].End);
                c1++;
            }
            c0 = c1;
            cluster.Sort((a, b) =>
            {
                int c = (b.End - b.Start).CompareTo(a.End - a.Start);
                if (c != 0) return c;
                c = b.Rule.Priority.CompareTo(a.Rule.Priority);
                return c != 0 ? c : a.Start.CompareTo(b.Start);
            });
            taken.Clear();
            foreach (var (start, end, rule, m) in cluster)
            {
                bool overlaps = false;
                foreach (var (s, e) in taken)
                    if (start < e && s < end) { overlaps = true; break; }
                if (overlaps) continue;
                var norm = Normalize(rule.Kind, m, ctx, out var type, out int trimStart);
                if (norm is null) continue;
                int st = start + trimStart;
                taken.Add((start, end));
                var found = new TimeExpression(new TextSpan(st, end), text[st..end], type, norm);
                if (rule.Kind == RuleKind.RestOf && refDate is { } today) found = found with { Begin = Iso(today), End = Iso(LastDayOf(norm, today)) };
                result.Add(found);
            }
        }
        SpelledYears(text, result);
        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        Compose(doc, refDate, result);
        DayRanges(text, result);
        YearSpans(text, result);
        return SameDaySameYear(result);
    }

    /// <summary>Whether the witness occurs in the text, searched once per document.</summary>
    private static bool WitnessFound(Regex witness, string text, List<(Regex Witness, bool Found)> witnessed)
    {
        foreach (var (w, found) in witnessed)
            if (ReferenceEquals(w, witness)) return found;
        bool isMatch = witness.IsMatch(text);
        witnessed.Add((witness, isMatch));
        return isMatch;
    }

    // "4 to 22 January", "between 2 and 7 Feb", "4 to 23 next month": a bare day before a range word and a date
    private static readonly Regex DayBeforeRange = new(@"\b(?<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:(?i:to|until|till|through|and)\s+|[-\u2013]\s*)(?:(?<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?)?", Opts, TimeSpan.FromSeconds(1));

    // "March 3 to 7", "Nov. 19-20": a bare day after a month-day date and a range word
    private static readonly Regex DayAfterRange = new(@"\G\s*(?:(?i:to|until|till|through|and)\s+|[-\u2013]\s*)(?<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]?\d|\s*%|\s+(?i:percent|per\b)|\s+[a-z]+s\b)", Opts, TimeSpan.FromSeconds(1));

    // "2014-2018", "2010–15": a span of years written as one token
    private static readonly Regex YearSpan = new(@"(?<![\w$£€.,/-])(?<y1>(?:19|20)\d\d)[-\u2013](?<y2>(?:19|20)\d\d|\d\d)\b(?![-/.,]?\d|%|\s*(?i:percent))", Opts, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A span of years ("2014-2018", "the 2010-15 period") is its two ends, each a year, when the second
    /// is later than the first (a score or an ID such as "2019-2017" is not a span).
    /// </summary>
    private static void YearSpans(string text, List<TimeExpression> found)
    {
        int n = found.Count;
        MatchCollection spans;
        try
        {
            spans = YearSpan.Matches(text);
            _ = spans.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }
        foreach (Match m in spans)
        {
            if (Taken(found, m.Index, m.Index + m.Length)) continue;
            int y1 = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var g2 = m.Groups["y2"];
            int y2 = int.Parse(g2.Value, CultureInfo.InvariantCulture);
            if (g2.Length == 2) y2 += y1 / 100 * 100;
            if (y2 <= y1 || y2 - y1 > 50) continue;
            var g1 = m.Groups["y1"];
            found.Add(new TimeExpression(new TextSpan(g1.Index, g1.Index + g1.Length), g1.Value, TimexType.DATE, y1.ToString("D4", CultureInfo.InvariantCulture)));
            found.Add(new TimeExpression(new TextSpan(g2.Index, g2.Index + g2.Length), g2.Value, TimexType.DATE, y2.ToString("D4", CultureInfo.InvariantCulture)));
        }
        if (found.Count != n) found.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
    }

    /// <summary>
    /// Day ranges that name the month once: the bare day takes the month (and year) of the date it is
    /// paired with, so "from 4 to 22 January, 1995" gives 1995-01-04 and 1995-01-22. TIMEX3 has no range
    /// value; a range is its two ends, as TimeML annotates it.
    /// </summary>
    private static void DayRanges(string text, List<TimeExpression> found)
    {
        int n = found.Count;
        for (int i = 0; i < n; i++)
        {
            var t = found[i];
            bool month = t.Value.Length == 7 && t.Value[4] == '-' && char.IsDigit(t.Value[5]);
            bool day = t.Value.Length == 10 && t.Value[4] == '-' && t.Value[7] == '-';
            if (!month && !day) continue;
            string ym = t.Value[..7];
            // before: look back at most 30 characters for "D1 to [D2 of]" ending right where the date starts
            int from = Math.Max(0, t.Span.Start - 30);
            var m = DayBeforeRange.Match(text, from, t.Span.Start - from);
            while (m.Success && m.Index + m.Length != t.Span.Start) m = m.NextMatch();
            if (m.Success && m.Index + m.Length == t.Span.Start && !Taken(found, m.Index, m.Index + m.Length))
            {
                var d1 = m.Groups["d"];
                if (m.Groups["d2"].Success)
                {
                    // "4 to 22 this month": both days belong to the month that follows
                    if (!month) continue;
                    AddDay(text, found, ym, d1);
                    AddDay(text, found, ym, m.Groups["d2"]);
                }
                else if (day && int.Parse(d1.Value, CultureInfo.InvariantCulture) < int.Parse(t.Value[8..], CultureInfo.InvariantCulture))
                    AddDay(text, found, ym, d1);
                continue;
            }
            if (!day || t.Span.End >= text.Length) continue;
            var a = DayAfterRange.Match(text, t.Span.End);
            if (a.Success && int.Parse(a.Groups["d"].Value, CultureInfo.InvariantCulture) > int.Parse(t.Value[8..], CultureInfo.InvariantCulture) &&
                !Taken(found, a.Index, a.Index + a.Length))
                AddDay(text, found, ym, a.Groups["d"]);
        }
        if (found.Count != n) found.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
    }

    private static bool Taken(List<TimeExpression> found, int start, int end)
    {
        foreach (var f in found)
            if (f.Span.Start < end && start < f.Span.End) return true;
        return false;
    }

    private static void AddDay(string text, List<TimeExpression> found, string yearMonth, Group day)
    {
        int d = int.Parse(day.Value, CultureInfo.InvariantCulture);
        if (!yearMonth.StartsWith("XXXX", StringComparison.Ordinal) &&
            !ValidDate(int.Parse(yearMonth[..4], CultureInfo.InvariantCulture), int.Parse(yearMonth[5..7], CultureInfo.InvariantCulture), d)) return;
        string value = $"{yearMonth}-{d:D2}";
        int s = day.Index, e = day.Index + day.Length;
        // keep an ordinal suffix with its day ("4th")
        while (e < text.Length && char.IsLetter(text[e]) && e - day.Index < day.Length + 2) e++;
        if (Taken(found, s, e)) return;
        found.Add(new TimeExpression(new TextSpan(s, e), text[s..e], TimexType.DATE, value));
    }

    /// <summary>
    /// A month and day named again in the same article refer to the same date: later mentions without a
    /// year take the year of an explicit mention ("October 7 last year", "October 7, 2023") or, failing one,
    /// of the first mention (one-sense-per-discourse, as HeidelTime's narrative anchoring assumes).
    /// </summary>
    private static IReadOnlyList<TimeExpression> SameDaySameYear(List<TimeExpression> found)
    {
        Dictionary<string, string>? yearOf = null;
        // explicit years first
        foreach (var t in found)
        {
            if (t.Type != TimexType.DATE || t.Value.Length != 10 || !char.IsDigit(t.Value[0])) continue;
            if (!HasExplicitYear(t.Text)) continue;
            yearOf ??= new Dictionary<string, string>(StringComparer.Ordinal);
            yearOf.TryAdd(t.Value[5..], t.Value[..4]);
        }
        for (int i = 0; i < found.Count; i++)
        {
            var t = found[i];
            if (t.Type != TimexType.DATE || t.Value.Length != 10 || !char.IsDigit(t.Value[0]) || HasExplicitYear(t.Text)) continue;
            yearOf ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var md = t.Value[5..];
            if (!IsMonthDayMention(t.Text)) continue;
            if (yearOf.TryGetValue(md, out var year))
            {
                if (year != t.Value[..4]) found[i] = t with { Value = year + "-" + md };
            }
            else yearOf[md] = t.Value[..4];
        }
        return found;
    }

    private static bool HasExplicitYear(string text)
    {
        int digits = 0;
        foreach (char c in text)
        {
            digits = char.IsDigit(c) ? digits + 1 : 0;
            if (digits == 4) return true;
        }
        return text.Contains("last year", StringComparison.OrdinalIgnoreCase) || text.Contains("next year", StringComparison.OrdinalIgnoreCase) ||
               text.Contains("this year", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A written month and day ("Oct. 7", "7 October"), not a weekday or a relative word resolved to a date.</summary>
    private static bool IsMonthDayMention(string text)
    {
        foreach (var key in Months.Keys)
            if (text.Contains(key, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Per-document state for normalisation: the anchor and the text for tense look-ups.</summary>
    private sealed class Context(AnnotatedDocument doc, DateOnly? reference)
    {
        public AnnotatedDocument Doc { get; } = doc;
        public DateOnly? Ref { get; } = reference;
    }

    internal enum Tense { None, Past, Future }

    /// <summary>How many tokens either side of an expression the tense cues are read from.</summary>
    private const int TenseWindow = 40;

    private sealed class TokenStartComparer : IComparer<Token>
    {
        public static readonly TokenStartComparer Instance = new();

        public int Compare(Token x, Token y) => x.Start.CompareTo(y.Start);
    }

    private static string? Normalize(RuleKind kind, Match m, Context ctx, out TimexType type, out int trimStart)
    {
        type = TimexType.DATE;
        trimStart = 0;
        var text = ctx.Doc.Text;
        var r = ctx.Ref;
        switch (kind)
        {
            case RuleKind.FullDate:
            case RuleKind.DayMonthYear:
            case RuleKind.NamedMonthIsoDate:
            {
                int month = MonthOf(m.Groups["month"].Value), day = DayValue(m);
                int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                return ValidDate(year, month, day) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
            }
            case RuleKind.MonthSlashDay:
            {
                // "4/22" (US month/day): a date whose year comes from the reference date and tense
                int month = int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture), day = int.Parse(m.Groups["dd"].Value, CultureInfo.InvariantCulture);
                int? year = YearFor(m.Groups["none"], r, month, day, ctx, m);
                if (year is null) return $"XXXX-{month:D2}-{day:D2}";
                // "2/29" in a year without one: the day of some leap year
                if (!ValidDate(year.Value, month, day)) return ValidDate(2000, month, day) ? $"XXXX-{month:D2}-{day:D2}" : null;
                return $"{year:D4}-{month:D2}-{day:D2}";
            }
            case RuleKind.Weekend:
            {
                if (r is null) return "XXXX-WXX-WE";
                var rel = m.Groups["rel"].Value.ToLowerInvariant();
                var d = r.Value;
                // "over the weekend" in a report is the one just past; "this/the weekend" the one of this week
                int shift = rel switch { "last" or "past" or "over the" => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : -7, "next" => 7, _ => 0 };
                return IsoWeek(d.AddDays(shift)) + "-WE";
            }
            case RuleKind.DayOfRelativeMonth:
            {
                int day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : OrdinalDayValue(m.Groups["dayw"].Value);
                if (day is < 1 or > 31) return null;
                if (r is null) return $"XXXX-XX-{day:D2}";
                var month = new DateOnly(r.Value.Year, r.Value.Month, 1).AddMonths(RelativeStep(m.Groups["rel"].Value));
                return ValidDate(month.Year, month.Month, day) ? $"{month.Year:D4}-{month.Month:D2}-{day:D2}" : $"XXXX-{month.Month:D2}-{day:D2}";
            }
            case RuleKind.NthWeekdayOfMonth:
            {
                int nth = NthValue(m.Groups["nth"].Value);
                var wd = Weekdays[m.Groups["wd"].Value];
                int monthNo;
                int? year = null;
                if (m.Groups["rel"].Success || !m.Groups["month"].Success)
                {
                    // "the first Sunday" alone: of the reference month
                    if (r is null) return null;
                    var x = new DateOnly(r.Value.Year, r.Value.Month, 1).AddMonths(m.Groups["rel"].Success ? RelativeStep(m.Groups["rel"].Value) : 0);
                    monthNo = x.Month;
                    year = x.Year;
                }
                else
                {
                    monthNo = MonthOf(m.Groups["month"].Value);
                    if (m.Groups["year"].Success) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                    else if (r is not null) year = YearFor(m.Groups["none"], r, monthNo, 15, ctx, m);
                }
                if (year is null) return $"XXXX-{monthNo:D2}-WXX-{IsoDayNumber(wd)}-#{(nth < 0 ? 5 : nth)}";
                var date = NthWeekday(year.Value, monthNo, wd, nth);
                return date is null ? null : Iso(date.Value);
            }
            case RuleKind.NthWeekOf:
            {
                int nth = NthValue(m.Groups["nth"].Value);
                int y;
                if (m.Groups["month"].Success || m.Groups["unit"].Value.Equals("month", StringComparison.OrdinalIgnoreCase))
                {
                    // "the first week of October", "the third week of this month": the nth week of a month
                    // (written as Recognizers-Text and TIMEX3 extensions write it, YYYY-MM-Wn)
                    int mo;
                    int? yy;
                    if (m.Groups["month"].Success)
                    {
                        mo = MonthOf(m.Groups["month"].Value);
                        yy = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : YearFor(m.Groups["none"], r, mo, 15, ctx, m);
                    }
                    else
                    {
                        if (r is null) return null;
                        var x = new DateOnly(r.Value.Year, r.Value.Month, 1).AddMonths(RelativeStep(m.Groups["rel"].Value));
                        mo = x.Month;
                        yy = x.Year;
                    }
                    int wk = nth < 0 ? 5 : nth;
                    return yy is null ? $"XXXX-{mo:D2}-W{wk:D2}" : $"{yy:D4}-{mo:D2}-W{wk:D2}";
                }
                if (m.Groups["year"].Success) y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                else if (r is null) return null;
                else y = r.Value.Year + RelativeStep(m.Groups["rel"].Value);
                int weeks = ISOWeek.GetWeeksInYear(y);
                int week = nth < 0 ? weeks : nth;
                return week <= weeks ? $"{y:D4}-W{week:D2}" : null;
            }
            case RuleKind.NumericMonth:
                return $"{m.Groups["year"].Value}-{int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture):D2}";
            case RuleKind.DayOfMonth:
            {
                // "on the 22nd": a day of the reference month, or of the one before when it is past
                int day = DayValue(m);
                if (day is < 1 or > 31) return null;
                if (r is null) return $"XXXX-XX-{day:D2}";
                var tense = TenseNear(ctx.Doc, m.Index, m.Index + m.Length);
                var month = new DateOnly(r.Value.Year, r.Value.Month, 1);
                if (tense == Tense.Past && day > r.Value.Day) month = month.AddMonths(-1);
                else if (tense == Tense.Future && day < r.Value.Day) month = month.AddMonths(1);
                return day <= DateTime.DaysInMonth(month.Year, month.Month) ? $"{month.Year:D4}-{month.Month:D2}-{day:D2}" : $"XXXX-XX-{day:D2}";
            }
            case RuleKind.IsoDate:
            case RuleKind.NumericDate:
            {
                int year = m.Groups["yy"].Success
                    ? int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture) is int yy && yy > 40 ? 1900 + yy : 2000 + yy
                    : int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                int month = int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture);
                int day = int.Parse(m.Groups["dd"].Value, CultureInfo.InvariantCulture);
                return ValidDate(year, month, day) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
            }
            case RuleKind.MonthDay:
            case RuleKind.DayMonth:
            {
                var monthText = m.Groups["month"].Value;
                int month = MonthOf(monthText), day = DayValue(m);
                if (day is < 1 or > 31) return null;
                int after = m.Index + m.Length;
                if (m.Groups["dayc"].Success)
                {
                    // "May twenty one", but not "May twenty five hundred", "March twenty percent" or "Marten"
                    if (NextWordIn(text, after, CardDayBlockers) || (after < text.Length && text[after] == '-')) return null;
                    if (!char.IsWhiteSpace(text[m.Groups["month"].Index + m.Groups["month"].Length])) return null;
                }
                else if (kind != RuleKind.MonthDay) { }
                else if (char.IsWhiteSpace(text[m.Groups["month"].Index + m.Groups["month"].Length]))
                {
                    // "March 3,500", "May 5.5": a number after a month name, not a day
                    var dayGroup = m.Groups["day"];
                    int d = dayGroup.Index + dayGroup.Length;
                    if (d < text.Length && (char.IsDigit(text[d]) || (d + 1 < text.Length && text[d] is ',' or '.' && char.IsDigit(text[d + 1])))) return null;
                }
                else
                {
                    // "Oct-2", "Oct/2", "October2", but not "Oct-2-2019" or "Oct.2,5"
                    if (after + 1 < text.Length && text[after] is '-' or '/' or ',' or '.' && char.IsDigit(text[after + 1])) return null;
                    if (after < text.Length && char.IsDigit(text[after])) return null;
                }
                // "May 5" is a date, but "may 5" is not (case-sensitive pattern); "March 3 people" is rare enough.
                int? year = YearFor(m.Groups["rel"], r, month, day, ctx, m);
                if (year is null) return $"XXXX-{month:D2}-{day:D2}";
                // "Feb 30", "Feb 29" of a common year: a day as written, in no year
                if (!ValidDate(year.Value, month, day)) return m.Groups["rel"].Success ? null : $"XXXX-{month:D2}-{day:D2}";
                return $"{year:D4}-{month:D2}-{day:D2}";
            }
            case RuleKind.MonthYear:
            {
                int month = MonthOf(m.Groups["month"].Value);
                return $"{m.Groups["year"].Value}-{month:D2}";
            }
            case RuleKind.MonthAlone:
            {
                var monthText = m.Groups["month"].Value;
                int month = MonthOf(monthText);
                // "sept", "june" and "Sept" alone are not read as months; "last sept" and "june next year" are
                if (!m.Groups["rel"].Success && !m.Groups["ry"].Success && !IsCapitalisedFullMonth(monthText)) return null;
                // "June 5": a month and a day, read by the month-day rule (or not a date at all)
                if (!m.Groups["ry"].Success && FollowedByBlankAndDigit(text, m.Groups["month"].Index + m.Groups["month"].Length)) return null;
                bool hasCue = m.Groups["mod"].Success || m.Groups["rel"].Success || m.Groups["ry"].Success || PrecededByTemporalPreposition(text, m.Index);
                if ((monthText is "May" or "March" or "August") && !hasCue) return null;
                if (!hasCue && FollowedByCapitalisedWord(text, m.Index + m.Length)) return null; // "June Carter"
                if (r is null) return $"XXXX-{month:D2}";
                int year = r.Value.Year;
                if (m.Groups["ry"].Success)
                {
                    var ry = m.Groups["ry"].Value.Trim().ToLowerInvariant();
                    year += ry.StartsWith("next", StringComparison.Ordinal) ? 1 : ry.StartsWith("last", StringComparison.Ordinal) ? -1 : 0;
                    return $"{year:D4}-{month:D2}";
                }
                var rel = m.Groups["rel"].Value.ToLowerInvariant();
                if (rel is "last" or "past" or "previous") year = month >= r.Value.Month ? year - 1 : year;
                else if (rel is "next" or "coming") year = month <= r.Value.Month ? year + 1 : year;
                else if (rel != "this")
                {
                    var tense = PrecededByWordIn(text, m.Index, ForwardPrepositions) ? Tense.Future : TenseNear(ctx.Doc, m.Index, m.Index + m.Length);
                    if (tense == Tense.Future && month < r.Value.Month) year++;
                    else if (tense == Tense.Past && month > r.Value.Month) year--;
                    else if (tense == Tense.None && month > r.Value.Month + 2) year--;
                }
                return $"{year:D4}-{month:D2}";
            }
            case RuleKind.Year:
            {
                int end = m.Index + m.Length;
                if (NextWordIn(text, end, YearBlockers)) return null;
                int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                // A bare year far in the future of the reference date is most likely a count.
                if (r is not null && year > r.Value.Year + 30) return null;
                if (r is null && year > 2100) return null;
                return m.Groups["year"].Value;
            }
            case RuleKind.Decade:
            {
                var dec = m.Groups["dec"].Value;
                if (dec.Length == 1) dec = (dec[0] is '0' or '1' or '2' ? "20" : "19") + dec;
                return dec;
            }
            case RuleKind.Century:
            {
                // "the 19th century", "the nineteenth century"
                int c = m.Groups["cent"].Success ? int.Parse(m.Groups["cent"].Value, CultureInfo.InvariantCulture) : OrdinalDayValue(m.Groups["dayw"].Value);
                // "the second century saint" is rarer in news than a count of centuries: words from "tenth" on
                if (c is < 1 or > 22 || (!m.Groups["cent"].Success && c < 10)) return null;
                return (c - 1).ToString("D2", CultureInfo.InvariantCulture);
            }
            case RuleKind.DayWord:
            {
                var w = m.Groups["w"].Value.ToLowerInvariant();
                if (r is null) return w is "today" ? "PRESENT_REF" : null;
                var d = w switch
                {
                    "yesterday" => r.Value.AddDays(-1),
                    "tomorrow" => r.Value.AddDays(1),
                    "the day before yesterday" => r.Value.AddDays(-2),
                    "the day after tomorrow" => r.Value.AddDays(2),
                    _ => r.Value,
                };
                var value = Iso(d);
                if (w == "tonight") return value + "TNI";
                if (m.Groups["part"].Success) return value + "T" + DayParts[m.Groups["part"].Value];
                return value;
            }
            case RuleKind.DayPart:
            {
                if (r is null) return null;
                var rel = m.Groups["rel"].Value.ToLowerInvariant();
                var part = m.Groups["part"].Value;
                var d = rel switch
                {
                    "last" when part.Equals("night", StringComparison.OrdinalIgnoreCase) => r.Value.AddDays(-1),
                    "yesterday" => r.Value.AddDays(-1),
                    "tomorrow" => r.Value.AddDays(1),
                    _ => r.Value,
                };
                return Iso(d) + "T" + DayParts[part];
            }
            case RuleKind.RelativeUnit:
                return RelativeUnit(m, r, ctx, out type);
            case RuleKind.Ago:
            {
                double? n = Amount(m.Groups["num"].Value);
                if (n is null || r is null) return n is null ? null : "PAST_REF";
                int k = (int)n.Value;
                var unit = m.Groups["unit"].Value.ToLowerInvariant();
                bool future = m.Value.EndsWith("from now", StringComparison.OrdinalIgnoreCase) || m.Value.EndsWith("hence", StringComparison.OrdinalIgnoreCase);
                int sign = future ? 1 : -1;
                var d = r.Value;
                return unit switch
                {
                    "day" => Iso(d.AddDays(sign * k)),
                    "week" => Iso(d.AddDays(sign * 7 * k)),
                    // "two years ago", "three months ago": the day so far back from the reference date, as a
                    // timeline places it (a year-precision value would file it on 1 January)
                    "month" => Iso(d.AddMonths(sign * k)),
                    "year" => Iso(d.AddYears(sign * k)),
                    "decade" => ((d.Year + sign * 10 * k) / 10).ToString(CultureInfo.InvariantCulture),
                    _ => Iso(d),
                };
            }
            case RuleKind.Duration:
                return Duration(m, text, out type, out trimStart);
            case RuleKind.WholeUnit:
            {
                // "all day", "another month", "half a year"
                type = TimexType.DURATION;
                var (code, isTime, _) = DurationUnits[m.Groups["unit"].Value.ToLowerInvariant()];
                var amount = m.Groups["q"].Value.StartsWith("half", StringComparison.OrdinalIgnoreCase) ? "0.5" : "1";
                if (m.Groups["q"].Value.Equals("another", StringComparison.OrdinalIgnoreCase) == false && amount == "1" && !PrecededByWordIn(text, m.Index, DurationLeads)) return null;
                return isTime ? $"PT{amount}{code}" : $"P{amount}{code}";
            }
            case RuleKind.OrdinalDate:
            {
                int month = MonthOf(m.Groups["month"].Value);
                int day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : OrdinalDayValue(m.Groups["dayw"].Value);
                if (day == 0) return null;
                int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : YearFor(m.Groups["rel"], r, month, day, ctx, m);
                if (year is null) return $"XXXX-{month:D2}-{day:D2}";
                return ValidDate(year.Value, month, day) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
            }
            case RuleKind.Season:
            {
                var code = Seasons[m.Groups["season"].Value].Code;
                return $"{m.Groups["year"].Value}-{code}";
            }
            case RuleKind.BarePlural:
            {
                // "for years", "decades-long": a vague duration (TimeML PXY)
                type = TimexType.DURATION;
                var unit = m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s');
                if (unit == "decade") return "PXDE";
                var (code, isTime, _) = DurationUnits[unit];
                return isTime ? $"PTX{code}" : $"PX{code}";
            }
            case RuleKind.Set:
            {
                type = TimexType.SET;
                if (m.Groups["adv"].Success)
                {
                    return m.Groups["adv"].Value.ToLowerInvariant() switch
                    {
                        "daily" or "nightly" => "P1D",
                        "weekly" => "P1W",
                        "biweekly" => "P2W",
                        "monthly" => "P1M",
                        "quarterly" => "P1Q",
                        "hourly" => "PT1H",
                        _ => "P1Y",
                    };
                }
                var unit = m.Groups["unit"].Value.ToLowerInvariant();
                if (Weekdays.TryGetValue(unit, out var wd)) return "XXXX-WXX-" + IsoDayNumber(wd);
                if (DayParts.TryGetValue(unit, out var part)) return "TXX" + part;
                if (unit == "weekend") return "XXXX-WXX-WE";
                return "P1" + DurationUnits[unit].Code;
            }
            case RuleKind.Clock:
            case RuleKind.Clock24:
            case RuleKind.ClockCompact:
            {
                type = TimexType.TIME;
                int h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
                int min = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                if (m.Groups["ampm"].Success)
                {
                    bool pm = m.Groups["ampm"].Value.StartsWith('p') || m.Groups["ampm"].Value.StartsWith('P');
                    if (pm && h < 12) h += 12;
                    if (!pm && h == 12) h = 0;
                }
                else if (kind == RuleKind.Clock24 && !m.Groups["tz"].Success && LooksLikeScore(text, m.Index, m.Index + m.Length))
                    return null;
                var clock = $"T{h:D2}:{min:D2}";
                if (m.Groups["tz"].Value is "UTC" or "GMT") clock += "Z";
                return (r is null ? "XXXX-XX-XX" : Iso(r.Value)) + clock;
            }
            case RuleKind.NoonMidnight:
            {
                type = TimexType.TIME;
                var w = m.Value.ToLowerInvariant();
                return (r is null ? "XXXX-XX-XX" : Iso(r.Value)) + (w == "midnight" ? "T24:00" : "T12:00");
            }
            case RuleKind.Weekday:
                return Weekday(m, r, ctx, out type);
            case RuleKind.RefWord:
            {
                if (m.Groups["present"].Success)
                {
                    var w = m.Value.ToLowerInvariant();
                    // "now" as a discourse marker at a sentence start ("Now, ...") is still PRESENT_REF in TimeML.
                    if (w == "current" && !NextIsNounish(text, m.Index + m.Length)) return null;
                    return "PRESENT_REF";
                }
                if (m.Groups["past"].Success)
                {
                    if (m.Value.Equals("recent", StringComparison.OrdinalIgnoreCase) && !NextIsNounish(text, m.Index + m.Length)) return null;
                    return "PAST_REF";
                }
                return "FUTURE_REF";
            }
            case RuleKind.Quarter:
            {
                var q = m.Groups["q"].Value.ToLowerInvariant();
                var ordText = m.Groups["ord"].Value.ToLowerInvariant();
                int ord = ordText switch
                {
                    "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4,
                    _ => q == "half" ? 2 : 4,
                };
                if (q == "half" && ord > 2) return null;
                bool hasYear = m.Groups["year"].Success;
                bool hasRel = m.Groups["rel"].Success;
                if (q == "half" && !hasYear && !hasRel && !m.Value.EndsWith("year", StringComparison.OrdinalIgnoreCase)) return null;
                int year;
                if (hasYear) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                else if (r is null) return null;
                else
                {
                    year = r.Value.Year;
                    var rel = m.Groups["rel"].Value.ToLowerInvariant();
                    if (rel == "last") year--;
                    else if (rel == "next") year++;
                    else if (!hasRel && q == "quarter" && ord > (r.Value.Month - 1) / 3 + 1) year--;
                }
                return q == "half" ? $"{year:D4}-H{ord}" : $"{year:D4}-Q{ord}";
            }
            case RuleKind.WeekNumber:
            {
                int wn = int.Parse(m.Groups["wn"].Value, CultureInfo.InvariantCulture);
                int after = m.Index + m.Length;
                // "week 10.5", "week 3, 4": a number, not a week
                if (after + 1 < text.Length && (text[after] is '.' or ',' or '%') && char.IsDigit(text[after + 1])) return null;
                if (after < text.Length && text[after] == '%') return null;
                if (r is null) return $"XXXX-W{wn:D2}";
                return wn <= ISOWeek.GetWeeksInYear(r.Value.Year) ? $"{r.Value.Year:D4}-W{wn:D2}" : null;
            }
            case RuleKind.AfterNext:
            {
                if (r is null) return "FUTURE_REF";
                var d = r.Value;
                return m.Groups["unit"].Value.ToLowerInvariant() switch
                {
                    "week" => IsoWeek(d.AddDays(14)),
                    "weekend" => IsoWeek(d.AddDays(14)) + "-WE",
                    "month" => d.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => (d.Year + 2).ToString("D4", CultureInfo.InvariantCulture),
                };
            }
            case RuleKind.SpelledDecade:
            {
                if (m.Groups["naught"].Success) return "200";
                // "the sixties" without a century word is the last century's ("the twenties" is left out: it
                // is as likely the 2020s); "in their sixties", an age, lacks the "the"
                int century = m.Groups["c"].Value.ToLowerInvariant() switch { "eighteen" => 18, "twenty" => 20, _ => 19 };
                int tens = Array.IndexOf(DecadeWords, m.Groups["d"].Value.ToLowerInvariant()) + 1;
                return (century * 10 + tens).ToString(CultureInfo.InvariantCulture);
            }
            case RuleKind.RelativeDay:
            {
                var w = m.Groups["w"].Value.ToLowerInvariant();
                // "last day" without "the" is someone's last day, not yesterday; "the last day of the talks",
                // "the next day or two", "a three-day-long" are not days counted from now
                if (w == "last" && !m.Groups["the"].Success) return null;
                int after = m.Index + m.Length;
                if (NextWordIn(text, after, RelativeDayBlockers) || (after < text.Length && text[after] == '-')) return null;
                if (r is null) return null;
                // "to this day", "until this day": up to now
                if (w == "this" && PrecededByWordIn(text, m.Index, UpToWords)) return "PRESENT_REF";
                int shift = w switch { "next" or "following" => 1, "previous" or "last" => -1, _ => 0 };
                return Iso(r.Value.AddDays(shift));
            }
            case RuleKind.WeekdayDay:
            {
                int day = DayValue(m);
                if (day is < 1 or > 31) return null;
                var wd = Weekdays[m.Groups["wd"].Value];
                if (r is null) return $"XXXX-XX-{day:D2}";
                var tense = TenseNear(ctx.Doc, m.Index, m.Index + m.Length);
                // the month nearest the reference date (before it in past tense, after it in future tense)
                // in which that day falls on that weekday
                DateOnly? best = null;
                var ref0 = new DateOnly(r.Value.Year, r.Value.Month, 1);
                for (int k = 0; k <= 12 && best is null; k++)
                    foreach (int step in k == 0 ? [0] : new[] { -k, k })
                    {
                        var mo = ref0.AddMonths(step);
                        if (day > DateTime.DaysInMonth(mo.Year, mo.Month)) continue;
                        var cand = new DateOnly(mo.Year, mo.Month, day);
                        if (cand.DayOfWeek != wd) continue;
                        if (tense == Tense.Past && cand > r.Value) continue;
                        if (tense == Tense.Future && cand < r.Value) continue;
                        best = cand;
                        break;
                    }
                return best is null ? $"XXXX-XX-{day:D2}" : Iso(best.Value);
            }
            case RuleKind.RestOf:
            {
                if (r is null) return null;
                var unit = m.Groups["unit"].Value.ToLowerInvariant();
                var d = r.Value;
                return unit switch
                {
                    "week" => IsoWeek(d),
                    "month" => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => d.Year.ToString("D4", CultureInfo.InvariantCulture),
                };
            }
            case RuleKind.QuarterCode:
            {
                var q = m.Groups["q"].Value.ToUpperInvariant();
                if (m.Groups["year"].Success) return $"{m.Groups["year"].Value}-{q}";
                return r is null ? $"XXXX-{q}" : $"{r.Value.Year:D4}-{q}";
            }
        }
        return null;
    }

    private static string? RelativeUnit(Match m, DateOnly? r, Context ctx, out TimexType type)
    {
        type = TimexType.DATE;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var mod = m.Groups["mod"].Value.ToLowerInvariant();
        // "the same month": the month of an event mentioned before, which this rule cannot know
        if (rel == "same")
            return unit switch { "month" => "XXXX-XX", "week" => "XXXX-WXX", "year" => "XXXX", "quarter" => "XXXX-QX", _ => null };
        if (rel == "past" && m.Groups["the"].Success && mod.Length == 0 && unit is not ("spring" or "summer" or "fall" or "autumn" or "winter" or "weekend"))
        {
            // "the past year", "the past decade": a period reaching up to now (TimeML DURATION).
            type = TimexType.DURATION;
            var (code, _, factor) = DurationUnits[unit];
            return $"P{factor}{code}";
        }
        if (r is null) return rel is "next" or "coming" or "following" ? "FUTURE_REF" : rel is "last" or "past" or "previous" ? "PAST_REF" : "PRESENT_REF";
        int dir = rel switch
        {
            "last" or "past" or "previous" => -1,
            "next" or "coming" or "following" => 1,
            _ => 0,
        };
        var d = r.Value;
        if (Seasons.TryGetValue(unit, out var season))
        {
            int year = d.Year;
            if (dir < 0) year = d.Month > season.EndMonth && season.Code != "WI" ? year : year - 1;
            else if (dir > 0) year = d.Month < season.EndMonth - 2 ? year : year + 1;
            return $"{year:D4}-{season.Code}";
        }
        switch (unit)
        {
            case "week":
            {
                var w = d.AddDays(7 * dir);
                return IsoWeek(w);
            }
            case "weekend":
            {
                var w = d.AddDays(7 * dir);
                return IsoWeek(w) + "-WE";
            }
            case "month":
            {
                var x = d.AddMonths(dir);
                return x.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            }
            case "quarter":
            {
                int q = (d.Month - 1) / 3 + 1 + dir, y = d.Year;
                if (q < 1) { q = 4; y--; }
                if (q > 4) { q = 1; y++; }
                return $"{y:D4}-Q{q}";
            }
            case "decade":
                return ((d.Year + 10 * dir) / 10).ToString(CultureInfo.InvariantCulture);
            case "century":
                return ((d.Year + 100 * dir) / 100).ToString(CultureInfo.InvariantCulture);
            default:
                return (d.Year + dir).ToString("D4", CultureInfo.InvariantCulture);
        }
    }

    private static string? Duration(Match m, string text, out TimexType type, out int trimStart)
    {
        type = TimexType.DURATION;
        trimStart = 0;
        var unitWord = m.Groups["unit"].Value.ToLowerInvariant();
        var numText = m.Groups["num"].Value;
        var mod = m.Groups["mod"].Value.ToLowerInvariant();
        bool plural = m.Groups["pl"].Success;
        if (mod is "for")
        {
            // "for" is not part of the expression (TimeML extent rules).
            trimStart = m.Groups["mod"].Length + 1;
            while (m.Index + trimStart < text.Length && char.IsWhiteSpace(text[m.Index + trimStart])) trimStart++;
        }
        bool isArticle = numText.Equals("a", StringComparison.OrdinalIgnoreCase) || numText.Equals("an", StringComparison.OrdinalIgnoreCase);
        // "a quarter of its dealers": a fraction, not a period
        if (unitWord == "quarter" && m.Index + m.Length + 3 <= text.Length && text.AsSpan(m.Index + m.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase))
            return null;
        if (isArticle)
        {
            if (plural) return null;
            if (unitWord == "second") return null; // "a second day": an ordinal
            // "15 a year", "twice a week": a frequency.
            if (PrecededByNumberOrFrequency(text, m.Index))
            {
                type = TimexType.SET;
                return "P1" + DurationUnits[unitWord].Code;
            }
            // "a day after", "a year earlier" read as durations too; a lone "a week" is kept.
        }
        var (code, isTime, factor) = DurationUnits[unitWord];
        string amount;
        if (numText.EndsWith("couple of", StringComparison.OrdinalIgnoreCase))
            amount = "2";
        else if (VagueAmounts.Contains(numText) || numText.Equals("numerous", StringComparison.OrdinalIgnoreCase))
            amount = "X";
        else
        {
            double? n = Amount(numText);
            if (n is null) return null;
            // "two-year-old" and friends are ages: TimeML DURATION all the same.
            double v = n.Value * factor;
            amount = v == Math.Floor(v) ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
            if (v > 100000) return null;
        }
        if (code == "WE") code = "WE";
        return isTime ? $"PT{amount}{code}" : $"P{amount}{code}";
    }

    private static string? Weekday(Match m, DateOnly? r, Context ctx, out TimexType type)
    {
        type = TimexType.DATE;
        var wd = Weekdays[m.Groups["wd"].Value];
        if (m.Groups["pl"].Success)
        {
            type = TimexType.SET;
            return "XXXX-WXX-" + IsoDayNumber(wd);
        }
        if (r is null) return "XXXX-WXX-" + IsoDayNumber(wd);
        var d = r.Value;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        if (m.Groups["wk"].Success)
        {
            // "Friday next week": that day of the named week
            var wk = m.Groups["wk"].Value.ToLowerInvariant();
            var inWeek = d.AddDays(wk == "next" ? 7 : wk == "last" ? -7 : 0);
            var dayOf = inWeek.AddDays(IsoDayNumber(wd) - IsoDayNumber(inWeek.DayOfWeek));
            return Iso(dayOf) + (m.Groups["part"].Success ? "T" + DayParts[m.Groups["part"].Value] : "");
        }
        int back = ((int)d.DayOfWeek - (int)wd + 7) % 7;   // days back to the latest such day (0 = today)
        int fwd = ((int)wd - (int)d.DayOfWeek + 7) % 7;    // days forward to the next such day (0 = today)
        DateOnly day;
        switch (rel)
        {
            case "last":
            case "past":
                day = d.AddDays(back == 0 ? -7 : -back);
                break;
            case "next":
            {
                // "next Sunday" is the Sunday of next week: said on a Monday, six days on is "this Sunday"
                int offset = IsoDayNumber(wd) - IsoDayNumber(d.DayOfWeek);
                day = d.AddDays(7 + offset);
                break;
            }
            case "coming":
                day = d.AddDays(fwd == 0 ? 7 : fwd);
                break;
            case "this":
            {
                // the day of the same ISO week
                int offset = IsoDayNumber(wd) - IsoDayNumber(d.DayOfWeek);
                day = d.AddDays(offset);
                break;
            }
            default:
            {
                var tense = TenseNear(ctx.Doc, m.Index, m.Index + m.Length);
                day = tense == Tense.Future ? d.AddDays(fwd) : d.AddDays(-back);
                break;
            }
        }
        var value = Iso(day);
        if (m.Groups["part"].Success) value += "T" + DayParts[m.Groups["part"].Value];
        return value;
    }

    /// <summary>The year of a month-day date without one: explicit "last year", else tense, else the nearest past.</summary>
    private static int? YearFor(Group rel, DateOnly? r, int month, int day, Context ctx, Match m)
    {
        if (r is null) return null;
        int year = r.Value.Year;
        if (rel.Success)
        {
            var v = rel.Value.ToLowerInvariant();
            if (v.Contains("last", StringComparison.Ordinal)) return year - 1;
            if (v.Contains("next", StringComparison.Ordinal)) return year + 1;
            return year;
        }
        if (!ValidDate(year, month, day)) return year;
        var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        var tense = PrecededByWordIn(ctx.Doc.Text, m.Index, ForwardPrepositions) ? Tense.Future : TenseNear(ctx.Doc, m.Index, m.Index + m.Length);
        int diff = candidate.DayNumber - r.Value.DayNumber;
        switch (tense)
        {
            case Tense.Future:
                if (diff < -60) year++;
                break;
            case Tense.Past:
                if (diff > 7) year--;
                break;
            default:
                if (diff > 60) year--;
                break;
        }
        return year;
    }

    /// <summary>
    /// The tense of the verb nearest to an expression in its sentence: future modals and "set to"/"expected to"
    /// periphrases, else past forms; the nearer cue wins (HeidelTime reads the sentence's tense from POS tags).
    /// </summary>
    internal static Tense TenseNear(AnnotatedDocument doc, int start, int end)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        if (tokens.Length == 0) return Tense.None;
        int si = doc.Sentences.Length > 0 ? doc.SentenceAt(start) : -1;
        int lo = 0, hi = tokens.Length;
        if (si >= 0) { lo = doc.Sentences[si].FirstToken; hi = doc.Sentences[si].EndToken; }
        // a bounded window: a run-on "sentence" of a whole file must not make this quadratic
        int at = Array.BinarySearch(tokens, new Token(start, start, TokenKind.Word), TokenStartComparer.Instance);
        if (at < 0) at = ~at;
        lo = Math.Max(lo, at - TenseWindow);
        hi = Math.Min(hi, at + TenseWindow);
        // first token at or after the expression
        int first = lo;
        while (first < hi && tokens[first].End <= start) first++;
        int last = first;
        while (last < hi && tokens[last].Start < end) last++;
        Tense best = Tense.None;
        int bestDist = int.MaxValue;
        for (int i = lo; i < hi; i++)
        {
            if (i >= first && i < last) continue;
            int dist = i < first ? first - i : i - last + 1;
            if (dist >= bestDist) continue;
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) continue;
            var w = text.AsSpan(t.Start, t.End - t.Start);
            var tense = CueTense(w, text, tokens, i, hi);
            if (tense == Tense.None) continue;
            if (dist < bestDist || (dist == bestDist && tense == Tense.Future))
            {
                best = tense;
                bestDist = dist;
            }
        }
        return best;
    }

    private static Tense CueTense(ReadOnlySpan<char> w, string text, Token[] tokens, int i, int hi)
    {
        var futures = FutureCues.GetAlternateLookup<ReadOnlySpan<char>>();
        if (futures.Contains(w)) return Tense.Future;
        if (i + 1 < hi && FutureBeforeTo.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
        {
            var n = tokens[i + 1];
            if (text.AsSpan(n.Start, n.End - n.Start).Equals("to", StringComparison.OrdinalIgnoreCase)) return Tense.Future;
        }
        bool past = PastCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) ||
                    (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(w[0]) && !NotPastEd.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w));
        if (!past) return Tense.None;
        // a participle after "be"/"been"/"being" carries no tense of its own ("should be completed", "will be held")
        if (i > 0 && tokens[i - 1].Kind == TokenKind.Word)
        {
            var prev = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].End - tokens[i - 1].Start);
            if (prev.Equals("be", StringComparison.OrdinalIgnoreCase) || prev.Equals("been", StringComparison.OrdinalIgnoreCase) ||
                prev.Equals("being", StringComparison.OrdinalIgnoreCase)) return Tense.None;
        }
        return Tense.Past;
    }

    // ---- small helpers ----

    private static readonly HashSet<string> UpToWords = new(StringComparer.OrdinalIgnoreCase) { "to", "until", "till" };

    private static readonly HashSet<string> CardDayBlockers = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "hundred", "thousand", "percent", "per",
    };

    private static readonly HashSet<string> RelativeDayBlockers = new(StringComparer.OrdinalIgnoreCase) { "of", "before", "after", "or", "and", "long" };


    /// <summary>Words after which a spelled-out number is read as a year ("in nineteen ninety", "of two thousand").</summary>
    private static readonly HashSet<string> SpelledYearLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "of", "since", "until", "till", "by", "from", "to", "between", "and", "during", "before", "after", "year", "through",
    };

    /// <summary>The day of the month of a match: digits, an ordinal word or a cardinal word.</summary>
    private static int DayValue(Match m)
    {
        if (m.Groups["day"].Success) return int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["dayw"].Success) return OrdinalDayValue(m.Groups["dayw"].Value);
        if (m.Groups["dayc"].Success)
        {
            var w = m.Groups["dayc"].Value;
            int sep = w.IndexOfAny([' ', '-']);
            if (sep < 0) return NumberWords.TryWord(w, out double v) ? (int)v : 0;
            return NumberWords.TryWord(w.AsSpan(0, sep), out double t) && NumberWords.TryWord(w.AsSpan(sep + 1).Trim(), out double u) ? (int)(t + u) : 0;
        }
        return 0;
    }

    /// <summary>
    /// A year written in words: "nineteen seventy eight" (hundreds and a two-digit rest), "nineteen hundred",
    /// "two thousand and eighteen", "one thousand seven hundred and eighty nine"; below 1000 only after "year".
    /// </summary>
    internal static int? SpelledYearValue(string words, bool afterYearWord)
    {
        var parts = words.Split([' ', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        bool scaled = false;
        foreach (var p in parts)
            if (p.Equals("thousand", StringComparison.OrdinalIgnoreCase) || (p.Equals("hundred", StringComparison.OrdinalIgnoreCase) && parts.Length > 2))
                scaled = true;
        if (scaled)
        {
            if (!NumberWords.TryWords(parts, out double v) || v != Math.Floor(v)) return null;
            int y = (int)v;
            if (y > 2100 || y < 1) return null;
            return y >= 1000 || afterYearWord ? y : null;
        }
        // "nineteen seventy eight", "twenty twenty", "nineteen oh five", "nineteen hundred"
        if (!NumberWords.TryWord(parts[0], out double hi) || hi is < 11 or > 20) return null;
        if (parts.Length == 2 && parts[1].Equals("hundred", StringComparison.OrdinalIgnoreCase)) return (int)hi * 100;
        int rest = 0, i = 1;
        if (parts[i].Equals("oh", StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length != 3 || !NumberWords.TryWord(parts[2], out double unit) || unit is < 1 or > 9) return null;
            return (int)hi * 100 + (int)unit;
        }
        if (!NumberWords.TryWord(parts[i], out double tens) || tens is < 10 or > 99) return null;
        rest = (int)tens;
        i++;
        if (i < parts.Length)
        {
            if (tens < 20 || tens % 10 != 0 || !NumberWords.TryWord(parts[i], out double u) || u is < 1 or > 9 || i + 1 != parts.Length) return null;
            rest += (int)u;
        }
        return (int)hi * 100 + rest;
    }

    private static bool NextIsPluralWord(string text, int index)
    {
        int s = index;
        while (s < text.Length && text[s] == ' ') s++;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        return e - s > 3 && text[e - 1] == 's' && char.IsLower(text[s]);
    }

    /// <summary>Whether a comma or a date word (a month name, an ordinal day) comes right before the index.</summary>
    private static bool PrecededByDateOrComma(string text, int index)
    {
        int e = index;
        while (e > 0 && text[e - 1] == ' ') e--;
        if (e > 0 && text[e - 1] == ',') return true;
        int s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '-')) s--;
        if (s == e) return false;
        var w = text.AsSpan(s, e - s);
        return Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w) || (NumberWords.TryOrdinal(w, out int n) && n > 0) || OrdinalDayValue(w.ToString()) > 0;
    }

    internal static int MonthOf(string s)
    {
        var key = s.TrimEnd('.');
        return Months.TryGetValue(key, out int m) ? m : 0;
    }

    private static bool ValidDate(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    private static readonly HashSet<string> DurationLeads = new(StringComparer.OrdinalIgnoreCase) { "for", "the", "an", "a", "lasted", "took", "spent" };

    private static int OrdinalDayValue(string w)
    {
        var key = w.ToLowerInvariant().Replace(' ', '-');
        int tens = 0;
        if (key.StartsWith("twenty-", StringComparison.Ordinal)) { tens = 20; key = key[7..]; }
        else if (key.StartsWith("thirty-", StringComparison.Ordinal)) { tens = 30; key = key[7..]; }
        return NumberWords.TryOrdinal(key, out int n) && n > 0 ? tens + n : key switch
        {
            "thirteenth" => 13, "fourteenth" => 14, "fifteenth" => 15, "sixteenth" => 16, "seventeenth" => 17,
            "eighteenth" => 18, "nineteenth" => 19, "twentieth" => 20, "thirtieth" => 30, _ => 0,
        };
    }

    /// <summary>"first".."fifth" as 1..5; "last" as -1.</summary>
    private static int NthValue(string w) => w.ToLowerInvariant() switch
    {
        "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4, "fifth" or "5th" => 5, _ => -1,
    };

    /// <summary>Months or years to step from the reference for "this", "next", "last".</summary>
    private static int RelativeStep(string rel) => rel.ToLowerInvariant() switch
    {
        "next" or "the coming" or "the following" => 1, "last" => -1, _ => 0,
    };

    /// <summary>The nth (or, for -1, the last) given weekday of a month; null when the month has no such day.</summary>
    private static DateOnly? NthWeekday(int year, int month, DayOfWeek wd, int nth)
    {
        if (nth < 0)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)wd + 7) % 7));
        }
        var first = new DateOnly(year, month, 1);
        var d = first.AddDays(((int)wd - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
        return d.Month == month ? d : null;
    }

    private static int IsoDayNumber(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static double? Amount(string s)
    {
        if (s.Equals("a", StringComparison.OrdinalIgnoreCase) || s.Equals("an", StringComparison.OrdinalIgnoreCase)) return 1;
        if (s.Equals("hundred", StringComparison.OrdinalIgnoreCase)) return 100;
        if (s.Equals("a couple of", StringComparison.OrdinalIgnoreCase) || s.Equals("couple of", StringComparison.OrdinalIgnoreCase)) return 2;
        return NumberWords.TryWord(s, out double v) ? v : null;
    }

    private static readonly HashSet<string> TemporalPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "by", "from", "through", "during", "of", "before", "after", "early", "late",
        "mid", "this", "last", "next", "to", "between", "and", "or", "on", "throughout", "around",
    };

    private static bool PrecededByTemporalPreposition(string text, int index) => PrecededByWordIn(text, index, TemporalPrepositions);

    private static bool PrecededByWordIn(string text, int index, HashSet<string> words)
    {
        int e = index;
        while (e > 0 && text[e - 1] == ' ') e--;
        int s = e;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        if (s == e) return false;
        return words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, e - s));
    }

    private static readonly HashSet<string> CapitalisedFullMonths = [.. MonthFull.Split('|')];

    private static bool IsCapitalisedFullMonth(string s) => CapitalisedFullMonths.Contains(s);

    private static bool FollowedByBlankAndDigit(string text, int index)
    {
        int s = index;
        while (s < text.Length && char.IsWhiteSpace(text[s])) s++;
        return s > index && s < text.Length && char.IsDigit(text[s]);
    }

    private static bool FollowedByCapitalisedWord(string text, int index) =>
        index + 1 < text.Length && text[index] == ' ' && char.IsUpper(text[index + 1]);

    private static bool NextWordIn(string text, int index, HashSet<string> words)
    {
        int s = index;
        while (s < text.Length && text[s] == ' ') s++;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        return e > s && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, e - s));
    }

    private static bool NextIsNounish(string text, int index)
    {
        int s = index;
        while (s < text.Length && text[s] == ' ') s++;
        return s < text.Length && s > index && char.IsLetter(text[s]);
    }

    private static bool PrecededByNumberOrFrequency(string text, int index)
    {
        int e = index;
        while (e > 0 && text[e - 1] == ' ') e--;
        int s = e;
        while (s > 0 && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] is ',' or '.' or '-')) s--;
        if (s == e) return false;
        var w = text.AsSpan(s, e - s).TrimEnd(",.");
        if (w.IsEmpty) return false;
        if (char.IsDigit(w[0])) return true;
        if (FrequencyLead.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return true;
        return NumberWords.IsCardinalWord(w) || NumberWords.IsScaleWord(w);
    }

    private static bool LooksLikeScore(string text, int start, int end)
    {
        // "won 3:1", "ratio 2:1": single-digit hours with a single-digit-looking context are scores, not times.
        return end - start <= 3;
    }
}
