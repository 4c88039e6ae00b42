namespace Storyline.Language.Quotes;

/// <summary>
/// Cue tables for quotation attribution. The cue-verb approach follows the attribution literature
/// (Pareti, "Attribution: a computational approach", 2015; PolNeAR, Newell et al. LREC 2018): a source, a
/// cue (usually a speech verb) and the content; the word lists are our own.
/// </summary>
internal static class SpeechLexicon
{
    /// <summary>Verbs (all forms used in news) that introduce or close a quotation.</summary>
    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "adding", "stated", "states", "wrote", "writes",
        "replied", "replies", "asked", "asks", "noted", "notes", "argued", "argues", "explained", "explains", "insisted",
        "insists", "warned", "warns", "declared", "declares", "posted", "posts", "tweeted", "tweets", "continued", "continues",
        "acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims", "announced", "announces", "stressed",
        "stresses", "emphasized", "emphasised", "recalled", "recalls", "responded", "responds", "remarked", "observed",
        "conceded", "concedes", "countered", "quipped", "vowed", "vows", "pledged", "urged", "urges", "suggested",
        "suggests", "maintained", "maintains", "asserted", "asserts", "contended", "predicted", "predicts", "repeated",
        "reiterated", "reiterates", "cautioned", "charged", "complained", "described", "describes", "called", "calls",
        "reaffirmed", "reaffirms", "confirmed", "confirms", "agreed", "agrees", "denied", "denies", "boasted", "blasted",
        "wondered", "joked", "exclaimed", "mused", "shouted", "testified", "proclaimed", "promised", "promises",
        "commented", "comments", "tweeting", "posting", "writing", "telling", "according", "reports", "reported",
        "reads", "concluded", "concludes", "ruled", "rules", "announcing", "declaring", "warning", "arguing", "noting", "calling",
    };

    /// <summary>Time words that may close an attribution phrase ("Kirby on Thursday said").</summary>
    public static readonly HashSet<string> TrailingFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "earlier", "later", "this", "last", "week", "month", "morning", "afternoon", "evening", "night",
        "recently", "also", "then", "again", "now",
    };

    /// <summary>Connectives and prepositions that cannot begin a speaker phrase.</summary>
    public static readonly HashSet<string> PhraseLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "as", "and", "but", "so", "then", "after", "following", "at", "for", "while", "when", "to", "in", "on", "by",
        "with", "from", "because", "although", "though", "if", "since", "before", "during", "where", "that", "which",
        "going", "also", "yet", "or", "nor", "of", "into", "about", "whether", "how", "what", "why", "who", "whom",
    };

    /// <summary>Verbs that head the outer reporting clause of a sentence with a partial quote.</summary>
    public static readonly HashSet<string> ReportingVerbsForOuterClause = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "stated", "states", "wrote", "writes", "argued", "argues", "claimed", "claims",
        "insisted", "insists", "warned", "warns", "declared", "declares", "added", "adds", "noted", "notes", "explained",
        "explains", "called", "calls", "calling", "described", "describes", "stressed", "stresses", "reported", "reports",
        "announced", "announces", "tweeted", "posted", "asked", "asks", "vowed", "vows", "pledged", "urged", "urges",
        "predicted", "predicts", "suggested", "suggests", "acknowledged", "admitted", "conceded", "reaffirmed",
        // verbs that label someone or something with the quoted words ("blasted Clinton as a “disgrace”",
        // "accused the North's leader of “fanatic recklessness”"): their subject is the one quoted
        "accused", "accuses", "branded", "brands", "dismissed", "dismisses", "condemned", "condemns", "denounced",
        "denounces", "blasted", "blasts", "slammed", "slams", "labeled", "labelled", "labels", "dubbed", "dubs",
        "praised", "praises", "hailed", "hails", "decried", "decries", "derided", "derides", "mocked", "mocks",
        "chanted", "chant", "chants", "insist", "touted", "touts", "lamented", "laments",
    };

    /// <summary>Speech verbs as participles (", saying, “...”"): they report for the subject of the clause they hang on.</summary>
    public static readonly HashSet<string> SpeechParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "saying", "adding", "telling", "writing", "tweeting", "posting", "noting", "arguing", "warning", "calling",
        "declaring", "announcing", "insisting", "explaining", "stressing", "claiming", "asking", "urging",
    };

    /// <summary>Nouns for what someone said ("Trump's claim that ...", "her remarks"): their owner is the speaker.</summary>
    public static readonly HashSet<string> ClaimNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "claim", "claims", "statement", "statements", "assertion", "assertions", "remark", "remarks", "comment", "comments",
        "words", "promise", "promises", "pledge", "warning", "warnings", "description", "prediction", "tweet", "tweets",
        "post", "speech", "argument", "accusation", "allegation", "vow", "insistence", "declaration",
    };

    /// <summary>Prepositions whose object cannot be the subject of a speech verb.</summary>
    public static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "with", "by", "from", "for", "during", "after", "before", "through", "under", "via", "of", "into",
    };

    /// <summary>Third-person pronouns that stand for a person speaker.</summary>
    public static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "her",
    };

    /// <summary>Plural or neuter pronouns: kept as the speaker's mention, resolved to a preceding group or organisation.</summary>
    public static readonly HashSet<string> OtherPronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "they", "it", "we", "i", "you",
    };

    /// <summary>Head nouns of descriptions of unnamed or institutional speakers.</summary>
    public static readonly HashSet<string> DescriptionHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "officials", "spokesperson", "spokesman", "spokeswoman", "source", "sources", "aide", "aides",
        "diplomat", "diplomats", "adviser", "advisers", "advisor", "advisors", "analyst", "analysts", "expert", "experts",
        "statement", "military", "ministry", "office", "government", "administration", "campaign", "department",
        "spokespeople", "representative", "negotiator", "negotiators", "officer", "officers", "lawmaker", "lawmakers",
        "leader", "leaders", "minister", "president", "secretary", "member", "members", "person", "people", "residents",
        "witness", "witnesses", "critic", "critics", "supporter", "supporters", "house", "council", "army", "police",
    };

    /// <summary>Title and role words that precede a name and are not part of it.</summary>
    public static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "rep.", "representative", "gov.", "governor",
        "gen.", "general", "lt.", "col.", "adm.", "admiral", "chairman", "chairwoman", "chair", "chief", "spokesperson",
        "spokesman", "spokeswoman", "ambassador", "mayor", "judge", "justice", "king", "queen", "prince", "princess",
        "pope", "dr.", "mr.", "mrs.", "ms.", "prof.", "professor", "former", "defense", "defence", "foreign", "state",
        "us", "u.s.", "uk", "israeli", "palestinian", "american", "british", "french", "german", "russian", "chinese",
        "iranian", "egyptian", "qatari", "lebanese", "ukrainian", "national", "security", "adviser", "advisor", "director",
        "speaker", "leader", "house", "white", "council", "department", "ceo", "founder", "commander", "captain", "capt.",
        "sgt.", "maj.", "major", "lieutenant", "colonel", "officer", "official", "envoy", "deputy", "acting", "senior",
        "democratic", "republican", "candidate", "nominee", "staff", "joint", "chiefs", "of", "the", "pentagon", "s",
        "rabbi", "sheikh", "premier", "chancellor", "emir", "sir", "lord", "dame", "analyst", "economist", "editor",
    };

    /// <summary>Words that make a capitalised run an organisation or place, not a person (fallback finder only).</summary>
    public static readonly HashSet<string> NotPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "house", "council", "department", "ministry", "strip", "east", "west", "north", "south", "street", "office",
        "forces", "nations", "states", "union", "party", "committee", "agency", "news", "times", "post", "congress",
        "senate", "court", "army", "bank", "fund", "organization", "organisation", "authority", "center", "centre",
        "university", "airport", "city", "square", "press", "chiefs", "staff", "administration", "government", "republic",
        "kingdom", "bay", "sea", "river", "county", "province", "island", "islands", "hospital", "school", "church",
        "corp", "inc", "group", "company", "association", "institute", "foundation", "network", "media", "tv", "radio",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "a", "an",
        "in", "on", "at", "for", "and", "but", "of", "to", "by", "with", "from", "as", "it", "he", "she", "they", "we",
        "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "what", "when", "while", "after",
        "before", "during", "if", "still", "meanwhile", "however", "also", "key", "points", "related", "topics",
        "israel", "gaza", "hamas", "hezbollah", "washington", "iran", "lebanon", "egypt", "qatar", "turkey", "cairo",
        "doha", "tehran", "jerusalem", "america", "europe", "russia", "china", "ukraine", "x", "us", "u.s.", "uk", "un",
        "u.n.", "eu", "nato", "idf", "pentagon", "capitol", "hill", "middle", "security", "defense", "forces", "war",
    };

    /// <summary>Documents that speak for their issuer ("the statement said"): resolved to who issued them.</summary>
    public static readonly HashSet<string> IssuedDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        "statement", "readout", "release", "press release", "communique", "letter", "memo", "filing",
    };

    /// <summary>Nouns for a news outlet ("the newspaper said"): resolved to the outlet named before.</summary>
    public static readonly HashSet<string> MediaNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "newspaper", "paper", "daily", "outlet", "broadcaster", "network", "news site", "website", "magazine", "agency", "news agency",
    };

    /// <summary>Words in the names of news outlets ("The Washington Post", "Financial Times", "Axios").</summary>
    public static readonly HashSet<string> OutletNameWords = new(StringComparer.Ordinal)
    {
        "Post", "Times", "Journal", "News", "Herald", "Tribune", "Guardian", "Telegraph", "Gazette", "Chronicle", "Observer",
        "Independent", "Monitor", "Mail", "Express", "Globe", "Star", "Press", "Inquirer", "Examiner", "Axios", "Reuters",
        "AP", "AFP", "CNN", "BBC", "NBC", "CBS", "ABC", "Politico", "Bloomberg", "Haaretz", "Economist", "Dispatch", "Courier",
    };
}
