using Storyline.Extraction;
using Storyline.Extraction.Text;
using Storyline.Sources;

namespace Storyline.Tests.Extraction;

public sealed class TreebankEscapesTests
{
    [Theory]
    [InlineData("The Drug Enforcement Agency -LRB- DEA -RRB- said .", "The Drug Enforcement Agency ( DEA ) said .")]
    [InlineData("-LSB- sic -RSB- and -LCB- x -RCB-", "[ sic ] and { x }")]
    [InlineData("Jackson -LRB- pictured -RRB-, 50, died", "Jackson ( pictured ), 50, died")]
    [InlineData("a code X-LRB-7 and -LRBX- stay", "a code X-LRB-7 and -LRBX- stay")]
    [InlineData("no escapes here", "no escapes here")]
    public void BracketEscapesBecomeBrackets(string input, string expected) =>
        TreebankEscapes.Undo(input).ShouldBe(expected);

    [Fact]
    public void PlainTextArticlesLoseTheEscapesAndTheirNamesStayClean()
    {
        var raw = new RawDocument
        {
            Id = "wire",
            Source = "wire.txt",
            Kind = ContentKind.Text,
            Text = "The Drug Enforcement Agency -LRB- DEA -RRB- said on Monday that the clinic in Ardmore had shut.\n\n"
                 + "Agents -LRB- two of them from Denver -RRB- searched the building, the agency said.",
        };
        var article = ArticleExtractor.Default.Extract(raw);
        article.Text.ShouldNotContain("LRB");
        article.Text.ShouldContain("Agency ( DEA ) said");
    }
}
