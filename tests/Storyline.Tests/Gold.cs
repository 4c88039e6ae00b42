using System.Text;
using System.Text.Json;

namespace Storyline.Tests;

/// <summary>The reference corpus and its reviewer's answers (read from ../shared, never copied).</summary>
public static class Gold
{
    public static string CorpusDir => SharedData.Require("corpus/ceasefire");

    public static string Articles => Path.Combine(CorpusDir, "articles");

    public static string Meta => Path.Combine(CorpusDir, "meta.jsonl");

    public static JsonElement Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDir, "gold.json")));
        return doc.RootElement.Clone();
    }

    /// <summary>gold.json's matching rule: case-insensitive after folding curly quotes and dashes to ASCII.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            char d = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u00A0' or '\u2009' or '\u202F' => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(d))
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            space = false;
            sb.Append(d);
        }
        return sb.ToString().Trim();
    }
}
