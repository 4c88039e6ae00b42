using System.Collections.Frozen;

namespace Storyline.Language.Entities;

/// <summary>
/// Words that title a person ("President", "Gen.", "Prime Minister") and the words that make up longer
/// roles ("White House national security spokesperson"). Titles are not part of a name: they become the
/// person's role. Used both to clean training data and to split titles off names when tagging.
/// </summary>
public static class PersonTitles
{
    /// <summary>Title words that can stand directly before a name (case-sensitive, as written in news text).</summary>
    public static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Professor",
        "President", "president", "President-elect", "Vice", "vice", "Prime", "Minister", "minister",
        "General", "Gen.", "Secretary", "Secretary-General", "secretary", "Senator", "Sen.", "Rep.", "Representative",
        "Congressman", "Congresswoman", "King", "Queen", "Pope", "Chancellor", "Premier", "Governor", "Gov.",
        "Mayor", "Judge", "Justice", "Ambassador", "Envoy", "envoy", "Prince", "Princess", "Crown", "Sheikh",
        "Ayatollah", "Grand", "Cardinal", "Archbishop", "Bishop", "Rev.", "Reverend", "Father", "Lord", "Sir",
        "Dame", "Colonel", "Col.", "Lieutenant", "Lt.", "Major", "Maj.", "Captain", "Capt.", "Admiral", "Adm.",
        "Sergeant", "Sgt.", "Commander", "Cmdr.", "Chief", "Deputy", "deputy", "Acting", "Speaker", "Chairman",
        "Chairwoman", "Chair", "Mullah", "Emir", "Sultan", "Prophet", "Attorney", "Foreign", "Defense", "Defence",
        "Interior", "Finance", "Trade", "Justice", "Energy", "Health", "Education", "Agriculture", "Economy",
        "Information", "Labor", "Labour", "Treasury", "Homeland", "Security", "National", "Former", "former",
        "Senior", "Supreme", "Leader", "Spokesman", "Spokeswoman", "Spokesperson", "Director", "Commissioner",
        "Pastor", "Imam", "Rabbi", "Sheik", "Ex-President", "Opposition", "opposition", "leader", "PM", "Adviser", "Advisor",
        "State",
        // the same titles written without the full stop, as British papers do
        "Rev", "Revd", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt", "Cpl", "Det", "Insp", "Supt", "Cllr", "Fr", "Mx", "Mx.",
    ], StringComparer.Ordinal);

    /// <summary>Courtesy titles: they stand before a person's name and are no role ("Mr. Putin").</summary>
    public static readonly FrozenSet<string> Courtesy = FrozenSet.ToFrozenSet(
        ["Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Mx.", "Mx"], StringComparer.Ordinal);

    /// <summary>A courtesy title or "Dr": words that only ever precede a person's name, never sit inside one.</summary>
    public static bool IsHonorific(string word) => Courtesy.Contains(word) || word is "Dr." or "Dr";

    /// <summary>Words that may follow a title inside a longer title ("Secretary of State").</summary>
    private static readonly HashSet<string> TitleLinks = new(StringComparer.Ordinal) { "of", "State", "General", "the" };

    /// <summary>Head nouns of a role written in lower case before a name ("spokesperson John Kirby").</summary>
    public static readonly FrozenSet<string> RoleHeads = FrozenSet.ToFrozenSet(
    [
        "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor", "secretary", "minister", "president",
        "leader", "chief", "official", "director", "ambassador", "envoy", "negotiator", "commander", "general",
        "prosecutor", "chairman", "chairwoman", "chair", "senator", "lawmaker", "congressman", "congresswoman",
        "governor", "mayor", "premier", "chancellor", "king", "queen", "prince", "coordinator", "analyst",
        "expert", "correspondent", "reporter", "editor", "founder", "ceo", "executive", "head", "deputy",
        "representative", "candidate", "nominee", "strategist", "diplomat", "officer", "admiral", "colonel",
        "captain", "lieutenant", "sergeant", "judge", "justice", "attorney", "lawyer", "professor", "researcher",
        "fellow", "economist", "activist", "commentator", "aide", "counsel", "speaker", "emir", "sheikh",
        "cleric", "ayatollah", "pope", "cardinal", "bishop", "rabbi", "imam", "mr.", "mrs.", "ms.", "dr.",
        "gen.", "sen.", "rep.", "gov.", "col.", "lt.", "capt.", "maj.", "adm.", "prof.", "rev.", "sgt.",
        "spokesperson", "staff", "sergeant", "militant", "commissioner", "inspector", "superintendent", "pm",
        "engineer", "scientist", "doctor", "physician", "surgeon", "nurse", "teacher", "student", "resident",
        "witness", "survivor", "farmer", "worker", "owner", "manager", "pilot", "soldier", "investigator",
        "historian", "author", "writer", "journalist", "photographer", "producer", "actor", "actress", "singer",
        "player", "coach", "captain", "striker", "goalkeeper", "architect", "consultant", "specialist", "partner",
        "president-elect", "secretary-general", "vice-president", "mediator", "observer", "monitor", "organiser",
        "organizer", "volunteer", "campaigner", "protester", "lobbyist", "banker", "trader", "broker", "founder",
        "chairperson", "treasurer", "auditor", "regulator", "ombudsman", "magistrate", "policeman", "policewoman",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case words that can sit inside a role before its head ("national security", "state department").</summary>
    public static readonly FrozenSet<string> RoleModifiers = FrozenSet.ToFrozenSet(
    [
        "national", "security", "foreign", "defense", "defence", "interior", "finance", "state", "department",
        "senior", "former", "deputy", "vice", "acting", "chief", "top", "prime", "general", "military", "political",
        "press", "communications", "strategic", "affairs", "policy", "intelligence", "homeland", "health",
        "justice", "trade", "energy", "economic", "assistant", "principal", "special", "presidential", "first",
        "lady", "house", "white", "joint", "staff", "of", "the", "majority", "minority", "opposition", "party",
        "regional", "local", "police", "army", "navy", "air", "force", "naval", "israeli", "american", "us",
        "u.s.", "white", "middle", "east", "ministry", "government", "administration", "campaign", "senate",
        "congressional", "democratic", "republican", "hamas", "hezbollah", "un", "u.n.", "eu", "nato", "idf",
        "spokesperson", "spokesman", "general", "attorney", "defense", "secretary", "minister", "cabinet",
        "council", "committee", "intelligence", "agency", "court", "criminal", "international", "supreme",
        "prosecutor", "prosecutors", "negotiator", "negotiators", "political", "bureau", "wing", "armed", "forces",
        "elect", "designate", "interim", "caretaker", "longtime", "veteran", "retired", "ex",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Titles that, inside an organisation-looking span, mark the start of a person's name after them
    /// ("EU Commission President Jose Manuel Barroso", "PM Netanyahu"); words like "General" or "Justice"
    /// are left out because they also start organisation names ("General Assembly", "Justice Department").
    /// </summary>
    public static readonly FrozenSet<string> PersonHeads = FrozenSet.ToFrozenSet(
    [
        "President", "Vice-President", "President-elect", "Minister", "Secretary", "Secretary-General", "Adviser",
        "Advisor", "Chancellor", "Premier", "PM", "Gen.", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador",
        "Envoy", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Mayor", "Chairman", "Chairwoman", "Director",
        "Commander", "Col.", "Lt.", "Capt.", "Adm.", "Sgt.", "Maj.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Rev.", "Revd", "Col", "Lt", "Capt", "Sgt", "Insp", "Supt", "Cllr",
    ], StringComparer.Ordinal);

    /// <summary>Head nouns of organisation and place names: never the first word of a person's name.</summary>
    public static readonly FrozenSet<string> OrganisationHeads = FrozenSet.ToFrozenSet(
    [
        "Assembly", "Council", "Department", "Ministry", "Court", "Party", "Office", "Committee", "Commission",
        "Agency", "Bank", "Forces", "Force", "Army", "Navy", "Guard", "Corps", "Command", "Authority", "Board",
        "Bureau", "Service", "Services", "Administration", "Government", "Parliament", "Congress", "Senate",
        "House", "Union", "Organization", "Organisation", "Association", "Federation", "Fund", "Group", "Company",
        "Corporation", "Institute", "University", "School", "Hospital", "Police", "Staff", "Chiefs", "Cabinet",
        "Secretariat", "Tribunal", "Prize", "Foundation", "Center", "Centre", "Movement", "Front", "Alliance",
        "League", "Council's", "Embassy", "Consulate", "Mission", "Republic", "Kingdom", "State", "States",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// How many leading words of a person span are title words ("Prime Minister Benjamin Netanyahu" → 2;
    /// "Secretary of State Antony Blinken" → 3). Never the whole span: at least one word stays a name.
    /// </summary>
    public static int LeadingTitleCount(IReadOnlyList<string> words, int start, int end)
    {
        // a title may run over linking words ("Secretary of State"), but only up to a title word
        int k = start, lastTitle = start;
        while (k < end - 1)
        {
            var w = words[k];
            if (IsTitle(w)) lastTitle = ++k;
            else if (k > start && TitleLinks.Contains(w)) k++;
            else break;
        }
        return lastTitle - start;
    }
}
