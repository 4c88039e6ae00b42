using Storyline.Documents;
using Storyline.Language.Dating;

namespace Storyline.Tests.Language.Times;

public sealed class PublicationDaterTests
{
    [Fact]
    public void Keeps_a_supplied_date()
    {
        var doc = AnnotationTestPipeline.Run("Talks resumed on March 3, 2013.", new DateOnly(2013, 3, 4));
        doc.ReferenceDate.ShouldBe(new DateOnly(2013, 3, 4));
        doc.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeFalse();
    }

    [Fact]
    public void Uses_a_printed_dateline_exactly()
    {
        var doc = AnnotationTestPipeline.Run(" date 2024-11-27 Washington DC, US\n\nThe president said talks would resume.");
        doc.ReferenceDate.ShouldBe(new DateOnly(2024, 11, 27));
        doc.Article.PublishedFrom.ShouldBe(Provenance.Dateline);
        doc.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeFalse();
    }

    [Fact]
    public void Uses_the_dateline_found_by_extraction()
    {
        var article = new Article
        {
            Id = "d", Source = "d", Text = "WASHINGTON - Talks resumed on Friday.",
            Dateline = new Dateline("WASHINGTON", new DateOnly(2024, 7, 26), "WASHINGTON -"),
        };
        var doc = AnnotationTestPipeline.Run(article);
        doc.ReferenceDate.ShouldBe(new DateOnly(2024, 7, 26));
        doc.Times.ShouldContain(t => t.Value == "2024-07-26");
    }

    [Fact]
    public void Estimates_from_the_latest_absolute_date_and_flags_it()
    {
        var doc = AnnotationTestPipeline.Run("The first round was held on 3 January 2024. A second round followed on February 14, 2024, and a third is planned.");
        doc.ReferenceDate.ShouldBe(new DateOnly(2024, 2, 14));
        doc.Article.Published.ShouldBe(new DateOnly(2024, 2, 14));
        doc.Article.PublishedFrom.ShouldBe(Provenance.Estimated);
        doc.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeTrue();
    }

    [Fact]
    public void A_month_and_day_take_the_year_the_article_states()
    {
        var doc = AnnotationTestPipeline.Run("The 2023 season opened in Oslo. The final was played on June 4.");
        doc.ReferenceDate.ShouldBe(new DateOnly(2023, 6, 4));
    }

    [Fact]
    public void An_article_with_no_date_stays_undated()
    {
        var doc = AnnotationTestPipeline.Run("Nothing here says when.");
        doc.ReferenceDate.ShouldBeNull();
        doc.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeFalse();
    }

    [Fact]
    public void Month_day_without_any_year_falls_back_to_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var dater = new PublicationDater(clock);
        var doc = Storyline.Language.SentenceSplitter.Instance.Annotate(Storyline.Language.Tokenizer.Instance.Annotate(
            AnnotatedDocument.For(new Article { Id = "x", Source = "x", Text = "It happened on October 7." })));
        dater.Annotate(doc).ReferenceDate.ShouldBe(new DateOnly(2024, 10, 7));
    }

    [Fact]
    public void A_weekday_with_the_month_and_day_fixes_a_missing_year()
    {
        // 7 October fell on a Monday in 2024 and in 2019; the latest such year before the clock wins over the clock's year
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var dater = new PublicationDater(clock);
        var doc = Storyline.Language.SentenceSplitter.Instance.Annotate(Storyline.Language.Tokenizer.Instance.Annotate(
            AnnotatedDocument.For(new Article { Id = "x", Source = "x", Text = "The mill closed on Monday, October 7, after the storm." })));
        var dated = dater.Annotate(doc);
        dated.ReferenceDate.ShouldBe(new DateOnly(2024, 10, 7));
        dated.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeTrue();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
