namespace Storyline.Language.Entities;

/// <summary>
/// Training sentences in the style of wire-service sports and business pages, generated from templates written for
/// Storyline. The training corpus (Voice of America news and country profiles) has almost no sport, while
/// news wires carry a great deal: capitalised "SOCCER - LEEDS HOLD CHELSEA" headlines, result lines
/// ("Barnsley 2 Norwich 1"), standings tables, tennis and golf scorecards. Without examples the tagger
/// reads a club named after its town as a place or a person, and a company in a market report as a place. The usual news convention (as in the
/// CoNLL-2003 shared task guidelines) is followed: a club is an organisation even when it carries a town's
/// name, a national side is its country (a place), a player is a person, and a competition is MISC.
/// Deterministic for a seed.
/// </summary>
internal static class WirePageSentences
{
    private const int Per = 0, Org = 1, Loc = 2, Misc = 3;

    // Club names as they are written in results: the town alone or the full name.
    private static readonly string[] Clubs =
    [
        "Leeds", "Leeds United", "Chelsea", "Arsenal", "Everton", "Liverpool", "Barnsley", "Norwich", "Ipswich",
        "Wolves", "Bolton", "Southampton", "Sunderland", "Newcastle", "Middlesbrough", "Aston Villa", "Tottenham",
        "West Ham", "Nottingham Forest", "Sheffield Wednesday", "Coventry", "Derby", "Leicester", "Manchester United",
        "Manchester City", "Blackburn", "Wimbledon", "Oldham", "Stoke", "Reading", "Portsmouth", "Celtic", "Rangers",
        "Hearts", "Hibernian", "Aberdeen", "Dundee United", "Motherwell", "Ajax", "PSV Eindhoven", "Feyenoord",
        "Twente", "Vitesse Arnhem", "Bayern Munich", "Borussia Dortmund", "Schalke", "Werder Bremen", "Hamburg",
        "Karlsruhe", "Freiburg", "Juventus", "AC Milan", "Inter Milan", "Lazio", "Roma", "Napoli", "Parma",
        "Fiorentina", "Sampdoria", "Udinese", "Real Madrid", "Barcelona", "Atletico Madrid", "Valencia",
        "Deportivo Coruna", "Sevilla", "Real Betis", "Athletic Bilbao", "Porto", "Benfica", "Sporting",
        "Galatasaray", "Fenerbahce", "Besiktas", "Anderlecht", "Club Brugge", "Standard Liege", "Monaco",
        "Paris St Germain", "Marseille", "Auxerre", "Nantes", "Bordeaux", "Lyon", "Metz", "Lens", "Strasbourg",
        "Rapid Vienna", "Sparta Prague", "Dynamo Kiev", "Spartak Moscow", "Grasshoppers", "Brondby", "Rosenborg",
        "IFK Gothenburg", "Boca Juniors", "River Plate", "Flamengo", "Palmeiras", "Kashima Antlers",
    ];

    // Towns as baseball, basketball and ice hockey results name the home and away teams.
    private static readonly string[] TeamTowns =
    [
        "Seattle", "Texas", "Boston", "Cleveland", "Baltimore", "Detroit", "Toronto", "Kansas City", "Minnesota",
        "Oakland", "California", "Chicago", "New York", "Atlanta", "Houston", "San Diego", "Colorado", "Montreal",
        "St Louis", "Cincinnati", "Pittsburgh", "Philadelphia", "Florida", "Los Angeles", "San Francisco",
        "Milwaukee", "Denver", "Phoenix", "Dallas", "Miami", "Orlando", "Utah", "Portland", "Sacramento",
        "Vancouver", "Calgary", "Edmonton", "Ottawa", "Buffalo",
    ];

    private static readonly string[] Nicknames =
    [
        "Yankees", "Red Sox", "Cubs", "Braves", "Indians", "Mariners", "Rangers", "Orioles", "Dodgers",
        "Cardinals", "Astros", "Padres", "Rockies", "Expos", "Blue Jays", "Tigers", "Royals", "Twins",
        "Athletics", "Bulls", "Lakers", "Celtics", "Knicks", "Cowboys", "Packers", "Bruins", "Canadiens",
    ];

    private static readonly string[] Countries =
    [
        "England", "Scotland", "Wales", "Ireland", "France", "Germany", "Italy", "Spain", "Portugal",
        "Netherlands", "Belgium", "Sweden", "Norway", "Denmark", "Russia", "Ukraine", "Poland", "Czech Republic",
        "Romania", "Bulgaria", "Croatia", "Greece", "Turkey", "Brazil", "Argentina", "Uruguay", "Mexico",
        "United States", "Japan", "China", "South Korea", "Australia", "New Zealand", "South Africa",
        "Nigeria", "Cameroon", "Pakistan", "India", "Sri Lanka", "Zimbabwe", "West Indies", "Kenya", "Morocco",
        "Switzerland", "Austria", "Finland", "Hungary", "Slovakia", "Chile", "Colombia",
    ];

