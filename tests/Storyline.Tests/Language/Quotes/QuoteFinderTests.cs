using Storyline.Documents;
using Storyline.Language.Quotes;
using Storyline.Tests.Language.Times;

namespace Storyline.Tests.Language.Quotes;

public sealed class QuoteFinderTests
{
    private static IReadOnlyList<Quote> Quotes(string text) => AnnotationTestPipeline.Run(text, new DateOnly(2024, 7, 25)).Quotes;

    private static Quote QuoteWith(IReadOnlyList<Quote> quotes, string words) =>
        quotes.First(q => q.Text.Contains(words, StringComparison.Ordinal));

    [Fact]
    public void Split_quote_with_attribution_in_the_middle()
    {
        var text = "White House spokesperson John Kirby spoke on Thursday.\n\n“Both sides have to make compromises,” Kirby said. “It’s time to end the war.”";
        var quotes = Quotes(text);
        var first = QuoteWith(quotes, "Both sides");
        first.Speaker!.ShouldEndWith("Kirby");
        first.Kind.ShouldBe(QuoteKind.Direct);
        first.Text.ShouldBe("Both sides have to make compromises,");
        QuoteWith(quotes, "time to end").Speaker!.ShouldEndWith("Kirby");
    }

    [Fact]
    public void Colon_form_and_straight_marks()
    {
        var quotes = Quotes("State Department spokesperson Matt Miller said: \"We need to get this deal over the line.\"");
        var q = QuoteWith(quotes, "get this deal");
        q.Speaker.ShouldBe("Matt Miller");
        q.SpeakerSpan.ShouldNotBeNull();
    }

    [Fact]
    public void Pronoun_speaker_resolves_to_the_preceding_person_subject()
    {
        var text = "Israeli Prime Minister Benjamin Netanyahu addressed Congress on Wednesday.\n\n“Give us the tools faster,” he said.";
        var q = QuoteWith(Quotes(text), "Give us");
        q.Speaker.ShouldBe("Benjamin Netanyahu");
        text[q.SpeakerSpan!.Value.Start..q.SpeakerSpan.Value.End].ShouldBe("he");
    }

    [Fact]
    public void A_full_stop_inside_the_marks_ends_the_quote_and_the_next_sentence_is_not_its_attribution()
    {
        var quotes = Quotes("The mayor, Lena Voss, accused the contractor of “reckless shortcuts.” Council member Ari Dunn said the audit was late.");
        var q = QuoteWith(quotes, "reckless shortcuts.");
        q.Speaker.ShouldBe("Lena Voss");
    }

    [Fact]
    public void A_country_or_a_body_can_be_the_one_quoted()
    {
        var quotes = Quotes("Norway insisted that the trawlers “leave the protected zone at once.” The Fisheries Agency said the fleet had complied.");
        QuoteWith(quotes, "leave the protected zone at once.").Speaker.ShouldBe("Norway");
    }

    [Fact]
    public void A_crowd_chanting_is_the_speaker()
    {
        var quotes = Quotes("The police closed the bridge at dusk. Students marching past the station chanted “Open the gates!” until midnight.");
        QuoteWith(quotes, "Open the gates!").Speaker!.ShouldStartWith("Students");
    }

    [Fact]
    public void A_participle_after_a_comma_reports_for_the_subject_of_the_sentence()
    {
        var quotes = Quotes("At the rally, Senator Mara Quist attacked the plan for its cost to farmers in Iowa and Ohio, saying, \"It will bankrupt the heartland.\"");
        QuoteWith(quotes, "It will bankrupt the heartland.").Speaker.ShouldBe("Mara Quist");
    }

    [Fact]
    public void A_phrase_after_a_preposition_is_not_the_speaker()
    {
        var quotes = Quotes("In a video message posted Sunday, Olsen said he had \"no regrets at all\" about the vote.");
        QuoteWith(quotes, "no regrets at all").Speaker.ShouldBe("Olsen");
    }

    [Fact]
    public void What_it_called_names_the_organisation_before()
    {
        var text = "The World Health Organization on Monday warned of shortages as a response to what it called \"an unprecedented strain on clinics.\"";
        var q = QuoteWith(Quotes(text), "an unprecedented strain on clinics.");
        q.Speaker.ShouldBe("World Health Organization");
        text[q.SpeakerSpan!.Value.Start..q.SpeakerSpan.Value.End].ShouldBe("it");
    }

    [Fact]
    public void A_quote_announced_by_a_colon_belongs_to_the_subject()
    {
        var quotes = Quotes("Ahead of the vote, Governor Lise Arnesen is taking a blunt message to the valley towns: \"Nobody will be left behind.\"");
        QuoteWith(quotes, "Nobody will be left behind.").Speaker.ShouldBe("Lise Arnesen");
    }

    [Fact]
    public void A_partial_quote_inside_someones_claim_is_theirs()
    {
        var quotes = Quotes("Fact-checkers looked at Mayor Ilse Brandt's claim that crime had \"fallen by half\" since 2020.");
        QuoteWith(quotes, "fallen by half").Speaker.ShouldBe("Ilse Brandt");
    }

