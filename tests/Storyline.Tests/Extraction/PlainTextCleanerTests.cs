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
