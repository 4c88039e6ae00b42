namespace Storyline.Language;

/// <summary>Abbreviations whose final period does not end a sentence.</summary>
public static class Abbreviations
{
    // Titles, months, and common news abbreviations. Dotted initialisms ("U.S.", "U.N.") are recognised by shape.
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Adm.", "Cmdr.",
        "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Pres.", "Supt.", "St.", "Sr.", "Jr.", "Ft.", "Mt.", "No.", "Nos.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun.",
        "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "Dept.", "Univ.", "Assn.", "Ave.", "Blvd.", "Rd.",
        "vs.", "etc.", "approx.", "est.", "e.g.", "i.e.", "a.m.", "p.m.", "lb.", "lbs.", "oz.", "ft.", "in.", "mi.", "km.",
        "Ariz.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.",
        "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Tex.", "Va.", "Vt.",
        "Wash.", "Wis.", "Wyo.",
    };

    /// <summary>Abbreviations that are titles before a name (never sentence ends).</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Adm.", "Cmdr.",
        "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Pres.", "Supt.", "St.", "Ft.", "Mt.", "No.",
    };

    public static bool IsAbbreviation(ReadOnlySpan<char> withPeriod)
    {
        if (withPeriod.Length >= 2 && IsDottedInitialism(withPeriod)) return true;
        var lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(withPeriod);
    }

    public static bool IsTitle(ReadOnlySpan<char> withPeriod) => Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(withPeriod);

    /// <summary>"U.S.", "U.N.", "D.C.", a single initial "J."</summary>
    public static bool IsDottedInitialism(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[^1] != '.') return false;
        for (int i = 0; i < s.Length; i++)
        {
            bool letterSlot = i % 2 == 0;
            if (letterSlot ? !char.IsLetter(s[i]) : s[i] != '.') return false;
        }
        return s.Length % 2 == 0;
    }
}
