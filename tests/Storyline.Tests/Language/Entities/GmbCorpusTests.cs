using Shouldly;
using Storyline.Language.Entities;

namespace Storyline.Tests.Language.Entities;

/// <summary>How the training corpus's annotation conventions are mapped before training (invented sentences).</summary>
public sealed class GmbCorpusTests
{
    private static (int Start, int End, string Type)[] Spans(string text, string tags)
    {
        var spans = GmbCorpus.Spans(text.Split(' '), tags.Split(' '));
        return [.. spans.Select(s => (s.Start, s.End, NerLabels.TypeName(s.Type)))];
    }

    [Fact]
    public void TitlesLeavePersonNames() =>
        Spans("President Anna Kovac spoke", "B-per I-per I-per O").ShouldBe([(1, 3, "PER")]);

    [Fact]
    public void ABareTitleIsNotAName() =>
        Spans("Prime Minister Anna Kovac spoke", "B-per O B-per I-per O").ShouldBe([(2, 4, "PER")]);

    [Theory]
    [InlineData("Mr. Kovac said", "B-per B-org O")]
    [InlineData("Mrs. Kovac said", "B-per B-geo O")]
    [InlineData("Dr. Kovac said", "O B-org O")]
    public void ANameAfterAnHonorificIsAPersonWhateverTheSilverTagSays(string text, string tags) =>
        Spans(text, tags).ShouldBe([(1, 2, "PER")]);

    [Fact]
    public void AnOrganisationAfterOtherWordsKeepsItsType() =>
        Spans("Kovac left Dunmore Bank", "B-per O B-org I-org").ShouldBe([(0, 1, "PER"), (2, 4, "ORG")]);

    [Fact]
    public void NationalitiesAreMisc() =>
        Spans("the Ruritanian envoy", "O B-gpe O").ShouldBe([(1, 2, "MISC")]);
}
