using Storyline.Language.Entities;

namespace Storyline.Tests.Language.Entities;

/// <summary>
/// The generated sports and business training lines, and what the shipped model learnt from them, checked
/// on invented wire lines whose clubs, players and companies are in none of the generator's lists.
/// </summary>
public sealed class WirePageTests
{
    [Fact]
    public void GenerationIsDeterministicAndLabelsAreWellFormed()
    {
        var a = WirePageSentences.Generate(500, seed: 1);
        var b = WirePageSentences.Generate(500, seed: 1);
        var c = WirePageSentences.Generate(500, seed: 2);
        a.Count.ShouldBe(500);
        a.Select(s => string.Join(' ', s.Words)).ShouldBe(b.Select(s => string.Join(' ', s.Words)));
        a.Select(s => string.Join(' ', s.Words)).ShouldNotBe(c.Select(s => string.Join(' ', s.Words)));
        foreach (var s in a)
        {
            s.Labels.Length.ShouldBe(s.Words.Length);
            s.Words.ShouldAllBe(w => w.Length > 0 && !w.Contains(' '));
            for (int i = 0; i < s.Labels.Length; i++)
            {
                int prev = i == 0 ? NerLabels.O : s.Labels[i - 1];
                NerLabels.Allowed(prev, s.Labels[i], nextIsLast: i == s.Labels.Length - 1).ShouldBeTrue(string.Join(' ', s.Words));
            }
        }
        // every kind of page and every type occurs: clubs, players, countries, competitions, companies
        var types = a.SelectMany(s => s.Labels).Where(l => l != NerLabels.O).Select(NerLabels.TypeOf).Distinct().Order();
        types.ShouldBe([0, 1, 2, 3]);
        a.ShouldContain(s => s.Words.All(w => w == w.ToUpperInvariant()) && s.Labels.Any(l => l != NerLabels.O));
    }

    [Theory]
    [InlineData("Gillingham 1 Bradford 2", "Gillingham", "ORG")]
    [InlineData("Gillingham 1 Bradford 2", "Bradford", "ORG")]
    [InlineData("Crewe Alexandra beat Tranmere Rovers 3-1 on Tuesday .", "Tranmere Rovers", "ORG")]
    [InlineData("Cedric Pioline ( France ) beat Jonas Bjorkman ( Sweden ) 7-5 6-2", "Jonas Bjorkman", "PER")]
    [InlineData("Cedric Pioline ( France ) beat Jonas Bjorkman ( Sweden ) 7-5 6-2", "Sweden", "LOC")]
    [InlineData("Minnesota 6 Milwaukee 2", "Milwaukee", "ORG")]
    [InlineData("Shares in Metallgesellschaft fell 3 percent in Frankfurt .", "Metallgesellschaft", "ORG")]
    [InlineData("Shares in Metallgesellschaft fell 3 percent in Frankfurt .", "Frankfurt", "LOC")]
    public void WireLinesWithUnseenNamesGetTheUsualTypes(string line, string name, string type)
    {
        var words = line.Split(' ');
        var tags = EntityTagger.Default.TagTokens(words);
        var entities = new List<(string Text, string Type)>();
        for (int i = 0; i < words.Length; i++)
        {
            if (!tags[i].StartsWith("B-", StringComparison.Ordinal)) continue;
            int j = i + 1;
            while (j < words.Length && tags[j] == "I-" + tags[i][2..]) j++;
            entities.Add((string.Join(' ', words[i..j]), tags[i][2..]));
        }
        entities.ShouldContain((name, type), string.Join(", ", entities));
    }
}