    private static readonly string[] FirstNames =
    [
        "Tony", "Pete", "Andre", "Michael", "Steve", "Paul", "Mark", "John", "David", "Gary", "Alan", "Ian",
        "Carlos", "Jose", "Luis", "Marco", "Roberto", "Paolo", "Jurgen", "Stefan", "Thomas", "Boris", "Goran",
        "Ivan", "Yevgeny", "Marcelo", "Greg", "Wayne", "Shane", "Brian", "Colin", "Ernie", "Nick", "Vijay",
        "Wasim", "Sachin", "Brett", "Mary", "Monica", "Steffi", "Martina", "Arantxa", "Conchita", "Lindsay",
        "Jana", "Iva", "Amanda", "Venus", "Kenji", "Hiroshi", "Olumide", "Kwame", "Haile", "Noureddine",
    ];

    private static readonly string[] Surnames =
    [
        "Yeboah", "Sampras", "Agassi", "Shearer", "McManaman", "Fowler", "Bergkamp", "Zola", "Vialli", "Klinsmann",
        "Ravanelli", "Ronaldo", "Batistuta", "Del Piero", "Baggio", "Hagi", "Stoichkov", "Kafelnikov", "Ivanisevic",
        "Becker", "Stich", "Rios", "Muster", "Norman", "Els", "Montgomerie", "Faldo", "Singh", "Akram", "Younis",
        "Tendulkar", "Lara", "Warne", "Atherton", "Seles", "Graf", "Hingis", "Novotna", "Sanchez Vicario",
        "Martinez", "Davenport", "Majoli", "Coetzer", "Ozaki", "Nakajima", "Okocha", "Gebrselassie", "Morceli",
        "Johnson", "Smith", "Walker", "Hughes", "Keane", "Larsson", "Brolin", "Laudrup", "Schmeichel", "Petrescu",
        "Kovacs", "Novak", "Moreno", "Ferreira", "Dos Santos", "O'Neill", "van der Berg", "De Boer", "Kluivert",
    ];

    private static readonly string[] Competitions =
    [
        "World Cup", "European Cup", "Cup Winners ' Cup", "UEFA Cup", "FA Cup", "Davis Cup", "U.S. Open",
        "Australian Open", "French Open", "Ryder Cup", "Grand Prix", "Olympic Games", "Tour de France",
    ];

    // Companies as business pages write them: the short name, or the name with its legal form.
    private static readonly string[] CompanyNames =
    [
        "Siemens", "Daimler-Benz", "Volkswagen", "BMW", "Bayer", "Hoechst", "BASF", "Deutsche Bank", "Commerzbank",
        "Allianz", "Lufthansa", "Philips", "Unilever", "Royal Dutch", "Shell", "British Petroleum", "BP",
        "British Airways", "British Telecom", "Glaxo Wellcome", "Barclays", "HSBC", "Lloyds", "Rolls-Royce",
        "Nestle", "Novartis", "Roche", "Ericsson", "Volvo", "Nokia", "Fiat", "Olivetti", "Renault", "Peugeot",
        "Alcatel", "Elf Aquitaine", "Toyota", "Honda", "Sony", "Toshiba", "Mitsubishi", "Hitachi", "Nissan",
        "IBM", "Microsoft", "Intel", "Apple", "Boeing", "General Motors", "Ford", "Chrysler", "Exxon", "Mobil",
        "Texaco", "AT&T", "Merck", "Pfizer", "Coca-Cola", "PepsiCo", "Goodyear", "Caterpillar", "Kodak",
        "Hewlett-Packard", "Compaq", "Motorola", "Gazprom", "Petrobras", "Telmex", "Samsung", "Hyundai",
        "Norvale", "Ardent Steel", "Bramwell Foods", "Castellan Mining", "Pellworth", "Tarrant Logistics",
    ];

    private static readonly string[] LegalForms = ["Corp", "Inc", "Co", "Ltd", "Plc", "AG", "SA", "NV", "Group", "Holdings"];

    private static readonly string[] Exchanges = ["Frankfurt", "London", "Paris", "Tokyo", "Zurich", "Milan", "Madrid", "Amsterdam", "Stockholm", "Hong Kong", "Sydney", "Toronto", "New York"];

