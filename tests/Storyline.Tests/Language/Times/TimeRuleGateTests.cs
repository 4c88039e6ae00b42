using System.IO.Compression;
using System.Text.Json;
using Storyline.Language.Times;

namespace Storyline.Tests.Language.Times;

/// <summary>
/// The time tagger skips a rule over a document that lacks the rule's trigger words or witness pattern.
/// That is only sound if every match of the rule contains a trigger word and a witness match, and (as the
/// tagger scans only windows around trigger words) reaches no further than <see cref="TimeTagger.MatchReach"/>
/// from one: these tests check it on every match found in phrases of each rule's kind and in shared news text.
/// </summary>
public sealed class TimeRuleGateTests
{
    // at least one phrase per gated rule, so each gate is checked against real matches
    private static readonly string[] Phrases =
    [
        "On Tuesday, March 5, 2024 and late June 3 2021 the 3rd of June 2020 and June the twenty-first, 2019.",
        "Talks began 4 January 2023, resumed 12 Feb. and again in mid-April 2022; by Sept. 9 it was over.",
        "Early July next year, in December, summer of 2019 and early winter 2020.",
        "Two days ago, a few weeks from now, the past three months and last week; the first week of 2015.",
        "The 20th of next month, the first Monday of next month and the second Tuesday in March 2024.",
        "In the 1990s and the '80s, in the 19th century, at 3 p.m. GMT, 1430 hrs, at 09:30 UTC.",
        "Once a week, every Monday, monthly, at noon, recently, in the near future, Q3 2024 and H1.",
        "The first quarter of 2023, for three consecutive years, all day, for years, a decades-long feud.",
        "Yesterday morning, this weekend, last Friday night, on 12/25 and 2024/05/06, 2023-11, tonight.",
        "In week 12, the rest of the week, the next day and the week after next; the nineteen eighties and the fifties.",
        "On Friday the 13th, the first Sunday, 2019/sep/01, 2016 June, last sept, Oct-2, May twenty one and the third week of this month.",
    ];

    [Fact]
    public void EveryMatchOfAGatedRuleHoldsItsTriggerAndWitnessInPhrases()
    {
        int checkedMatches = CheckGates(Phrases);
        checkedMatches.ShouldBeGreaterThan(40);
    }

    [SkippableFact]
    public void EveryMatchOfAGatedRuleHoldsItsTriggerAndWitnessInNews()
    {
        var path = SharedData.Require("data/tls-t17/news-tls-format/haiti/articles.preprocessed.jsonl.gz");
        var texts = new List<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            for (string? line; texts.Count < 150 && (line = reader.ReadLine()) is not null;)
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } s) texts.Add(s);
            }
        }
        CheckGates(texts).ShouldBeGreaterThan(100);
    }

    private static int CheckGates(IEnumerable<string> texts)
    {
        int n = 0;
        foreach (var text in texts)
            foreach (var rule in TimeTagger.Rules)
            {
                if (rule.Trigger is null && rule.Witness is null) continue;
                for (var m = rule.Pattern.Match(text); m.Success; m = m.NextMatch(), n++)
                {
                    if (rule.Trigger is { } trigger)
                    {
                        m.ValueSpan.ContainsAny(trigger).ShouldBeTrue($"{rule.Kind} matched '{m.Value}' without a trigger word");
                        // the tagger scans only a window around each trigger: the match must fit in it
                        bool inReach = false;
                        for (int o = m.ValueSpan.IndexOfAny(trigger); o >= 0 && !inReach;)
                        {
                            inReach = o <= TimeTagger.MatchReach && m.Length - o <= TimeTagger.MatchReach;
                            int next = m.ValueSpan[(o + 1)..].IndexOfAny(trigger);
                            o = next < 0 ? -1 : o + 1 + next;
                        }
                        inReach.ShouldBeTrue($"{rule.Kind} matched '{m.Value}' too far from its trigger");
                    }
                    if (rule.Witness is { } witness)
                        witness.IsMatch(m.Value).ShouldBeTrue($"{rule.Kind} matched '{m.Value}' without its witness");
                }
            }
        return n;
    }
}
