using Storyline.Documents;

namespace Storyline.Language.Figures;

/// <summary>A cue phrase (lower-case words) and what it means.</summary>
internal sealed record Cue<T>(string[] Words, T Value);

/// <summary>
/// The figure finder's tables. Qualifier and unit handling follow the CQE quantity extractor (Almasian,
/// Bruckner &amp; Gertz, "CQE: A Comprehensive Quantity Extractor", EMNLP 2023): a quantity is a value, a
/// bound ("more than", "about"), a unit and the concept it counts; the tables here are our own.
/// </summary>
internal static class FigureLexicon
{
    private static Cue<T> C<T>(string phrase, T value) => new(phrase.Split(' '), value);

    /// <summary>Bounds before a number, longest first.</summary>
    public static readonly Cue<Qualifier>[] Qualifiers =
    [
        C("no fewer than", Qualifier.AtLeast), C("no less than", Qualifier.AtLeast), C("not less than", Qualifier.AtLeast),
        C("in excess of", Qualifier.MoreThan), C("upwards of", Qualifier.MoreThan), C("well over", Qualifier.MoreThan),
        C("just over", Qualifier.MoreThan), C("more than", Qualifier.MoreThan), C("greater than", Qualifier.MoreThan),
        C("higher than", Qualifier.MoreThan), C("over", Qualifier.MoreThan), C("above", Qualifier.MoreThan),
        C("exceeding", Qualifier.MoreThan), C("nearly", Qualifier.Nearly), C("almost", Qualifier.Nearly),
        C("close to", Qualifier.Nearly), C("closer to", Qualifier.Nearly), C("approaching", Qualifier.Nearly),
        C("just shy of", Qualifier.Nearly), C("just under", Qualifier.LessThan),
        C("about", Qualifier.About), C("around", Qualifier.About), C("roughly", Qualifier.About), C("some", Qualifier.About),
        C("approximately", Qualifier.About), C("an estimated", Qualifier.About), C("estimated", Qualifier.About),
        C("approx.", Qualifier.About), C("circa", Qualifier.About), C("nearly about", Qualifier.About),
        C("at least", Qualifier.AtLeast), C("a minimum of", Qualifier.AtLeast),
        C("up to", Qualifier.UpTo), C("as many as", Qualifier.UpTo), C("as much as", Qualifier.UpTo),
        C("as high as", Qualifier.UpTo), C("at most", Qualifier.UpTo), C("a maximum of", Qualifier.UpTo),
        C("less than", Qualifier.LessThan), C("fewer than", Qualifier.LessThan), C("under", Qualifier.LessThan),
        C("below", Qualifier.LessThan), C("lower than", Qualifier.LessThan),
    ];