    private static readonly string[] Sports = ["SOCCER", "TENNIS", "GOLF", "CRICKET", "BASEBALL", "BASKETBALL", "RUGBY UNION", "ICE HOCKEY", "ATHLETICS", "CYCLING"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] WinVerbs = ["beat", "defeated", "overcame", "thrashed", "edged", "crushed", "downed", "stunned"];

    private static readonly string[] HeadlineVerbs = ["BEAT", "HOLD", "SINK", "DOWN", "EDGE", "THRASH", "STUN", "OUST", "TOP", "CRUSH"];

    /// <summary>A sentence being written: words and entity spans.</summary>
    private sealed class Writer
    {
        public readonly List<string> Words = [];
        public readonly List<(int Start, int End, int Type)> Spans = [];
        public bool Upper;

        public Writer W(string text)
        {
            foreach (var w in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Words.Add(Upper ? w.ToUpperInvariant() : w);
            return this;
        }

        public Writer E(string name, int type)
        {
            int start = Words.Count;
            W(name);
            Spans.Add((start, Words.Count, type));
            return this;
        }

        public TrainingSentence Done()
        {
            var labels = new int[Words.Count];
            NerLabels.FromSpans(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Spans), labels);
            return new TrainingSentence([.. Words], labels);
        }
    }

    /// <summary>Generates <paramref name="count"/> sentences, in short "pages" of one sport each.</summary>
    public static List<TrainingSentence> Generate(int count, int seed)
    {
        var rng = new Random(seed * 7919 + 17);
        var result = new List<TrainingSentence>(count);
        while (result.Count < count)
        {
            int page = rng.Next(6);
            int lines = 4 + rng.Next(8);
            for (int k = 0; k < lines && result.Count < count; k++)
            {
                if (k == 1 && rng.Next(3) > 0 && result.Count < count) result.Add(Dateline(rng));
                result.Add(page switch
                {
                    0 => Football(rng, k),
                    1 => Racket(rng, k),
                    2 => TownTeams(rng, k),
                    3 => Internationals(rng, k),
                    4 => Business(rng, k),
                    _ => Scorecard(rng, k),
                });
            }
        }
        return result;
    }

    /// <summary>
    /// The dateline under a wire headline: the town in capitals and the date ("KELSO 1997-03-12"), at times
    /// with the country ("KELSO , Scotland 1997-03-12"). The town is often one the reader has never seen.
    /// </summary>
    private static TrainingSentence Dateline(Random rng)
    {
        var w = new Writer();
        string town = rng.Next(2) == 0 ? Pick(rng, Exchanges) : rng.Next(2) == 0 ? Pick(rng, TeamTowns) : Coined(rng, 2 + rng.Next(2));
        w.E(town.ToUpperInvariant(), Loc);
        if (rng.Next(4) == 0) w.W(",").E(Pick(rng, Countries), Loc);
        return w.W($"{1995 + rng.Next(4)}-{1 + rng.Next(12):00}-{1 + rng.Next(28):00}").Done();
    }

    private static string Pick(Random rng, string[] list) => list[rng.Next(list.Length)];

    private static string Person(Random rng) => rng.Next(4) == 0 ? Surname(rng) : FirstName(rng) + " " + Surname(rng);

    private static string FirstName(Random rng) => rng.Next(2) == 0 ? Pick(rng, FirstNames) : Coined(rng, 2);

    private static string Surname(Random rng) => rng.Next(2) == 0 ? Pick(rng, Surnames) : Coined(rng, 2 + rng.Next(2));

    private static string Club(Random rng) => rng.Next(2) == 0 ? Pick(rng, Clubs) : Coined(rng, 2) + (rng.Next(3) == 0 ? " " + Pick(rng, ClubSuffixes) : "");

    private static readonly string[] ClubSuffixes = ["United", "City", "Rovers", "Athletic", "Town", "Wanderers", "Albion", "FC", "Dynamo"];

