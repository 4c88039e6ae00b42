using FsCheck;
using FsCheck.Fluent;
using Storyline.Language;

namespace Storyline.Tests.Language;

public sealed class TokenizerTests
{
    private static string[] Words(string text) =>
        Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Fact]
    public void KeepsAbbreviationsNumbersAndHyphenatedWordsWhole()
    {
        Words("The U.S. said 1,199 died in the cease-fire talks on Oct. 7.")
            .ShouldBe(["The", "U.S.", "said", "1,199", "died", "in", "the", "cease-fire", "talks", "on", "Oct.", "7", "."]);
    }

    [Fact]
    public void SplitsPossessivesAndNegations()
    {
        Words("Israel\u2019s army doesn't stop.").ShouldBe(["Israel", "\u2019s", "army", "does", "n't", "stop", "."]);
    }

    [Fact]
    public void SentencesDoNotBreakAfterTitlesOrInitials()
    {
        const string text = "Gen. CQ Brown spoke in the U.S. Capitol. He left.\nA new line starts here";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens).Select(s => text[s.Start..s.End]).ToArray();
        sentences.ShouldBe(["Gen. CQ Brown spoke in the U.S. Capitol.", "He left.", "A new line starts here"]);
    }

    [Fact]
    public void TokensNeverOverlapAndStayInsideText()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<string>(s =>
        {
            s ??= "";
            var tokens = Tokenizer.Tokenize(s);
            int last = 0;
            foreach (var t in tokens)
            {
                if (t.Start < last || t.End <= t.Start || t.End > s.Length) return false;
                last = t.End;
            }
            return true;
        }));
    }
}
