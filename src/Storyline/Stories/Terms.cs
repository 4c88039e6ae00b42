using System.Collections.Frozen;
using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>Word normalisation shared by clustering, summaries and timelines: lower case, light suffix stripping, stop words.</summary>
internal static class Terms
{
    /// <summary>English function words and newsroom filler that say nothing about what an article is about.</summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make",
        "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near", "need", "neither", "new",
        "next", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our",
        "ours", "ourselves", "out", "over", "own", "per", "rather", "said", "same", "say", "says", "see", "seen", "shall",
        "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "told", "too", "two",
        "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
        "yours", "yourself", "yourselves", "s", "t", "n't", "'s", "'re", "'ve", "'ll", "'d", "mr", "mrs", "ms", "dr",
        "according", "added", "says", "saying", "year", "years", "week", "weeks", "day", "days", "month", "months",
        "time", "times", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tomorrow", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "lrb", "rrb", "lsb", "rsb", "lcb", "rcb", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "first", "second", "third", "get", "got", "go", "going", "went", "well", "still", "back", "around", "way",
        "including", "among", "another", "take", "took", "come", "came", "know", "think", "want", "really",
    ], StringComparer.Ordinal);

    /// <summary>Lower-cases a word and strips common inflections, so "attacks" and "attack" meet.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buf = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        int n = 0;
        foreach (char c in word)
        {
            char l = char.ToLowerInvariant(c);
            if (l == '\u2019') l = '\'';
            buf[n++] = l;
        }
        var w = buf[..n];
        // possessive endings
        if (w.EndsWith("'s")) w = w[..^2];
        else if (w.Length > 1 && w[^1] == '\'') w = w[..^1];
        if (w.Length > 4 && w.EndsWith("ies")) return string.Concat(w[..^3], "y");
        if (w.Length > 4 && (w.EndsWith("sses") || w.EndsWith("shes") || w.EndsWith("ches"))) return new string(w[..^2]);
        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) return new string(w[..^1]);
        return new string(w);
    }

    /// <summary>True when the token is a word worth indexing: has a letter, is not a stop word.</summary>
    public static bool IsContentWord(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || token.Length > 40) return false;
        bool letter = false;
        foreach (char c in token)
        {
            if (char.IsLetter(c)) letter = true;
            else if (!(char.IsDigit(c) || c is '-' or '\'' or '\u2019' or '.')) return false;
        }
        return letter;
    }

    /// <summary>Words of a text range as (start, end) pairs: letters, digits and inner hyphens or apostrophes.</summary>
    public static void Words(string text, int start, int end, List<(int Start, int End)> into)
    {
        int i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i])) i++;
            int s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) ||
                               ((text[i] is '-' or '\'' or '\u2019' or '.') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            if (i > s) into.Add((s, i));
        }
    }

    public static bool StartsUpper(ReadOnlySpan<char> w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>Ensures a document has tokens and sentences, computing them when a caller passed a bare article.</summary>
    public static AnnotatedDocument WithSentences(AnnotatedDocument doc)
    {
        if (doc.Sentences.Length > 0 || string.IsNullOrEmpty(doc.Text)) return doc;
        var tokens = doc.Tokens.Length > 0 ? doc.Tokens : Language.Tokenizer.Tokenize(doc.Text);
        return doc with { Tokens = tokens, Sentences = Language.SentenceSplitter.Split(doc.Text, tokens) };
    }
}
