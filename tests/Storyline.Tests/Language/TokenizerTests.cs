using FsCheck;
using FsCheck.Fluent;
using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Tests.Language;

public sealed class TokenizerTests
{
    private static string[] Words(string text) =>
        Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return SentenceSplitter.Split(text, tokens).Select(s => text[s.Start..s.End]).ToArray();
    }

    [Fact]
    public void KeepsAbbreviationsNumbersAndHyphenatedWordsWhole()
    {
        Words("The U.S. said 1,199 died in the cease-fire talks on Oct. 7.")
            .ShouldBe(["The", "U.S.", "said", "1,199", "died", "in", "the", "cease-fire", "talks", "on", "Oct.", "7", "."]);
    }

    [Fact]
    public void SplitsCurrencyLettersFromTheAmountAfterADollarSign()
    {
        Words("worth $US55,931,000 ($A82,615,680), not A380s or B52s")
            .ShouldBe(["worth", "$", "US", "55,931,000", "(", "$", "A", "82,615,680", ")", ",", "not", "A380s", "or", "B52s"]);
    }

    [Fact]
    public void KeepsDecimalsTimesAndMixedTokensWhole()
    {
        Words("At 10:30 a.m. the F-16 jets dropped $2.5 million worth of 2,000-lb bombs (40%).")
            .ShouldBe(["At", "10:30", "a.m.", "the", "F-16", "jets", "dropped", "$", "2.5", "million", "worth", "of",
                "2,000-lb", "bombs", "(", "40", "%", ")", "."]);
    }

    [Fact]
    public void SplitsPossessivesAndNegations()
    {
        Words("Israel\u2019s army doesn't stop.").ShouldBe(["Israel", "\u2019s", "army", "does", "n't", "stop", "."]);
    }

    [Fact]
    public void SplitsAPossessiveApostropheAfterSButKeepsClosingQuotes()
    {
        var text = "The rebels\u2019 demands and the \u2018talks\u2019 went on.";
        Words(text).ShouldBe(["The", "rebels", "\u2019", "demands", "and", "the", "\u2018", "talks", "\u2019", "went", "on", "."]);
        var tokens = Tokenizer.Tokenize(text);
        tokens[2].Kind.ShouldBe(TokenKind.Word);   // possessive
        tokens[8].Kind.ShouldBe(TokenKind.Quote);  // closing quote after "talks"
    }

    [Fact]
    public void KeepsEllipsesAsOneToken()
    {
        Words("Wait... then go\u2026").ShouldBe(["Wait", "...", "then", "go", "\u2026"]);
    }

    [Fact]
    public void SentencesDoNotBreakAfterTitlesOrInitials()
    {
        Sentences("Gen. CQ Brown spoke in the U.S. Capitol. He left.\nA new line starts here")
            .ShouldBe(["Gen. CQ Brown spoke in the U.S. Capitol.", "He left.", "A new line starts here"]);
    }

    [Fact]
    public void DatesWithAbbreviatedMonthsStayInOneSentence()
    {
        Sentences("The raid came on Oct. 7 and the talks on Dec. 12. Then the envoy, Mr. Lee, flew home.")
            .ShouldBe(["The raid came on Oct. 7 and the talks on Dec. 12.", "Then the envoy, Mr. Lee, flew home."]);
    }

    [Fact]
    public void ACountryInitialismCanEndASentence()
    {
        Sentences("The envoy flew back to the U.S. The talks resume Monday.")
            .ShouldBe(["The envoy flew back to the U.S.", "The talks resume Monday."]);
    }

    [Fact]
    public void ClosingQuotesStayWithTheirSentenceAndSaidClausesSplitAQuote()
    {
        Sentences("\u201CWe are close,\u201D the mayor said. \u201CBut not done.\u201D She left.")
            .ShouldBe(["\u201CWe are close,\u201D the mayor said.", "\u201CBut not done.\u201D", "She left."]);
        Sentences("\"We are close,\" Lee said. \"But not done.\" Then silence.")
            .ShouldBe(["\"We are close,\" Lee said.", "\"But not done.\"", "Then silence."]);
    }

    [Fact]
    public void QuestionInsideAQuoteBeforeASaidClauseDoesNotSplit()
    {
        Sentences("\u201CWho knew?\u201D he asked. \u201CHe told me \u2018never\u2019 twice.\u201D")
            .ShouldBe(["\u201CWho knew?\u201D he asked.", "\u201CHe told me \u2018never\u2019 twice.\u201D"]);
    }

    [Fact]
    public void HeadlinesAndBulletLinesAreTheirOwnSentences()
    {
        Sentences("Talks stall over river deal\n- Both sides blame the other\n- A vote is due Friday\nThe mayor spoke.")
            .ShouldBe(["Talks stall over river deal", "- Both sides blame the other", "- A vote is due Friday", "The mayor spoke."]);
    }

    [Fact]
    public void HardWrappedLinesJoinWhenTheSentenceContinues()
    {
        Sentences("The council met on Tuesday and\nvoted to close the bridge. It reopens in May.")
            .ShouldBe(["The council met on Tuesday and\nvoted to close the bridge.", "It reopens in May."]);
    }

    [Fact]
    public void EllipsisBeforeACapitalisedWordEndsASentence()
    {
        Sentences("We waited... Nothing came.").ShouldBe(["We waited...", "Nothing came."]);
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

    [Fact]
    public void SentencesCoverEveryTokenInOrder()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<string>(s =>
        {
            s ??= "";
            var tokens = Tokenizer.Tokenize(s);
            var sentences = SentenceSplitter.Split(s, tokens);
            int next = 0;
            foreach (var sentence in sentences)
            {
                if (sentence.FirstToken != next || sentence.TokenCount <= 0) return false;
                next = sentence.EndToken;
            }
            return next == tokens.Length;
        }));
    }
}