    /// <summary>Currency signs and codes written before the amount.</summary>
    public static readonly Dictionary<string, string> CurrencyPrefixes = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["US$"] = "USD", ["USD"] = "USD", ["€"] = "EUR", ["EUR"] = "EUR", ["£"] = "GBP", ["GBP"] = "GBP",
        ["¥"] = "JPY", ["JPY"] = "JPY", ["A$"] = "AUD", ["AU$"] = "AUD", ["$A"] = "AUD", ["$US"] = "USD", ["$NZ"] = "NZD", ["$C"] = "CAD", ["HK$"] = "HKD", ["C$"] = "CAD",
        ["NZ$"] = "NZD", ["S$"] = "SGD", ["RM"] = "MYR", ["Rs"] = "INR", ["Rs."] = "INR", ["₹"] = "INR", ["₪"] = "ILS",
        ["NIS"] = "ILS", ["CNY"] = "CNY", ["RMB"] = "CNY", ["INR"] = "INR", ["CAD"] = "CAD", ["AUD"] = "AUD",
        ["₩"] = "KRW", ["₽"] = "RUB", ["₺"] = "TRY", ["₴"] = "UAH", ["₦"] = "NGN", ["₱"] = "PHP", ["฿"] = "THB",
        ["₫"] = "VND", ["₡"] = "CRC", ["₭"] = "LAK", ["₸"] = "KZT", ["₼"] = "AZN", ["₾"] = "GEL", ["R$"] = "BRL",
        // ISO 4217 codes seen in news; codes that are also common capitalised words or names ("ALL", "TOP",
        // "COP" as in COP26, "PHP", "PEN", "MOP", "BAM") are left out
        ["CHF"] = "CHF", ["SEK"] = "SEK", ["NOK"] = "NOK", ["DKK"] = "DKK", ["PLN"] = "PLN", ["CZK"] = "CZK", ["HUF"] = "HUF",
        ["RON"] = "RON", ["RUB"] = "RUB", ["UAH"] = "UAH", ["TRY"] = "TRY", ["BRL"] = "BRL", ["MXN"] = "MXN", ["ARS"] = "ARS",
        ["CLP"] = "CLP", ["ZAR"] = "ZAR", ["KRW"] = "KRW", ["SGD"] = "SGD", ["HKD"] = "HKD", ["NZD"] = "NZD", ["TWD"] = "TWD",
        ["THB"] = "THB", ["IDR"] = "IDR", ["VND"] = "VND", ["MYR"] = "MYR", ["PKR"] = "PKR", ["BDT"] = "BDT", ["LKR"] = "LKR",
        ["KES"] = "KES", ["NGN"] = "NGN", ["EGP"] = "EGP", ["GHS"] = "GHS", ["SAR"] = "SAR", ["AED"] = "AED", ["QAR"] = "QAR",
        ["KWD"] = "KWD", ["ILS"] = "ILS", ["IRR"] = "IRR", ["KZT"] = "KZT",
    };

    /// <summary>Reporting verbs that are also nouns ("Arab states", "the claims", "early estimates").</summary>
    public static readonly HashSet<string> ReportingNounHomographs = new(StringComparer.OrdinalIgnoreCase)
    {
        "state", "states", "claim", "claims", "report", "reports", "estimate", "estimates", "show", "shows",
    };

    /// <summary>Modals and "to" before a reporting word: the report is yet to come ("will report", "to estimate").</summary>
    public static readonly HashSet<string> ModalsBeforeReport = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "would", "could", "should", "may", "might", "must", "shall", "to", "can", "cannot",
    };

    /// <summary>Words after a reporting noun homograph that show it is the noun ("a report seen by", "the estimates of").</summary>
    public static readonly HashSet<string> NounFollowers = new(StringComparer.OrdinalIgnoreCase)
    {
        "seen", "by", "of", "from", "released", "published", "issued", "obtained", "cited", "shows", "showed", "show",
        "said", "says", "found", "finds", "suggests", "suggested", "indicates", "indicated", "estimated", "put",
    };

    /// <summary>Determiners and possessives that make the next word a noun.</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "such", "some", "any", "no",
    };

    /// <summary>Words that open a relative clause.</summary>
    public static readonly HashSet<string> RelativePronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "whom", "who", "whose", "which", "where", "when",
    };

    /// <summary>Words of a time adjunct after or before a reporting verb ("said on Tuesday", "Kirby on Thursday said").</summary>
    public static readonly HashSet<string> TimeAdjunctWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "today", "yesterday", "tonight", "earlier", "later", "late", "last", "this", "in", "at", "during", "recently", "previously",
    };

    /// <summary>Currencies whose amounts are written with a hundredth minor unit ("dollars and 45 cents").</summary>
    public static readonly HashSet<string> MinorUnitCurrencies = new(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "AUD", "CAD", "NZD", "HKD", "SGD", "CHF", "INR", "ILS", "CNY", "MYR", "DKK",
    };

    /// <summary>Names of minor currency units and the share of the major unit each is.</summary>
    public static readonly Dictionary<string, double> MinorUnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cents"] = 0.01, ["cent"] = 0.01, ["pence"] = 0.01, ["penny"] = 0.01, ["p"] = 0.01, ["agorot"] = 0.01, ["paise"] = 0.01,
        ["fen"] = 0.01, ["jiao"] = 0.1, ["mao"] = 0.1,
    };

    /// <summary>Unit words after a number: surface form (lower case) → canonical unit.</summary>
    public static readonly Dictionary<string, string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["%"] = "%", ["percent"] = "%", ["pct"] = "%", ["per cent"] = "%", ["percentage points"] = "percentage point",
        ["percentage point"] = "percentage point", ["basis points"] = "basis point", ["basis point"] = "basis point",
        ["australian dollars"] = "AUD", ["canadian dollars"] = "CAD", ["singapore dollars"] = "SGD", ["hong kong dollars"] = "HKD",
        ["us dollars"] = "USD", ["u.s. dollars"] = "USD", ["danish crowns"] = "DKK", ["danish kroner"] = "DKK", ["swiss francs"] = "CHF",
        ["new shekels"] = "ILS", ["israeli shekels"] = "ILS", ["indian rupees"] = "INR", ["japanese yen"] = "JPY", ["chinese yuan"] = "CNY", ["bps"] = "basis point",
        ["dollars"] = "USD", ["dollar"] = "USD", ["euros"] = "EUR", ["euro"] = "EUR", ["yen"] = "JPY", ["yuan"] = "CNY",
        ["shekels"] = "ILS", ["shekel"] = "ILS", ["rupees"] = "INR", ["rupee"] = "INR", ["ringgit"] = "MYR", ["bucks"] = "USD", ["kuai"] = "CNY", ["renminbi"] = "CNY",
        ["pounds sterling"] = "GBP", ["sterling"] = "GBP", ["cents"] = "cent", ["cent"] = "cent",
        ["people"] = "people", ["persons"] = "people", ["person"] = "people", ["individuals"] = "people",
        ["km"] = "kilometre", ["kilometres"] = "kilometre", ["kilometers"] = "kilometre", ["kilometre"] = "kilometre", ["kilometer"] = "kilometre",
        ["miles"] = "mile", ["mile"] = "mile", ["metres"] = "metre", ["meters"] = "metre", ["metre"] = "metre", ["meter"] = "metre", ["m"] = "metre",
        ["feet"] = "foot", ["foot"] = "foot", ["ft"] = "foot", ["yards"] = "yard", ["yard"] = "yard", ["inches"] = "inch", ["inch"] = "inch",
        ["cm"] = "centimetre", ["mm"] = "millimetre", ["kg"] = "kilogram", ["kilograms"] = "kilogram", ["kilos"] = "kilogram",
        ["grams"] = "gram", ["g"] = "gram", ["tonnes"] = "ton", ["tons"] = "ton", ["tonne"] = "ton", ["ton"] = "ton",
        ["lb"] = "lb", ["lbs"] = "lb", ["litres"] = "litre", ["liters"] = "litre", ["litre"] = "litre", ["liter"] = "litre",
        ["gallons"] = "gallon", ["barrels"] = "barrel", ["acres"] = "acre", ["hectares"] = "hectare",
        ["mph"] = "mile/hour", ["km/h"] = "kilometre/hour", ["kph"] = "kilometre/hour", ["mpg"] = "mile/gallon", ["rpm"] = "rpm",
        ["degrees"] = "degree", ["degree"] = "degree", ["years"] = "year", ["year"] = "year", ["months"] = "month", ["month"] = "month",
        ["weeks"] = "week", ["week"] = "week", ["days"] = "day", ["day"] = "day", ["hours"] = "hour", ["hour"] = "hour",
        ["minutes"] = "minute", ["minute"] = "minute", ["seconds"] = "second", ["second"] = "second",
        ["times"] = "times", ["fold"] = "times",
        ["horsepower"] = "horsepower", ["nm"] = "newton metre", ["gwh"] = "gigawatt hour", ["mwh"] = "megawatt hour",
        ["celsius"] = "celsius", ["fahrenheit"] = "fahrenheit", ["°c"] = "celsius", ["°f"] = "fahrenheit",
        ["degrees celsius"] = "celsius", ["degrees fahrenheit"] = "fahrenheit", ["degrees c"] = "celsius", ["degrees f"] = "fahrenheit",
        ["square feet"] = "square foot", ["square foot"] = "square foot", ["square metres"] = "square metre", ["square meters"] = "square metre",
        ["square miles"] = "square mile", ["square kilometres"] = "square kilometre", ["square kilometers"] = "square kilometre",
        ["sq ft"] = "square foot", ["sq m"] = "square metre", ["sq metre"] = "square metre", ["sq meter"] = "square metre",
        ["sq metres"] = "square metre", ["sq meters"] = "square metre", ["sq km"] = "square kilometre", ["sqm"] = "square metre", ["sqft"] = "square foot", ["cubic feet"] = "cubic foot", ["cubic metres"] = "cubic metre",
        ["nanometers"] = "nanometre", ["nanometres"] = "nanometre", ["nanometer"] = "nanometre", ["millimeters"] = "millimetre",
        ["millimetres"] = "millimetre", ["millimeter"] = "millimetre", ["centimeters"] = "centimetre", ["centimetres"] = "centimetre",
        ["megawatts"] = "megawatt", ["gigawatts"] = "gigawatt", ["kilowatts"] = "kilowatt", ["watts"] = "watt",
        ["gpa"] = "gigapascal", ["mpa"] = "megapascal", ["kpa"] = "kilopascal", ["farads"] = "farad", ["farad"] = "farad",
        ["amps"] = "ampere", ["amperes"] = "ampere", ["volts"] = "volt", ["ounces"] = "ounce", ["oz"] = "ounce", ["pints"] = "pint", ["pint"] = "pint", ["quarts"] = "quart", ["quart"] = "quart", ["gallon"] = "gallon", ["ounce"] = "ounce", ["acre"] = "acre",
        ["″"] = "inch", ["′"] = "foot", ["w"] = "watt", ["mah"] = "milliampere-hour", ["m2"] = "square metre", ["km2"] = "square kilometre", ["v"] = "volt",
        ["points"] = "point", ["point"] = "point", ["pts"] = "point", ["kw"] = "kilowatt", ["mw"] = "megawatt", ["gw"] = "gigawatt", ["kwh"] = "kilowatt hour", ["gb"] = "gigabyte", ["tb"] = "terabyte",
        ["mb"] = "megabyte", ["hz"] = "hertz", ["ghz"] = "gigahertz", ["hp"] = "horsepower", ["bhp"] = "horsepower",
    };

    /// <summary>Canonical time units: a hyphenated "five-year" is a modifier, not a figure.</summary>
    public static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal) { "year", "month", "week", "day", "hour", "minute", "second" };

    /// <summary>Plural nouns of people in casualty and population reports: counted as <c>people</c>.</summary>
    public static readonly HashSet<string> PeopleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "individuals", "civilians", "palestinians", "israelis", "hostages", "captives", "soldiers",
        "troops", "children", "women", "men", "residents", "refugees", "migrants", "fighters", "militants", "victims",
        "casualties", "detainees", "prisoners", "lebanese", "ukrainians", "russians", "syrians", "gazans", "protesters",
    };

    /// <summary>What is counted: cue word (lower case) → canonical measure.</summary>
    public static readonly Cue<string>[] Measures =
    [
        C("taken hostage", "taken hostage"), C("taken captive", "taken hostage"), C("taken as hostages", "taken hostage"),
        C("taken hostages", "taken hostage"), C("abducted", "taken hostage"), C("kidnapped", "taken hostage"), C("seized", "taken hostage"),
        C("still held", "still held"), C("remain in captivity", "still held"), C("still in captivity", "still held"),
        C("death toll", "killed"), C("killed", "killed"), C("killing", "killed"), C("kills", "killed"), C("died", "killed"),
        C("deaths", "killed"), C("death", "killed"), C("dead", "dead"), C("fatalities", "killed"), C("lives", "killed"),
        C("injured", "injured"), C("wounded", "injured"), C("injuring", "injured"), C("wounding", "injured"), C("injuries", "injured"),
        C("displaced", "displaced"), C("missing", "missing"), C("arrested", "arrested"), C("detained", "arrested"),
        C("evacuated", "evacuated"), C("released", "released"), C("freed", "released"),
    ];

    /// <summary>Verbs that attribute a figure to a source ("the ministry said", "a count indicates").</summary>
    public static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "say", "says", "said", "claim", "claims", "claimed", "report", "reports", "reported", "indicate", "indicates",
        "indicated", "show", "shows", "showed", "estimate", "estimates", "estimated", "state", "states", "stated",
        "announce", "announces", "announced", "confirm", "confirms", "confirmed",
        "suggest", "suggests", "suggested", "according",
    };

    /// <summary>Words that end a source noun phrase when walking back from a reporting verb.</summary>
    public static readonly HashSet<string> PhraseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "where", "while", "and", "but", "as", "when", "because", "who", "has", "have", "had", "is", "are",
        "was", "were", "of", "in", "to", "with", "by", "on", "for", "from", "after", "since", "if", "although", "though",
        "it", "he", "she", "they", "we", "i", "you", "than", "so", "or", "now", "also",
    };

    /// <summary>Pronouns: a source that is only a pronoun is not an authority.</summary>
    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "we", "i", "you", "officials", "who", "this", "that",
    };

    /// <summary>Unicode vulgar fractions.</summary>
    public static readonly Dictionary<char, double> VulgarFractions = new()
    {
        ['½'] = 0.5, ['¼'] = 0.25, ['¾'] = 0.75, ['⅓'] = 1 / 3.0, ['⅔'] = 2 / 3.0, ['⅛'] = 0.125, ['⅜'] = 0.375,
        ['⅝'] = 0.625, ['⅞'] = 0.875, ['⅕'] = 0.2,
    };

    /// <summary>Clock suffixes glued to a number ("10.45pm"): a time, not a figure.</summary>
    public static readonly HashSet<string> ClockSuffixes = new(StringComparer.OrdinalIgnoreCase) { "am", "pm", "a.m.", "p.m.", "h", "hrs", "GMT", "UTC" };

    /// <summary>Vague plural amounts ("dozens of", "tens of thousands of"): a range with an about bound.</summary>
    public static readonly Cue<(double Low, double High)>[] VagueAmounts =
    [
        C("hundreds of thousands of", (1e5, 1e6)), C("tens of thousands of", (1e4, 1e5)), C("tens of millions of", (1e7, 1e8)),
        C("hundreds of millions of", (1e8, 1e9)), C("tens of billions of", (1e10, 1e11)), C("hundreds of billions of", (1e11, 1e12)),
        C("dozens of", (12.0, 120.0)), C("scores of", (40.0, 200.0)), C("hundreds of", (100.0, 1000.0)),
        C("thousands of", (1e3, 1e4)), C("millions of", (1e6, 1e7)), C("billions of", (1e9, 1e10)),
    ];

    /// <summary>Words after a number that make it an age ("81-year-old", "aged 81", "81 years old").</summary>
    public static readonly HashSet<string> AgeLeads = new(StringComparer.OrdinalIgnoreCase) { "aged", "age", "ages" };

    /// <summary>Words that cannot start a unit noun after a number.</summary>
    public static readonly HashSet<string> NotUnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was",
        "were", "be", "been", "has", "have", "had", "that", "which", "who", "it", "its", "this", "these", "those", "than",
        "per", "percent", "more", "less", "will", "would", "could", "can", "may", "might", "said", "says", "say", "while",
        "but", "after", "before", "since", "during", "into", "over", "under", "about", "around", "out", "up", "down",
        "last", "next", "other", "others", "each", "all", "both", "times", "we", "they", "he", "she", "i", "you", "so", "percentage",
        "if", "then", "when", "where", "there", "not", "no", "also", "still", "just", "only", "among", "between", "against",
        "through", "off", "yet", "too", "ago", "later", "earlier", "old", "million", "billion", "thousand", "hundred",
    };

    /// <summary>Words before "one" that make it a pronoun, not a count ("no one", "the one").</summary>
    public static readonly HashSet<string> OnePronounLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone", "only", "last", "another",
    };

    /// <summary>Words after "one" that make it a pronoun or an article-like use ("one another", "one day").</summary>
    public static readonly HashSet<string> OnePronounFollows = new(StringComparer.OrdinalIgnoreCase)
    {
        "another", "day", "time", "way", "thing", "side", "hand", "point", "'s", "who", "that", "which", "is", "was",
    };
}
