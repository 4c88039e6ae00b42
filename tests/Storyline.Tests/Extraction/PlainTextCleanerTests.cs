using Storyline.Documents;
using static Storyline.Tests.Extraction.ExtractionTestKit;

namespace Storyline.Tests.Extraction;

/// <summary>The plain-text cleaner on invented text with the kinds of junk real copies carry.</summary>
public sealed class PlainTextCleanerTests
{
    private const string Sentence1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
    private const string Sentence2 = "Work on the barrier is expected to start in the spring and last about two years.";
    private const string Sentence3 = "Residents of the lower town have asked for better protection since the floods of last winter.";

    [Fact]
    public void NavigationAndSectionLabelsAtTheEdgesGo()
    {
        var a = Text($"Skip to main content\nMenu\n\n{Sentence1}\n\n{Sentence2}\n\nRelated Topics\nShare this article");
        a.Text.ShouldBe($"{Sentence1}\n\n{Sentence2}");
        a.Removed.ShouldBe(["Skip to main content", "Menu", "Related Topics", "Share this article"]);
    }

    [Fact]
    public void AdvertisementLinesGoEvenMisspelt()
    {
        var a = Text($"{Sentence1}\n\nAdvertisement\n\n{Sentence2}\n\nAdvertisment\n\n{Sentence3}");
        a.Text.ShouldNotContain("Advertis");
        a.Text.ShouldContain(Sentence2);
        a.Removed.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("Also read: Council to vote on river dredging next month")]
    [InlineData("Watch | Mayor explains the flood plan in two minutes")]
    [InlineData("READ MORE: Why the lower town keeps flooding")]
    [InlineData("Related: River levels hit a ten-year high")]
    public void PromoLinesGo(string promo)
    {
        var a = Text($"{Sentence1}\n\n{promo}\n\n{Sentence2}\n\n{Sentence3}");
        a.Removed.ShouldContain(promo);
        a.Text.ShouldNotContain(promo);
    }

    [Fact]
    public void AProseLineOpeningWithALabelIsKept()
    {
        // "What they're saying:" and similar lead-ins introduce the article's own prose.
        var line = "What they're saying: Officials said the barrier would protect about 4,000 homes.";
        var a = Text($"{Sentence1}\n\n{line}\n\n{Sentence2}");
        a.Text.ShouldContain(line);
    }

    [Fact]
    public void ACaptionPrintedTwiceGoesEntirely()
    {
        var caption = "The mayor speaks to residents at the town hall on March 3, 2025.";
        var a = Text($"{Sentence1}\n\n{caption}\n{caption}\n\n{Sentence2}\n\n{Sentence3}");
        a.Text.ShouldNotContain("town hall");
        a.Removed.Count(r => r == caption).ShouldBe(2);
    }

    [Fact]
    public void ACaptionAndItsCreditedCopyBothGo()
    {
        var caption = "Flood water covers the market square in the lower town.";
        var credited = caption + " \u2014 Jane Roe/City Press Office";
        var a = Text($"{Sentence1}\n\n{caption}\n{credited}\n\n{Sentence2}\n\n{Sentence3}");
        a.Text.ShouldNotContain("market square");
        a.Removed.ShouldContain(credited);
    }

    [Fact]
    public void PhotoCreditLinesGo()
    {
        var a = Text($"{Sentence1}\n\nPhoto: Jane Roe/Getty Images\n\n{Sentence2}\n\n{Sentence3}");
        a.Removed.ShouldContain("Photo: Jane Roe/Getty Images");
    }

    [Fact]
    public void APaywallBlockGoesAndSetsTheFlag()
    {
        var a = Text($"{Sentence1}\n\n{Sentence2}\n\n{Sentence3}\n\nYou have read 5 free articles this month.\nSubscribe to continue reading.\n\n"
            + "Quality journalism costs money. We rely on readers like you, and your support keeps our newsroom independent. Please consider a contribution today.\n\nDonate now\nNewsletter");
        a.HasFlag(ArticleFlags.Paywall).ShouldBeTrue();
        a.Text.ShouldBe($"{Sentence1}\n\n{Sentence2}\n\n{Sentence3}");
        a.Removed.Count.ShouldBe(5);
    }

    [Fact]
    public void DisclaimersAgencyNotesAndTrailingLinkListsGo()
    {
        var a = Text($"{Sentence1}\n\n{Sentence2}\n\n{Sentence3}\n\nDisclaimer: The views expressed are the author's own.\n(With inputs from agencies)\n"
            + "Council budget passes\nNew ferry timetable announced\nSchool year starts early");
        a.Text.ShouldBe($"{Sentence1}\n\n{Sentence2}\n\n{Sentence3}");
        a.Removed.Count.ShouldBe(5);
    }

