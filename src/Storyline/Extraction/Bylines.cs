using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>
/// Keeps only people in a byline: "By Jane Doe and John Roe, Staff Writers" → "Jane Doe, John Roe";
/// "Reuters", "Staff", "News Desk" or a site name → nothing.
/// </summary>
internal static partial class Bylines
{
    /// <summary>Words that mark an organisation, a desk or a role rather than a person's name.</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "news", "desk", "editor", "editors", "editorial", "team", "bureau", "agency", "agencies",
        "press", "reuters", "associated", "afp", "ap", "online", "media", "newsroom", "correspondent",
        "writer", "writers", "reporter", "reporters", "contributor", "contributors", "wire", "wires", "service",
        "services", "admin", "administrator", "web", "digital", "board", "group", "inc", "ltd", "llc", "network",
        "magazine", "times", "post", "journal", "daily", "tribune", "herald", "guardian", "bbc", "cnn", "pti",
        "ians", "ani", "dpa", "xinhua", "tass", "report", "sports", "politics", "business", "world", "opinion",
        "updated", "published", "photo", "photos", "video", "more", "about", "follow", "view", "all", "posts",
        "senior", "chief", "special", "associate", "contributing", "managing", "political", "international",
    };

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\||/|\u2022|\n)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:by|written by|words by|story by|reported by|author:?)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    public static string? People(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline) || byline.Length > 300) return null;
        var names = new List<string>();
        foreach (var part in Separators().Split(ByPrefix().Replace(byline.Trim(), "")))
        {
            var name = ByPrefix().Replace(part.Trim(), "").Trim(' ', '.', ':', '-');
            if (name.Length > 0 && name.ToUpperInvariant() == name) name = TitleCase(name);
            if (IsPersonName(name) && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>"TOM KRISHER" → "Tom Krisher" (bylines set in capitals).</summary>
    private static string TitleCase(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (start && char.IsLetter(chars[i])) chars[i] = char.ToUpperInvariant(chars[i]);
            start = chars[i] is ' ' or '-' or '\'' or '.';
        }
        return new string(chars);
    }

    private static bool IsPersonName(string name)
    {
        if (name.Length is < 4 or > 60) return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5) return false;
        foreach (var w in words)
        {
            if (!char.IsUpper(w[0])) return w is "de" or "van" or "von" or "der" or "la" or "le" or "da" or "del" or "bin" or "al" or "ibn";
            foreach (char c in w)
            {
                if (char.IsDigit(c) || c is '@' or ':' or '/' or '(' or ')') return false;
            }
            if (NotNameWords.Contains(w.Trim('.', ','))) return false;
        }
        return true;
    }
}
