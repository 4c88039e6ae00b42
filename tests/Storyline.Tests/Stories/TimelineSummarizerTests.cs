using Storyline.Stories;

namespace Storyline.Tests.Stories;

public sealed class TimelineSummarizerTests
{
    private static IReadOnlyList<Storyline.Documents.AnnotatedDocument> Docs() =>
    [
        new DocBuilder("t1", "2025-03-05", null,
                "The Harlow Dam failed on Monday and flooded Millbrook.\nRescue crews searched the Corven Valley all night for survivors.\nA local bakery reopened downtown after a renovation.")
            .Time("on Monday", "2025-03-03").Build(),
        new DocBuilder("t2", "2025-03-04", null,
                "Water from the Harlow Dam swept through Millbrook on Monday morning.\nResidents of the Corven Valley fled to higher ground.")
            .Time("on Monday", "2025-03-03").Build(),
        new DocBuilder("t3", "2025-03-09", null,
                "An inquiry into the Harlow Dam failure opened in Millbrook on Friday.\nEngineers told the inquiry that warnings about the dam were ignored.")
            .Time("on Friday", "2025-03-07").Build(),
        new DocBuilder("t4", "2025-03-09", null,
                "The city council approved a new budget for public parks this week.\nCouncillors debated the plan for three hours.").Build(),
    ];

    [Fact]
    public void PicksTheMostDiscussedDatesInOrderWithVerbatimSentences()
    {
        var docs = Docs();
        // Monday is named by two articles: it outranks days named once or only published on.
        new TimelineSummarizer().Summarize(docs, 1, 2, null).Single().Date.ShouldBe(new DateOnly(2025, 3, 3));
        var days = new TimelineSummarizer().Summarize(docs, 3, 2, null);
        days.Select(d => d.Date).ShouldBe([new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 7), new DateOnly(2025, 3, 9)]);
        var allSentences = docs.SelectMany(d => Enumerable.Range(0, d.Sentences.Length).Select(d.SentenceText)).ToHashSet();
        days.SelectMany(d => d.Sentences).ShouldAllBe(s => allSentences.Contains(s));
        days.ShouldAllBe(d => d.Sentences.Count <= 2);
        days[0].Sentences.ShouldContain(s => s.Contains("Harlow Dam"));
    }

    [Fact]
    public void QueryKeepsOnlySentencesAboutTheSubject()
    {
        var days = new TimelineSummarizer().Summarize(Docs(), 5, 3, ["dam"]);
        days.ShouldNotBeEmpty();
        days.SelectMany(d => d.Sentences).ShouldAllBe(s => s.Contains("Dam", StringComparison.OrdinalIgnoreCase) || s.Contains("dam", StringComparison.Ordinal));
        days.Select(d => d.Date).ShouldContain(new DateOnly(2025, 3, 7));
    }

    [Fact]
    public void LimitsAreRespectedAndEmptyInputIsFine()
    {
        var summarizer = new TimelineSummarizer();
        summarizer.Summarize([], 5, 2, null).ShouldBeEmpty();
        summarizer.Summarize(Docs(), 0, 2, null).ShouldBeEmpty();
        var one = summarizer.Summarize(Docs(), 1, 1, null);
        one.Count.ShouldBe(1);
        one[0].Sentences.Count.ShouldBe(1);
    }
}