    [Fact]
    public void AHeadlineBecomesTheTitleAndLeavesTheBody()
    {
        var a = Text($"World news\n\nTown approves flood barrier after long debate\n\n{Sentence1}\n\n{Sentence2}");
        a.Title.ShouldBe("Town approves flood barrier after long debate");
        a.Text.ShouldStartWith(Sentence1);
        a.Removed.ShouldBe(["World news"]);
    }

    [Fact]
    public void ASuppliedTitleWinsButTheHeadlineStillLeavesTheBody()
    {
        var a = Text($"Town approves flood barrier after long debate\n\n{Sentence1}\n\n{Sentence2}", title: "Flood barrier approved");
        a.Title.ShouldBe("Flood barrier approved");
        a.MetadataSources["title"].ShouldBe(Provenance.Supplied);
        a.Text.ShouldStartWith(Sentence1);
    }

    [Fact]
    public void AFirstLineThatIsASentenceIsNeverTakenAsTitle()
    {
        var a = Text($"{Sentence1}\n{Sentence2}");
        a.Title.ShouldBeNull();
        a.Text.ShouldBe($"{Sentence1}\n\n{Sentence2}");
    }

    [Theory]
    [InlineData("RIVERTON \u2014 ", "Riverton", null)]
    [InlineData("RIVERTON, March 3 (Reuters) - ", "Riverton", "2025-03-03")]
    [InlineData("NEW HAVEN, Connecticut (AP) \u2014 ", "New Haven, Connecticut", null)]
    [InlineData("LOWER BAY: ", "Lower Bay", null)]
    public void ADatelineBecomesMetadataAndTheRestOfTheParagraphStays(string prefix, string place, string? date)
    {
        var a = Text($"{prefix}{Sentence1}\n\n{Sentence2}", published: new DateOnly(2025, 3, 4));
        a.Text.ShouldStartWith(Sentence1);
        a.Dateline.ShouldNotBeNull();
        a.Dateline!.Place.ShouldBe(place);
        a.Dateline.Date.ShouldBe(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        a.Published.ShouldBe(new DateOnly(2025, 3, 4));
        a.PublishedFrom.ShouldBe(Provenance.Supplied);
    }

    [Fact]
    public void ADateLineAtTheHeadDatesTheArticleWhenNothingIsSupplied()
    {
        var a = Text($" date 2025-03-03 Riverton, Northshire\n\n{Sentence1}\n\n{Sentence2}");
        a.Published.ShouldBe(new DateOnly(2025, 3, 3));
        a.PublishedFrom.ShouldBe(Provenance.Dateline);
        a.Dateline!.Place.ShouldBe("Riverton, Northshire");
        a.Text.ShouldStartWith(Sentence1);
    }

    [Fact]
    public void AnOrdinarySentenceOpeningWithCapitalsIsNotADateline()
    {
        var line = "NATO officials said on Monday that the exercise would go ahead as planned next week.";
        var a = Text($"{line}\n\n{Sentence2}");
        a.Text.ShouldStartWith(line);
        a.Dateline.ShouldBeNull();
    }

    [Fact]
    public void ABylineBecomesMetadata()
    {
        var a = Text($"Town approves flood barrier\nBy Jane Roe and John Doe\n\n{Sentence1}\n\n{Sentence2}");
        a.Byline.ShouldBe("Jane Roe, John Doe");
        a.Text.ShouldNotContain("Jane Roe");
    }

    [Fact]
    public void ShortSentencesInsideTheBodyAreKept()
    {
        var a = Text($"{Sentence1}\n\nIt rained.\n\nKey facts\n\n{Sentence2}\n\n{Sentence3}");
        a.Text.ShouldContain("It rained.");
    }

    [Fact]
    public void EmptyTextIsFlaggedTooShort()
    {
        var a = Text("  \n\n \t ");
        a.Text.ShouldBe("");
        a.HasFlag(ArticleFlags.TooShort).ShouldBeTrue();
    }

    [Fact]
    public void CleanTextIsKeptVerbatim()
    {
        var a = Storyline.Extraction.ArticleExtractor.Default.Extract(new Storyline.Sources.RawDocument
        {
            Id = "c", Source = "c", Kind = Storyline.Sources.ContentKind.CleanText, Text = "Advertisement\r\nSkip to main content\r\n\r\n  Body   text here.  ",
        });
        // annotate --raw: offsets must point into the input's own text, so nothing changes.
        a.Text.ShouldBe("Advertisement\r\nSkip to main content\r\n\r\n  Body   text here.  ");
        a.Removed.ShouldBeEmpty();
    }
}

/// <summary>Patterns of text copied off wire services and large news sites, written for the test.</summary>
public sealed class CopiedPageCleanerTests
{
    private const string S1 = "The ministry said on Tuesday that exports rose for a third month, helped by strong demand for machinery.";
    private const string S2 = "Analysts had expected a smaller rise after a weak start to the year, according to a poll of economists.";
    private const string S3 = "The central bank is due to meet next week and is widely expected to keep rates on hold.";

