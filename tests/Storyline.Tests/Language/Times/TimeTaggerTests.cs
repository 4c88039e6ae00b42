using Storyline.Documents;

namespace Storyline.Tests.Language.Times;

public sealed class TimeTaggerTests
{
    private static readonly DateOnly July25 = new(2024, 7, 25); // a Thursday

    private static TimeExpression Single(string text, string expression, DateOnly? reference = null)
    {
        var doc = AnnotationTestPipeline.Run(text, reference ?? July25);
        var found = doc.Times.Where(t => t.Text.Contains(expression, StringComparison.OrdinalIgnoreCase) || expression.Contains(t.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        found.ShouldNotBeEmpty($"no time expression for '{expression}' in: {string.Join(" | ", doc.Times.Select(t => t.Text + "=" + t.Value))}");
        return found[0];
    }

    [Theory]
    [InlineData("The council passed a resolution last month.", "last month", "2024-06")]
    [InlineData("Officials will send a delegation to Doha next week.", "next week", "2024-W31")]
    [InlineData("Talks stalled late last week.", "late last week", "2024-W29")]
    [InlineData("Hamas attacked Israel on October 7 last year.", "October 7 last year", "2023-10-07")]
    [InlineData("The two met after the Oct. 7 attacks, which left 1,200 dead.", "Oct. 7", "2023-10-07")]
    [InlineData("Biden travelled to Israel days after the 7 October attack.", "7 October", "2023-10-07")]
    [InlineData("Biden announced the plan in a speech on May 31.", "May 31", "2024-05-31")]
    [InlineData("Biden took office in January of 2021.", "January of 2021", "2021-01")]
    [InlineData("The meeting took place on July 25, 2024.", "July 25, 2024", "2024-07-25")]
    [InlineData("He spoke to reporters yesterday.", "yesterday", "2024-07-24")]
    [InlineData("Prices rose in the third quarter of this year.", "third quarter of this year", "2024-Q3")]
    [InlineData("The plan dates from the 1990s.", "1990s", "199")]
    [InlineData("The law was passed in 2019.", "2019", "2019")]
    [InlineData("Talks will continue this summer.", "this summer", "2024-SU")]
    public void Resolves_dates_against_the_reference_date(string text, string expression, string value) =>
        Single(text, expression).Value.ShouldBe(value);

    [Theory]
    [InlineData("The vote is set for the 12th of next month.", "the 12th of next month", "2024-08-12")]
    [InlineData("The panel reports on the second Tuesday of next month.", "the second Tuesday of next month", "2024-08-13")]
    [InlineData("The fair opens on the last Friday in August.", "the last Friday in August", "2024-08-30")]
    [InlineData("Prices peaked in the first week of 2021.", "the first week of 2021", "2021-W01")]
    [InlineData("The audit covers the last week of this year.", "the last week of this year", "2024-W52")]
    [InlineData("Exports reached 6,107.31 August 2019 levels.", "August 2019", "2019-08")]
    [InlineData("The vote was 52 to 48 in March.", "March", "2024-03")]
    [InlineData("The festival runs from 4 to 22 January, 2025.", "4", "2025-01-04")]
    [InlineData("The festival runs from 4 to 22 January, 2025.", "22 January, 2025", "2025-01-22")]
    [InlineData("Crews will close the bridge between 3 and 9 next month.", "3", "2024-08-03")]
    [InlineData("Crews will close the bridge between 3 and 9 next month.", "9", "2024-08-09")]
    [InlineData("The summit ran from March 3 to 7.", "7", "2024-03-07")]
    [InlineData("Inflation peaked in the 1970's.", "1970's", "197")]
    [InlineData("Output doubled over 2011-2016 in the north.", "2016", "2016")]
    [InlineData("Output doubled over 2011-2016 in the north.", "2011", "2011")]
    public void Resolves_counted_days_and_weeks(string text, string expression, string value) =>
        Single(text, expression).Value.ShouldBe(value);

    [Theory]
    [InlineData("Biden pressed for a ceasefire to the nine-month-old war.", "nine-month-old", "P9M")]
    [InlineData("The truce ended nearly 14 months of conflict.", "nearly 14 months", "P14M")]
    [InlineData("The siege lasted two years.", "two years", "P2Y")]
    [InlineData("The talks went on for several weeks.", "several weeks", "PXW")]
    [InlineData("The flight took thirty minutes.", "thirty minutes", "PT30M")]
    [InlineData("The index fell in each of the last four trading days.", "four trading days", "P4D")]
    public void Reads_durations(string text, string expression, string value)
    {
        var t = Single(text, expression);
        t.Type.ShouldBe(TimexType.DURATION);
        t.Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("The ceasefire collapsed two years ago.", "two years ago", "2022")]
    [InlineData("The port reopened three months ago.", "three months ago", "2024-04")]
    [InlineData("The truce was signed 1 month and 10 days ago.", "1 month and 10 days ago", "2024-06-15")]
    [InlineData("The envoy will return three weeks from tomorrow.", "three weeks from tomorrow", "2024-08-16")]
    [InlineData("The audit begins more than 2 weeks after today.", "more than 2 weeks after today", "2024-08-08")]
    [InlineData("The panel will report in 3 weeks.", "3 weeks", "2024-08-15")]
    [InlineData("Troops entered the town on July 3. The next day, they withdrew.", "The next day", "2024-07-04")]
    public void Counts_durations_from_an_anchor(string text, string expression, string value)
    {
        var t = Single(text, expression);
        t.Text.ShouldBe(expression);
        t.Type.ShouldBe(TimexType.DATE);
        t.Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("Aid will flow over the next 5 days.", "next 5 days", "P5D", "2024-07-26", "2024-07-30")]
    [InlineData("Violence has risen in the past 2 decades.", "the past 2 decades", "P20Y", "2000-01-01", "2019-12-31")]
    [InlineData("The mission will be completed within 6 months.", "6 months", "P6M", "2024-07-25", "2025-01-24")]
    [InlineData("Roads stay closed for 4 days, starting tomorrow.", "4 days, starting tomorrow", "P4D", "2024-07-26", "2024-07-29")]
    [InlineData("Prices rose over the past week.", "the past week", "P1W", "2024-07-18", "2024-07-24")]
    [InlineData("Strikes will go on for the rest of the month.", "the rest of the month", "2024-07", "2024-07-25", "2024-07-31")]
    public void Gives_stretches_their_first_and_last_day(string text, string expression, string value, string begin, string end)
    {
        var t = Single(text, expression);
        t.Value.ShouldBe(value);
        t.Begin.ShouldBe(begin);
        t.End.ShouldBe(end);
    }

    [Fact]
    public void Joins_durations_in_a_row_and_leaves_plain_durations_unanchored()
    {
        var doc = AnnotationTestPipeline.Run("The siege lasted 2 years 3 months. The talks lasted three days. Victims aged between 4 months and 80 years were found. Crews worked 20 hours a day.", July25);
        doc.Times.ShouldNotContain(t => t.Text.Contains("months and 80", StringComparison.Ordinal));
        doc.Times.ShouldNotContain(t => t.Text.Contains("hours a day", StringComparison.Ordinal) && t.Type == TimexType.DURATION);
        doc.Times.ShouldContain(t => t.Text == "2 years 3 months" && t.Value == "P2Y3M" && t.Type == TimexType.DURATION);
        AnnotationTestPipeline.Run("The hearing lasted 2 hours and 30 minutes.", July25).Times.ShouldContain(t => t.Value == "PT2H30M");
        var plain = doc.Times.Single(t => t.Text == "three days");
        plain.Value.ShouldBe("P3D");
        plain.Begin.ShouldBeNull();
    }

    [Theory]
    [InlineData("The vote will be held on Aug/2.", "Aug/2", "2024-08-02")]
    [InlineData("Talks will resume on August twenty one.", "August twenty one", "2024-08-21")]
    [InlineData("The court will sit again on Friday the ninth.", "Friday the ninth", "2024-08-09")]
    [InlineData("Results are due on the twenty second.", "the twenty second", "2024-07-22")]
    [InlineData("The party was founded in nineteen seventy eight.", "nineteen seventy eight", "1978")]
    [InlineData("The treaty dates from June of nineteen ninety nine.", "June of nineteen ninety nine", "1999-06")]
    [InlineData("The fort was built in one thousand seven hundred and eighty nine.", "one thousand seven hundred and eighty nine", "1789")]
    [InlineData("Such raids were common in the nineteen eighties.", "the nineteen eighties", "198")]
    [InlineData("Prices soared during the noughties.", "the noughties", "200")]
    [InlineData("Jazz clubs flourished in the fifties.", "the fifties", "195")]
    [InlineData("The canal was dug in the nineteenth century.", "the nineteenth century", "18")]
    [InlineData("Sales peaked in week 12.", "week 12", "2024-W12")]
    [InlineData("The fair will open in the first week of October.", "the first week of October", "2024-10-W01")]
    [InlineData("The envoy returns the week after next.", "the week after next", "2024-W32")]
    [InlineData("The referendum is next Sunday.", "next Sunday", "2024-08-04")]
    [InlineData("Output fell in 2016 June.", "2016 June", "2016-06")]
    [InlineData("The summit will end on 2 Oct", "2 Oct", "2024-10-02")]
    [InlineData("The levy starts 1-Sep.", "1-Sep", "2024-09-01")]
    [InlineData("Earnings rose in Q2 of 2019.", "Q2 of 2019", "2019-Q2")]
    [InlineData("the envoy will fly out on saturday the 27th.", "saturday the 27th", "2024-07-27")]
    [InlineData("the envoy will fly out wednesday next week.", "wednesday next week", "2024-07-31")]
    [InlineData("Exports grew in the same month.", "the same month", "XXXX-XX")]
    [InlineData("Exports grew in the same month a year ago.", "the same month a year ago", "2023-07")]
    public void Reads_written_out_days_years_and_weeks(string text, string expression, string value)
    {
        var t = Single(text, expression);
        t.Type.ShouldBe(TimexType.DATE);
        t.Value.ShouldBe(value);
    }

    [Fact]
    public void Places_weekdays_in_the_week_named_before_them()
    {
        var doc = AnnotationTestPipeline.Run("Inspectors will visit next week between Tuesday and Thursday.", July25);
        doc.Times.ShouldContain(t => t.Text == "Tuesday" && t.Value == "2024-07-30");
        doc.Times.ShouldContain(t => t.Text == "Thursday" && t.Value == "2024-08-01");
    }

    [Fact]
    public void Does_not_read_counts_ages_or_chemistry_as_years()
    {
        var doc = AnnotationTestPipeline.Run("Police counted two thousand and twenty protesters. Engineers stored H2 in tanks. Both men are in their sixties. Marten Holt spoke.", July25);
        doc.Times.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Kirby told reporters on Sunday that gaps remain.", "Sunday", "2024-07-21")]
    [InlineData("Kirby on Thursday said he did not believe it.", "Thursday", "2024-07-25")]
    [InlineData("Netanyahu was set to meet Trump in Florida on Friday.", "Friday", "2024-07-26")]
    [InlineData("The envoy will travel to Cairo on Monday.", "Monday", "2024-07-29")]
    [InlineData("The envoy met the minister last Friday.", "last Friday", "2024-07-19")]
    public void Places_weekdays_by_tense(string text, string expression, string value) =>
        Single(text, expression).Value.ShouldBe(value);

    [Theory]
    [InlineData("The ministry currently lists 40 names.", "currently", "PRESENT_REF")]
    [InlineData("He has recently changed his view.", "recently", "PAST_REF")]
    [InlineData("A deal may come in the near future.", "the near future", "FUTURE_REF")]
    public void Reads_vague_references(string text, string expression, string value) =>
        Single(text, expression).Value.ShouldBe(value);

    [Fact]
    public void Reads_sets_and_clock_times()
    {
        var doc = AnnotationTestPipeline.Run("The market report is published weekly. The vote closes at 6:30 p.m. on Thursday.", July25);
        doc.Times.ShouldContain(t => t.Type == TimexType.SET && t.Value == "P1W");
        doc.Times.ShouldContain(t => t.Type == TimexType.TIME && t.Value == "2024-07-25T18:30");
    }

    [Fact]
    public void Spans_point_into_the_text_and_do_not_overlap()
    {
        const string text = "On Sunday, March 3, 2013, officials said that in 2012 the toll rose by 40% over two years.";
        var doc = AnnotationTestPipeline.Run(text, new DateOnly(2013, 3, 4));
        doc.Times.ShouldNotBeEmpty();
        for (int i = 0; i < doc.Times.Count; i++)
        {
            var t = doc.Times[i];
            text[t.Span.Start..t.Span.End].ShouldBe(t.Text);
            if (i > 0) t.Span.Start.ShouldBeGreaterThanOrEqualTo(doc.Times[i - 1].Span.End);
        }
        doc.Times.ShouldContain(t => t.Value == "2013-03-03");
        doc.Times.ShouldContain(t => t.Value == "2012");
    }

    [Fact]
    public void Without_a_reference_date_relative_expressions_stay_underspecified()
    {
        var doc = AnnotationTestPipeline.Run("The talks resumed on March 3 and again on Friday.");
        // the dater estimates from the month-day date, so Friday resolves against that estimate
        doc.Times.ShouldContain(t => t.Text == "March 3");
        doc.Article.HasFlag(ArticleFlags.DateEstimated).ShouldBeTrue();
    }

    [Fact]
    public void Does_not_tag_counts_as_years()
    {
        var doc = AnnotationTestPipeline.Run("Police said 2024 people were evacuated and 1,950 homes damaged.", July25);
        doc.Times.ShouldNotContain(t => t.Value == "2024");
        doc.Times.ShouldNotContain(t => t.Value == "1950");
    }
}

public sealed class TimeTaggerDiscourseTests
{
    [Fact]
    public void A_month_and_day_named_again_keep_the_year_of_the_explicit_mention()
    {
        var doc = AnnotationTestPipeline.Run(
            "Hamas attacked Israel on October 7 last year. Since Oct. 7, talks have stalled, officials say.", new DateOnly(2024, 11, 27));
        doc.Times.Where(t => t.Text.Contains('7')).ShouldAllBe(t => t.Value == "2023-10-07");
    }
}
