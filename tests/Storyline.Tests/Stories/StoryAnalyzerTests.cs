using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public sealed class StoryAnalyzerTests
{
    private static readonly AnalysisReport Report = new StoryAnalyzer().Analyze(StoryFixtures.All());

    private static Story DamStory => Report.Stories.Single(s => s.Articles.Contains("dam-1"));

    private static string ReadBack(Citation c) =>
        StoryFixtures.All().Single(d => d.Article.Id == c.Article).Text[c.Start..c.End];

    [Fact]
    public void UnrelatedTopicsBecomeSeparateStories()
    {
        Report.Stories.Count.ShouldBe(2);
        DamStory.Articles.Order().ShouldBe(["dam-1", "dam-1-copy", "dam-2", "dam-3"]);
        Report.Stories.Single(s => s.Articles.Contains("chess-1")).Articles.Order().ShouldBe(["chess-1", "chess-2"]);
    }

    [Fact]
    public void CopiesFormOneSyndicationGroup()
    {
        var story = DamStory;
        story.Syndication.Count.ShouldBe(3);
        story.Syndication.Single(g => g.Articles.Count > 1).Articles.Order().ShouldBe(["dam-1", "dam-1-copy"]);
        story.Coverage.ShouldBe("4 articles, 3 independent reports");
    }

    [Fact]
    public void EventsSeparateHappeningsWeeksApart()
    {
        var events = DamStory.Events;
        events.Count.ShouldBe(3);
        events[0].Articles.Order().ShouldBe(["dam-1", "dam-1-copy"]);
        // The lead names Monday: the event is dated by it, not by publication.
        events[0].Date.ShouldBe(new DateOnly(2025, 3, 3));
        events.All(e => !string.IsNullOrWhiteSpace(e.Title)).ShouldBeTrue();
    }

    [Fact]
    public void UndatedArticlesAreEventsOfTheirOwnUnlessCopies()
    {
        static AnnotatedDocument Undated(AnnotatedDocument d) =>
            d with { Article = d.Article with { Published = null, PublishedFrom = Provenance.None }, ReferenceDate = null };
        var report = new StoryAnalyzer().Analyze([.. new[] { StoryFixtures.Dam1(), StoryFixtures.Dam1Copy(), StoryFixtures.Dam2(), StoryFixtures.Dam3() }.Select(Undated)]);
        var story = report.Stories.ShouldHaveSingleItem();
        // Three different happenings without a day to tell them apart stay three events; the copy joins its original.
        story.Events.Count.ShouldBe(3);
        story.Events.ShouldAllBe(e => e.Date == null);
        story.Events.Single(e => e.Articles.Contains("dam-1")).Articles.Order().ShouldBe(["dam-1", "dam-1-copy"]);
    }

    [Fact]
    public void TimelineEntriesCiteSentencesThatReadBackExactly()
    {
        var timeline = DamStory.Timeline;
        timeline.Select(t => t.Date).ShouldContain(new DateOnly(2025, 3, 3));
        timeline.Select(t => t.Date).ShouldContain(new DateOnly(2025, 3, 4));
        timeline.Select(t => t.Date).ShouldBeInOrder(SortDirection.Ascending);
        foreach (var t in timeline)
        {
            t.Citations.ShouldNotBeEmpty();
            foreach (var c in t.Citations) ReadBack(c).ShouldBe(t.Text);
            foreach (var s in t.Support) ReadBack(s.Citation).ShouldBe(s.Text);
        }
        // The copy's identical sentence is cited beside the original, not repeated as an entry.
        timeline.Single(t => t.Date == new DateOnly(2025, 3, 3)).Citations.Select(c => c.Article)
            .ShouldBe(["dam-1", "dam-1-copy"], ignoreOrder: true);
    }

    [Fact]
    public void LedgerTellsARunningCountFromADisputedToll()
    {
        var figures = DamStory.Figures;
        var displaced = figures.Single(f => f.Points.Any(p => p.Value == 4000));
        displaced.Assessment.ShouldBe(SeriesAssessment.Trend);
        displaced.Points.Select(p => p.Value).ShouldContain(9000);

        var toll = figures.Single(f => f.Points.Any(p => p.Value == 112));
        toll.Assessment.ShouldBe(SeriesAssessment.Discrepancy);
        toll.EventDate.ShouldBe(new DateOnly(2025, 3, 4));
        toll.Points.Select(p => p.Value).ShouldContain(118);
        toll.Sides.Select(s => s.Value).ShouldBe([112, 118]);
        toll.Sides.Single(s => s.Value == 118).Sources.ShouldBe(["the valley's mayor"]);
        foreach (var f in figures)
            foreach (var p in f.Points)
            {
                ReadBack(p.Citation).ShouldBe(p.Text);
                ReadBack(p.SentenceCitation).ShouldBe(p.Sentence);
            }
    }

    [Fact]
    public void QuotesAreGroupedBySpeakerWithoutCopies()
    {
        var story = DamStory;
        story.Quotes.Count.ShouldBe(1);
        story.Quotes[0].Speaker.ShouldBe("Elsa Marwick");
        story.Speakers.Single().Quotes.ShouldBe(1);
        ReadBack(story.Quotes[0].Citation).ShouldBe(story.Quotes[0].Text);
    }

    [Fact]
    public void SummaryCitesItsSentencesAndSkipsBoilerplate()
    {
        var summary = DamStory.Summary;
        summary.Count.ShouldBeGreaterThan(1);
        summary.ShouldAllBe(s => !s.Text.Contains("Subscribe"));
        foreach (var s in summary)
            foreach (var c in s.Citations) ReadBack(c).ShouldBe(s.Text);
        summary.Select(s => s.Text).Distinct().Count().ShouldBe(summary.Count);
    }

    [Fact]
    public void AddingArticlesOneByOneGivesTheSameStoriesAsABatch()
    {
        var index = new StoryIndex();
        foreach (var d in StoryFixtures.All()) index.Add(d).ShouldBeTrue();
        index.Add(StoryFixtures.Dam1()).ShouldBeFalse();
        var incremental = new StoryAnalyzer().Report(index).Stories.Select(s => string.Join(",", s.Articles.Order())).Order();
        var batch = Report.Stories.Select(s => string.Join(",", s.Articles.Order())).Order();
        incremental.ShouldBe(batch);
    }

    [Fact]
    public void EmptyAndDegenerateInputGiveAReportNotAnError()
    {
        var analyzer = new StoryAnalyzer();
        analyzer.Analyze([]).Stories.ShouldBeEmpty();
        var empty = AnnotatedDocument.For(new Article { Id = "e", Source = "e", Text = "" });
        var undated = AnnotatedDocument.For(new Article { Id = "u", Source = "u", Text = "Just one line without an ending" });
        var report = analyzer.Analyze([empty, undated]);
        report.Articles.Count.ShouldBe(2);
        report.Stories.SelectMany(s => s.Articles).Order().ShouldBe(["e", "u"]);
    }

    [Fact]
    public void WordingTableSetsOutletsWordsSideBySide()
    {
        static AnnotatedDocument Doc(string id, string outlet, string text) =>
            new DocBuilder(id, "2025-05-02", outlet, text).Time("on April 30", "2025-04-30").Build();
        var docs = new[]
        {
            Doc("w1", "Gazette", "The raid on April 30 by Tarn Front militants hit the Ossel border post near Vardin. Tarn Front militants held the post for hours."),
            Doc("w2", "Herald", "The massacre on April 30 by Tarn Front terrorists shocked Vardin and the Ossel border region. Tarn Front terrorists must face justice."),
        };
        var story = new StoryAnalyzer().Analyze(docs).Stories.Single();
        var attack = story.Wording.First(r => r.Target == "2025-04-30");
        attack.Outlets.Single(o => o.Outlet == "Herald").Terms.Select(t => t.Term).ShouldContain("massacre");
        attack.Outlets.Single(o => o.Outlet == "Gazette").Terms.Select(t => t.Term).ShouldContain("raid");
        var members = story.Wording.First(r => r.Concept.StartsWith("the armed group", StringComparison.Ordinal));
        members.Outlets.Single(o => o.Outlet == "Herald").Terms.Single().ShouldBe(members.Outlets.Single(o => o.Outlet == "Herald").Terms[0]);
        members.Outlets.Single(o => o.Outlet == "Herald").Terms[0].Term.ShouldBe("terrorists");
        members.Outlets.Single(o => o.Outlet == "Herald").Terms[0].Count.ShouldBe(2);
        members.Outlets.Single(o => o.Outlet == "Gazette").Terms[0].Term.ShouldBe("militants");
    }

    [Fact]
    public void AYearlessDateResolvedIntoTheWrongYearJoinsTheAttestedOne()
    {
        static AnnotatedDocument Doc(string id, string published, string text, string surface, string value) =>
            new DocBuilder(id, published, id, text).Time(surface, value).Build();
        var docs = new[]
        {
            Doc("y1", "2025-05-01", "The Harlow Dam failed on 4 March 2025, flooding Millbrook in the Corven Valley.", "on 4 March 2025", "2025-03-04"),
            Doc("y2", "2025-06-01", "Rebuilding goes slowly for Millbrook families, whose homes the Harlow Dam flood destroyed on 4 March 2025 across the Corven Valley.", "on 4 March 2025", "2025-03-04"),
            Doc("y3", "2025-12-01", "Millbrook in the Corven Valley still mourns the Harlow Dam failure of March 4 and its victims.", "March 4", "2026-03-04"),
        };
        var story = new StoryAnalyzer().Analyze(docs).Stories.Single();
        story.Timeline.Select(t => t.Date).ShouldNotContain(new DateOnly(2026, 3, 4), string.Join("; ", story.Timeline.Select(t => t.Date + " " + t.Text)));
        story.Timeline.Single(t => t.Date == new DateOnly(2025, 3, 4)).Articles.ShouldBe(3);
    }

    [Fact]
    public void AnnotationsPointingOutsideTheTextAreLeftOutNotFatal()
    {
        var doc = StoryFixtures.Dam1();
        var broken = doc with
        {
            Figures = [.. doc.Figures, new Figure { Span = new TextSpan(5, 100_000), Text = "x", Value = 3, Measure = "killed" }],
            Quotes = [.. doc.Quotes, new Quote(new TextSpan(-4, 2), "x", "Nobody", null, QuoteKind.Direct)],
            Times = [.. doc.Times, new TimeExpression(new TextSpan(90_000, 90_010), "x", TimexType.DATE, "2025-03-01")],
        };
        var story = new StoryAnalyzer().Analyze([broken]).Stories.Single();
        story.Figures.SelectMany(f => f.Points).ShouldAllBe(p => p.Citation.End <= doc.Text.Length);
        story.Quotes.ShouldAllBe(q => q.Citation.Start >= 0);
    }
}