    [Fact]
    public void WireCopyLosesItsInterfaceWordsAndCredits()
    {
        var a = Text($"RIVERTON, May 2 (Example Wire) - {S1} The figures were published, opens new tab by the statistics office.\n\n{S2}\n\n{S3}\n\nReporting by Jane Roe; Editing by John Doe\nOur Standards: The Example Wire Trust Principles.",
            published: new DateOnly(2025, 5, 2));
        a.Text.ShouldStartWith(S1);
        a.Text.ShouldContain("The figures were published by the statistics office.");
        a.Text.ShouldNotContain("Reporting by");
        a.Text.ShouldNotContain("Our Standards");
        a.Dateline!.Date.ShouldBe(new DateOnly(2025, 5, 2));
    }

    [Fact]
    public void SeparatorsAndContributorCreditsGo()
    {
        var a = Text($"{S1}\n\n{S2}\n\n___\n\n{S3}\n\nJane Roe in Riverton contributed to this report.");
        a.Text.ShouldBe($"{S1}\n\n{S2}\n\n{S3}");
    }

    [Fact]
    public void PictureCaptionLabelsAndNewsletterBreaksGo()
    {
        var a = Text($"Image source, Example Pictures\nImage caption, Crowds gathered outside the port on Monday\n\n{S1}\n\nSkip past newsletter promotion\nafter newsletter promotion\n\n{S2}\n\n{S3}\n\nExplore more on these topics\nReuse this content");
        a.Text.ShouldBe($"{S1}\n\n{S2}\n\n{S3}");
    }

    [Fact]
    public void AnAgencyInBracketsIsADateline()
    {
        var a = Text($"(Example News) \u2014 {S1}\n\n{S2}");
        a.Text.ShouldStartWith(S1);
        a.Dateline.ShouldNotBeNull();
        a.Dateline!.Place.ShouldBeNull();
    }

    [Fact]
    public void TimestampLinesAtTheHeadDateTheArticle()
    {
        var a = Text($"Exports rise for third month\nUpdated 3:45 PM, Tue May 6, 2025\n\n{S1}\n\n{S2}");
        a.Title.ShouldBe("Exports rise for third month");
        a.Published.ShouldBe(new DateOnly(2025, 5, 6));
        a.PublishedFrom.ShouldBe(Storyline.Documents.Provenance.Visible);
        a.Text.ShouldStartWith(S1);
    }
}

/// <summary>Markdown inputs are read as text.</summary>
public sealed class MarkdownInputTests
{
    [Fact]
    public void MarkdownSyntaxGoesAndTheHeadingBecomesTheTitle()
    {
        var md = "# Ferry timetable changes next week\n\n![A ferry](ferry.jpg)\n\nThe **operator** said on Monday that [the new timetable](https://example.org/t) starts on 1 June, with more crossings at weekends.\n\nPassengers can already book seats on the new evening crossing, the company said.";
        var a = Storyline.Extraction.ArticleExtractor.Default.Extract(new Storyline.Sources.RawDocument
        {
            Id = "m", Source = "notes/ferry.md", Kind = Storyline.Sources.ContentKind.Text, Text = md,
        });
        a.Title.ShouldBe("Ferry timetable changes next week");
        a.Text.ShouldStartWith("The operator said on Monday that the new timetable starts on 1 June");
        a.Text.ShouldNotContain("](");
    }
}

/// <summary>Prose about subscriptions is news; prompts addressed to the reader are not.</summary>
public sealed class SubscriptionProseTests
{
    [Fact]
    public void ASentenceAboutPaywallsOrUnlimitedAccessIsKept()
    {
        var s1 = "The newspaper introduced a paywall in 2010 and now has more than a million digital subscribers.";
        var s2 = "The new plan gives students unlimited access to the archive for a year, the publisher said.";
        var s3 = "Analysts said the move would help the company reduce its reliance on advertising revenue over time.";
        var a = ExtractionTestKit.Text($"{s1}\n\n{s2}\n\n{s3}");
        a.Text.ShouldBe($"{s1}\n\n{s2}\n\n{s3}");
        a.HasFlag(Storyline.Documents.ArticleFlags.Paywall).ShouldBeFalse();
    }