    private static readonly string[] Onsets = ["b", "br", "d", "f", "g", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "v", "w", "z", "ch", "sh"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ei"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "k", "m", "t", "nd", "rg"];

    /// <summary>
    /// A made-up name of <paramref name="syllables"/> syllables ("Kadorin", "Velstam"): half the names on a
    /// generated page are such words, so that the tagger learns the page's layout and not a list of names.
    /// </summary>
    private static string Coined(Random rng, int syllables)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < syllables; i++)
        {
            sb.Append(Pick(rng, Onsets)).Append(Pick(rng, Vowels));
            if (i == syllables - 1 || rng.Next(3) == 0) sb.Append(Pick(rng, Codas));
        }
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private static string Score(Random rng) => rng.Next(5).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TrainingSentence Football(Random rng, int line)
    {
        var w = new Writer();
        string a = Club(rng), b = Club(rng);
        if (line == 0)
        {
            w.Upper = true;
            w.W("SOCCER -").E(a, Org).W(Pick(rng, HeadlineVerbs)).E(b, Org);
            if (rng.Next(2) == 0) w.W("IN").E(Pick(rng, Competitions), Misc);
            return w.W(".").Done();
        }
        switch (rng.Next(9))
        {
            case 0: return w.E(a, Org).W(Score(rng)).E(b, Org).W(Score(rng)).Done();
            case 1:
                w.E(a, Org);
                foreach (var n in new[] { 4, 3, 1, 0, 11, 5, 10 }) w.W(((n + rng.Next(9)) % 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return w.Done();
            case 2: return w.E(a, Org).W(Pick(rng, WinVerbs)).E(b, Org).W($"{Score(rng)}-{Score(rng)} on").W(Pick(rng, Days)).W(".").Done();
            case 3: return w.E(Person(rng), Per).W("scored for").E(a, Org).W($"in the {10 + rng.Next(80)}th minute .").Done();
            case 4: return w.E(a, Org).W("striker").E(Person(rng), Per).W("hit the post before").E(b, Org).W("equalised .").Done();
            case 5: return w.E(Person(rng), Per).W("'s goal gave").E(a, Org).W($"a {1 + rng.Next(3)}-0 win over").E(b, Org).W(".").Done();
            case 6: return w.E(a, Org).W("held").E(b, Org).W("to a goalless draw at home on").W(Pick(rng, Days)).W(".").Done();
            case 7: return w.W("Scorers :").E(Person(rng), Per).W($"( {rng.Next(90)} ) ,").E(Person(rng), Per).W($"( {rng.Next(90)} )").Done();
            default: return w.E(a, Org).W("manager").E(Person(rng), Per).W("said his side deserved to reach the").E(Pick(rng, Competitions), Misc).W("final .").Done();
        }
    }

    private static TrainingSentence Racket(Random rng, int line)
    {
        var w = new Writer();
        string p = Person(rng), q = Person(rng);
        if (line == 0)
        {
            w.Upper = true;
            string last = p.Split(' ')[^1], other = q.Split(' ')[^1];
            w.W("TENNIS -").E(last, Per).W(Pick(rng, HeadlineVerbs)).E(other, Per);
            if (rng.Next(2) == 0) w.W("TO REACH").E(Pick(rng, Competitions), Misc).W("FINAL");
            return w.W(".").Done();
        }
        string set = $"{6}-{rng.Next(5)} {rng.Next(5)}-6 {6}-{rng.Next(5)}";
        switch (rng.Next(4))
        {
            case 0: return w.W($"{1 + rng.Next(16)} -").E(p, Per).W("(").E(Pick(rng, Countries), Loc).W(") beat").E(q, Per).W("(").E(Pick(rng, Countries), Loc).W(")").W(set).Done();
            case 1: return w.E(p, Per).W("(").E(Pick(rng, Countries), Loc).W(") beat").E(q, Per).W(set).Done();
            case 2: return w.E(p, Per).W(Pick(rng, WinVerbs)).E(q, Per).W(set).W("at the").E(Pick(rng, Competitions), Misc).W("on").W(Pick(rng, Days)).W(".").Done();
            default: return w.W("Seeded players :").E(p, Per).W(",").E(q, Per).W(", ").E(Person(rng), Per).Done();
        }
    }

    private static TrainingSentence TownTeams(Random rng, int line)
    {
        var w = new Writer();
        string a = Pick(rng, TeamTowns), b = Pick(rng, TeamTowns);
        if (line == 0)
        {
            w.Upper = true;
            return w.W(rng.Next(2) == 0 ? "BASEBALL -" : "BASKETBALL -").E(a, Org).W(Pick(rng, HeadlineVerbs)).E(b, Org).W(".").Done();
        }
        switch (rng.Next(5))
        {
            case 0: return w.E(a, Org).W(Score(rng) + Score(rng)).E(b, Org).W(Score(rng)).Done();
            case 1: return w.E(a + " " + Pick(rng, Nicknames), Org).W(Pick(rng, WinVerbs)).E(b + " " + Pick(rng, Nicknames), Org).W($"{5 + rng.Next(6)}-{rng.Next(5)} on").W(Pick(rng, Days)).W(".").Done();
            case 2: return w.E(Person(rng), Per).W("homered for").E(a, Org).W("in the first inning .").Done();
            case 3: return w.W("At").E(a, Loc).W(",").E(Person(rng), Per).W("pitched a four-hitter as").E(a, Org).W("beat").E(b, Org).W($"{3 + rng.Next(5)}-{rng.Next(3)} .").Done();
            default: return w.E(a, Org).W($"{40 + rng.Next(40)} {30 + rng.Next(40)} .{500 + rng.Next(99)}").Done();
        }
    }

    private static TrainingSentence Internationals(Random rng, int line)
    {
        var w = new Writer();
        string a = Pick(rng, Countries), b = Pick(rng, Countries);
        if (line == 0)
        {
            w.Upper = true;
            return w.W(Pick(rng, Sports) + " -").E(a, Loc).W(rng.Next(2) == 0 ? "WIN BY FIVE WICKETS" : Pick(rng, HeadlineVerbs)).E(b, Loc).W(".").Done();
        }
        switch (rng.Next(4))
        {
            case 0: return w.E(a, Loc).W(Pick(rng, WinVerbs)).E(b, Loc).W($"{Score(rng)}-{Score(rng)} in a").E(Pick(rng, Competitions), Misc).W("qualifier on").W(Pick(rng, Days)).W(".").Done();
            case 1: return w.E(Person(rng), Per).W($"took {2 + rng.Next(5)} wickets for").E(a, Loc).W("as").E(b, Loc).W($"were all out for {100 + rng.Next(200)} .").Done();
            case 2: return w.E(a, Loc).W("coach").E(Person(rng), Per).W("named an unchanged side to face").E(b, Loc).W(".").Done();
            default: return w.E(a, Loc).W(Score(rng)).E(b, Loc).W(Score(rng)).W("( halftime").W($"{rng.Next(2)}-{rng.Next(2)} )").Done();
        }
    }

    private static string Company(Random rng) =>
        (rng.Next(3) == 0 ? Coined(rng, 2 + rng.Next(2)) : Pick(rng, CompanyNames)) + (rng.Next(3) == 0 ? " " + Pick(rng, LegalForms) : "");

    private static TrainingSentence Business(Random rng, int line)
    {
        var w = new Writer();
        string c = Company(rng), d = Company(rng), city = Pick(rng, Exchanges);
        if (line == 0)
        {
            w.Upper = true;
            return w.E(c.Split(' ')[0], Org).W(rng.Next(2) == 0 ? "NET PROFIT RISES" : "SHARES FALL IN").E(city, Loc).W(".").Done();
        }
        switch (rng.Next(7))
        {
            case 0: return w.W("Shares in").E(c, Org).W($"rose {1 + rng.Next(9)} percent in").E(city, Loc).W("after the company raised its forecast .").Done();
            case 1: return w.E(c, Org).W($"said on {Pick(rng, Days)} its net profit rose to {10 + rng.Next(900)} million marks .").Done();
            case 2: return w.E(c, Org).W("agreed to buy").E(d, Org).W($"for {1 + rng.Next(9)} billion dollars , the companies said .").Done();
            case 3: return w.E(c, Org).W("chief executive").E(Person(rng), Per).W("told reporters in").E(city, Loc).W("that sales would grow .").Done();
            case 4: return w.E(c, Org).W($"{10 + rng.Next(90)}.{rng.Next(100):00} +{rng.Next(3)}.{rng.Next(100):00}").Done();
            case 5: return w.W("Analysts at").E(c, Org).W("expect").E(d, Org).W("to cut jobs .").Done();
            default: return w.W($"{city} -").E(c, Org).W("said it would close two plants in").E(Pick(rng, Countries), Loc).W(".").Done();
        }
    }

    private static TrainingSentence Scorecard(Random rng, int line)
    {
        var w = new Writer();
        if (line == 0)
        {
            w.Upper = true;
            return w.W(rng.Next(2) == 0 ? "GOLF -" : "ATHLETICS -").E(Surname(rng), Per).W("LEADS IN").E(Pick(rng, Countries), Loc).W(".").Done();
        }
        switch (rng.Next(3))
        {
            case 0: return w.E(Person(rng), Per).W("(").E(Pick(rng, Countries), Loc).W($") {65 + rng.Next(8)} {65 + rng.Next(8)} {65 + rng.Next(8)}").Done();
            case 1: return w.W($"{1 + rng.Next(8)}.").E(Person(rng), Per).W("(").E(Pick(rng, Countries), Loc).W($") {9 + rng.Next(2)}.{rng.Next(100):00} seconds").Done();
            default: return w.E(Person(rng), Per).W($"{rng.Next(3)}:{rng.Next(60):00}:{rng.Next(60):00}").Done();
        }
    }
}