    [Fact]
    public void An_inverted_attribution_stops_at_the_end_of_its_sentence()
    {
        var quotes = Quotes("The lead is \u201Croughly where it was all month,\u201D reported Reuters. Another 19 percent said they were undecided.");
        QuoteWith(quotes, "roughly where it was all month,").Speaker.ShouldBe("Reuters");
    }

    [Fact]
    public void Partial_quote_inside_reported_speech()
    {
        var text = "US President Joe Biden spoke to Netanyahu. Biden \"reaffirmed our shared goal to see Hamas defeated,\" according to the White House.";
        var q = QuoteWith(Quotes(text), "reaffirmed");
        q.Kind.ShouldBe(QuoteKind.Partial);
        q.Speaker.ShouldBe("Joe Biden");
    }

    [Fact]
    public void Unnamed_source_is_described_and_carried_to_the_next_quote()
    {
        var text = "A senior Biden administration official said deliberations had made progress.\n\n" +
                   "“It’s a very different negotiation now,” the senior official said. “I think those have been resolved.”\n\n" +
                   "Still, the official admitted there were hurdles. “There are some very serious implementation issues.”";
        var quotes = Quotes(text);
        QuoteWith(quotes, "very different").Speaker.ShouldBe("senior Biden administration official");
        QuoteWith(quotes, "have been resolved").Speaker.ShouldBe("senior Biden administration official");
        QuoteWith(quotes, "implementation issues").Speaker.ShouldBe("senior Biden administration official");
    }

    [Fact]
    public void Quote_spanning_paragraphs_keeps_its_speaker()
    {
        var text = "Senator Jane Roe said: “We will not wait.\n\n“We will vote on Monday.”";
        var quotes = Quotes(text);
        QuoteWith(quotes, "not wait").Speaker.ShouldBe("Jane Roe");
        QuoteWith(quotes, "vote on Monday").Speaker.ShouldBe("Jane Roe");
    }

    [Fact]
    public void Appositive_speaker_after_the_quote()
    {
        var text = "“Faster delivery will not end the war,” the Pentagon’s former official, Dana Stroul, wrote in a post on X.";
        QuoteWith(Quotes(text), "Faster delivery").Speaker.ShouldBe("Dana Stroul");
    }

    [Fact]
    public void Indirect_speech_is_recorded_as_indirect()
    {
        var quotes = Quotes("White House spokesperson John Kirby said gaps remain between the two sides.");
        var q = quotes.ShouldHaveSingleItem();
        q.Kind.ShouldBe(QuoteKind.Indirect);
        q.Speaker.ShouldBe("John Kirby");
        q.Text.ShouldStartWith("gaps remain");
    }

    [Fact]
    public void Indirect_speech_can_be_left_out()
    {
        var finder = new QuoteFinder(new QuoteFinderOptions { IncludeIndirect = false });
        var doc = AnnotationTestPipeline.Run("White House spokesperson John Kirby said gaps remain between the two sides.");
        finder.Find(doc).ShouldBeEmpty();
    }

    [Fact]
    public void Unbalanced_marks_do_not_crash_or_swallow_the_text()
    {
        var text = "He said \"this never closes.\n\nAnother paragraph with a \u201D stray mark and \u201C another.";
        var quotes = Quotes(text);
        foreach (var q in quotes)
            text[q.Span.Start..q.Span.End].ShouldBe(q.Text);
    }

    [Fact]
    public void A_statement_speaks_for_its_issuer()
    {
        var quotes = Quotes("In a brief statement, the Port Authority claimed that the minister “welcomed the review” of the contract.\n\n" +
                            "The statement said that the tender would be reopened within the next three months.");
        QuoteWith(quotes, "tender would be reopened").Speaker.ShouldBe("Port Authority");
    }

    [Fact]
    public void A_newspaper_speaks_as_the_outlet_named_before()
    {
        var quotes = Quotes("On Monday, The Riverside Herald cited port workers as saying that the strike would go on.\n\n" +
                            "Quoting “several union stewards,” the newspaper said that talks with the port authority had stalled again.");
        QuoteWith(quotes, "several union stewards").Speaker!.ShouldContain("Herald");
    }

    [Fact]
    public void A_bullet_dash_is_not_part_of_the_speaker()
    {
        var quotes = Quotes("- The Harbour Board says repairs to the eastern pier are behind schedule but will finish this year.");
        quotes.ShouldContain(q => q.Speaker != null && q.Speaker.EndsWith("Harbour Board") && !q.Speaker.StartsWith("-"));
    }

    [Fact]
    public void Reported_content_starts_after_that_when_told_has_a_long_object()
    {
        var quotes = Quotes("Marsh told the committee last month that she had never read the audit.");
        var q = quotes.ShouldHaveSingleItem();
        q.Kind.ShouldBe(QuoteKind.Indirect);
        q.Text.ShouldStartWith("she had never");
    }
}