    [Fact]
    public void ALongAppealToTheReaderGoes()
    {
        var s1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
        var s2 = "Work on the barrier is expected to start in the spring and last about two years.";
        var appeal = "If you enjoyed this article, we have a proposition for you: become a member. Members get all of our reporting, the weekly magazine and invitations to events, and your support keeps our newsroom independent for years to come.";
        var a = ExtractionTestKit.Text($"{s1}\n\n{s2}\n\n{appeal}");
        a.Text.ShouldBe($"{s1}\n\n{s2}");
    }
}

/// <summary>Readers' comments copied with the article.</summary>
public sealed class CommentSectionTests
{
    [Fact]
    public void ACommentThreadAfterTheArticleGoes()
    {
        var s1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
        var s2 = "Work on the barrier is expected to start in the spring and last about two years.";
        var s3 = "Residents of the lower town have asked for better protection since the floods of last winter.";
        var thread = "12 Comments\nriverfan77\n3 hours ago\nAbout time they did something, this town floods every single year.\nReply\nold_harbour\n2 hours ago\nWho is paying for all of this, I wonder, and why was nobody asked?\nReply";
        var a = ExtractionTestKit.Text($"{s1}\n\n{s2}\n\n{s3}\n\n{thread}");
        a.Text.ShouldBe($"{s1}\n\n{s2}\n\n{s3}");
    }

    [Fact]
    public void AWordCommentsInsideTheArticleDoesNotCutIt()
    {
        var s1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
        var s2 = "Residents were invited to send their views before the vote.";
        var s3 = "Work on the barrier is expected to start in the spring and last about two years.";
        var a = ExtractionTestKit.Text($"{s1}\n\n{s2}\n\nComments\n\n{s3}\n\nIt will cost about 40 million euros, officials said.");
        a.Text.ShouldContain(s3);
    }
}

/// <summary>Rules that must not take article prose with them.</summary>
public sealed class ProseSafetyTests
{
    private const string S1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
    private const string S2 = "Work on the barrier is expected to start in the spring and last about two years.";

    [Fact]
    public void ANewsletterPromptMidArticleDoesNotTakeTheNextParagraph()
    {
        var next = "A member of the regional parliament said the plan had been approved without enough public consultation, and called for a review.";
        var a = ExtractionTestKit.Text($"{S1}\n\nSign up for our newsletter\n\n{next}\n\n{S2}");
        a.Text.ShouldBe($"{S1}\n\n{next}\n\n{S2}");
    }

    [Theory]
    [InlineData("(c) the contractor must publish its safety plan before work starts, under the terms agreed by the council.")]
    [InlineData("For the latest quarter, the council reported a small surplus on its flood defence budget, officials said.")]
    [InlineData("Correction: An earlier version of this article gave the wrong date for the council vote, which was on Monday.")]
    public void LinesThatOnlyLookLikeTrailersAreKept(string line)
    {
        var a = ExtractionTestKit.Text($"{S1}\n\n{line}\n\n{S2}");
        a.Text.ShouldContain(line);
    }
}

/// <summary>Link lists at the end of copied text.</summary>
public sealed class TrailingListTests
{
    private const string S1 = "The council approved the new flood barrier on Monday after a long debate, the mayor said.";
    private const string S2 = "Work on the barrier is expected to start in the spring and last about two years.";

    [Fact]
    public void ALinkListWithAQuestionHeadlineGoes()
    {
        var a = ExtractionTestKit.Text($"{S1}\n\n{S2}\n\nWho will pay for the new barrier?\nFerry fares to rise in spring\nCouncil approves new cycle lanes\nPort strike ends after two weeks");
        a.Text.ShouldBe($"{S1}\n\n{S2}");
    }

    [Fact]
    public void ShortClosingSentencesStay()
    {
        var a = ExtractionTestKit.Text($"{S1}\n\n{S2}\n\nThe mayor declined to comment.\nThe vote is final.\nWork starts in May.");
        a.Text.ShouldContain("The mayor declined to comment.");
        a.Text.ShouldContain("Work starts in May.");
    }
}

/// <summary>The last sentence of an article survives the furniture after it.</summary>
public sealed class LastSentenceTests
{
    [Fact]
    public void AShortLastSentenceBeforeTopicLinksIsKept()
    {
        var s1 = "Nearly 9,000 people remain displaced, the relief agency said, up from 7,500 last week.";
        var last = "The operator said it welcomed the inquiry.";
        var a = ExtractionTestKit.Text($"{s1}\n\n{last}\n\nAdvertisement\n\nRelated Topics\nHarbour Dam\nRiverton");
        a.Text.ShouldBe($"{s1}\n\n{last}");
    }
}
