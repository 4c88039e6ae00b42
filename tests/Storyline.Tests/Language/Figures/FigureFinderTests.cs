using Storyline.Documents;
using Storyline.Language.Figures;
using Storyline.Tests.Language.Times;

namespace Storyline.Tests.Language.Figures;

public sealed class FigureFinderTests
{
    private static readonly DateOnly Reference = new(2024, 7, 25);

    private static IReadOnlyList<Figure> Figures(string text) => AnnotationTestPipeline.Run(text, Reference).Figures;

    [Theory]
    [InlineData("The refinery cost 1.5 million dollars.", 1500000, "USD")]
    [InlineData("The fund lost $1.2bn last quarter.", 1200000000, "USD")]
    [InlineData("Tickets cost EUR 30 each.", 30, "EUR")]
    [InlineData("The repairs took two and a half weeks of labour worth 40,000 euros.", 40000, "EUR")]
    [InlineData("The bill came to thirteen dollars and forty-five cents.", 13.45, "USD")]
    [InlineData("The ticket costs 15 dollars 50.", 15.5, "USD")]
    [InlineData("The ferry fare rose to 4,500 ₩ this spring.", 4500, "KRW")]
    public void Reads_amounts_in_news_forms(string text, double value, string unit) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-6 && f.Unit == unit, string.Join(" | ", Figures(text).Select(f => f.Text + "=" + f.Value + " " + f.Unit)));

    [Theory]
    [InlineData("The ferry carried two and a half thousand passengers.", 2500)]
    [InlineData("A third of the budget went to roads.", 1.0 / 3)]
    [InlineData("The recipe needs 2 1/4 cups of flour.", 2.25)]
    [InlineData("The port handled five million and three quarters tonnes.", 5750000)]
    [InlineData("The fund is worth one billion and a half million.", 1000500000)]
    [InlineData("The index fell by three point five percent.", 3.5)]
    [InlineData("Readings reached nine point nought four on the scale.", 9.04)]
    [InlineData("The survey counted 4 thousand 3 hundred and 21 nests.", 4321)]
    [InlineData("The club has 3 hundred and one members.", 301)]
    public void Reads_fractions_and_mixed_numbers(string text, double value) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-6, string.Join(" | ", Figures(text).Select(f => f.Text + "=" + f.Value + " " + f.Unit)));

    [Theory]
    [InlineData("The attack killed 1,199 people.", 1199, Qualifier.Exact)]
    [InlineData("The assault has killed over 39,000 Palestinians.", 39000, Qualifier.MoreThan)]
    [InlineData("More than 104,000 people were injured.", 104000, Qualifier.MoreThan)]
    [InlineData("It led to the death of nearly 40,000 Palestinians.", 40000, Qualifier.Nearly)]
    [InlineData("The attacks left around 1,200 Israelis dead.", 1200, Qualifier.About)]
    [InlineData("Some 250 people were taken hostage.", 250, Qualifier.About)]
    [InlineData("At least 34 of them are dead.", 34, Qualifier.AtLeast)]
    [InlineData("Up to 500 trucks may enter each day.", 500, Qualifier.UpTo)]
    [InlineData("Fewer than 20 remain.", 20, Qualifier.LessThan)]
    [InlineData("Almost half a million people face famine.", 500000, Qualifier.Nearly)]
    public void Reads_values_and_qualifiers(string text, double value, Qualifier qualifier)
    {
        var f = Figures(text).ShouldHaveSingleItem();
        f.Value.ShouldBe(value);
        f.Qualifier.ShouldBe(qualifier);
    }

    [Theory]
    [InlineData("Half a million people face acute food insecurity.", 500000)]
    [InlineData("Two-thirds of the homes were destroyed.", 2.0 / 3)]
    [InlineData("Forty-five trucks crossed.", 45)]
    [InlineData("The budget is $1.5 billion.", 1.5e9)]
    [InlineData("One hundred and twenty buildings collapsed.", 120)]
    public void Reads_number_words_and_scales(string text, double value) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-6);

    [Theory]
    [InlineData("The 81-year-old president spoke.")]
    [InlineData("He pressed for an end to the nine-month-old war.")]
    [InlineData("The vote was held on October 7, 2023.")]
    [InlineData("It was the 20th round of talks.")]
    [InlineData("He was elected in 2020.")]
    [InlineData("Biden, 81, spoke first.")]
    public void Ages_dates_years_and_ordinals_are_not_figures(string text) =>
        Figures(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Inflation rose 3.4% last year.", 3.4, "%")]
    [InlineData("Inflation rose 3.4 percent.", 3.4, "%")]
    [InlineData("The aid package is worth €200 million.", 2e8, "EUR")]
    [InlineData("The convoy drove 40 kilometres.", 40, "kilometre")]
    [InlineData("The quake killed 300 people.", 300, "people")]
    [InlineData("The army deployed 5,000 troops.", 5000, "people")]
    public void Reads_units(string text, double value, string unit)
    {
        var f = Figures(text).First(x => Math.Abs(x.Value - value) < 1e-6);
        f.Unit.ShouldBe(unit);
    }

    [Fact]
    public void A_range_gives_one_figure_per_end()
    {
        var figures = Figures("Between 30 and 40 people were hurt.");
        figures.Select(f => f.Value).ShouldBe([30, 40]);
        figures.ShouldAllBe(f => f.Unit == "people");
    }

    [Fact]
    public void A_rate_written_on_the_low_end_holds_for_the_high_end()
    {
        var figures = Figures("The price of the benchmark crude has fallen from $82 per barrel to $61.40 since spring.");
        figures.Select(f => f.Value).ShouldBe([82, 61.4]);
        figures.ShouldAllBe(f => f.Unit == "USD/barrel");
    }

    [Fact]
    public void An_area_unit_at_the_end_of_a_sentence_keeps_its_full_stop_out()
    {
        Figures("The warehouse was let at $95 per sq m.").Single().Unit.ShouldBe("USD/square metre");
    }

    [Fact]
    public void A_dollar_sign_with_its_country_letters_names_the_currency()
    {
        var figures = Figures("The villa sold for $US4,250,000 ($A6,512,300) last year.");
        figures.Select(f => (f.Value, f.Unit)).ShouldBe([(4_250_000d, "USD"), (6_512_300d, "AUD")]);
    }

    [Fact]
    public void The_fraction_slash_writes_a_fraction()
    {
        Figures("A teaspoon holds about 1\u20446 of a fluid ounce.").Single().Value.ShouldBe(1d / 6, 1e-12);
    }

    [Fact]
    public void The_end_of_a_change_keeps_the_unit_it_started_in()
    {
        Figures("Mileage rose from 31 mpg combined to 34 on the new model.")
            .Select(f => (f.Value, f.Unit)).ShouldBe([(31d, "mile/gallon"), (34d, "mile/gallon")]);
    }

    [Fact]
    public void A_fraction_takes_the_unit_it_is_a_fraction_of()
    {
        var f = Figures("A shot is about 1/24 of a US quart.").Single();
        f.Value.ShouldBe(1d / 24, 1e-12);
        f.Unit.ShouldBe("quart");
    }

    [Fact]
    public void House_numbers_are_not_amounts()
    {
        Figures("Officers searched 12 W 44th St and 7 Harbour View Road, where 3 people were found.")
            .Select(f => f.Value).ShouldBe([3]);
    }

    [Fact]
    public void A_quarter_of_the_year_is_a_period_and_a_quarter_of_something_is_a_share()
    {
        var figures = Figures("Sales fell in the fourth quarter, when a quarter of the staff left.");
        figures.Single().Value.ShouldBe(0.25);
        figures.Single().Text.ShouldStartWith("a quarter");
    }

    [Fact]
    public void A_part_counts_in_the_unit_of_the_whole_it_belongs_to()
    {
        var figures = Figures("The council has so far found 40 million of the 250 million crowns it needs for the bridge.");
        figures.Select(f => (f.Value, f.Unit)).ShouldBe([(40_000_000d, figures[1].Unit), (250_000_000d, figures[1].Unit)]);
        figures[1].Unit.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("The war has killed 40,223 people, according to the health ministry of the Hamas-run enclave.", "health ministry of the Hamas-run enclave")]
    [InlineData("Israel's assault has killed over 39,000 Palestinians, say health officials in Gaza.", "health officials in Gaza")]
    [InlineData("An AFP count based on Israeli official numbers indicates 1,199 people were killed.", "AFP count based on Israeli official numbers")]
    [InlineData("Of those, 34 are dead, the military claims.", "military")]
    [InlineData("In Gaza, experts say nearly 40,000 Palestinians have died.", "experts")]
    public void Finds_the_authority(string text, string source) =>
        Figures(text).First().Source.ShouldBe(source);

    [Theory]
    [InlineData("Some 90 miners were trapped; 60 of whom are still underground, 12 of whom the company says are injured.", 12, "company")]
    [InlineData("The mayor on Friday said 300 homes were flooded.", 300, "mayor")]
    [InlineData("The panel will report within 90 days, the governor said.", 90, "governor")]
    [InlineData("A safety report seen by the Valley Courier shows that 14 bridges need repairs.", 14, "Valley Courier")]
    [InlineData("The storm cut power to 8,000 homes, county officials said.", 8000, "county officials")]
    public void Scopes_the_authority_to_its_clause(string text, double value, string source) =>
        Figures(text).Single(f => f.Value == value).Source.ShouldBe(source);

    [Theory]
    [InlineData("Some 90 miners were trapped; 60 of whom are still underground, 12 of whom the company says are injured.", 90)]
    [InlineData("Some 90 miners were trapped; 60 of whom are still underground, 12 of whom the company says are injured.", 60)]
    [InlineData("Dozens of envoys tried to convince Nordic states to join the 12-nation pact.", 12)]
    [InlineData("The general denied that the United States held up 3,000 rifles.", 3000)]
    [InlineData("She thanked him for 30 years of service to the state of Ohio.", 30)]
    public void Has_no_authority_without_an_attribution(string text, double value) =>
        Figures(text).Where(f => f.Value == value).ShouldAllBe(f => f.Source == null);

    [Theory]
    [InlineData("The attack killed 1,200 people.", "killed")]
    [InlineData("About 250 people were taken hostage.", "taken hostage")]
    [InlineData("More than 104,000 people were injured.", "injured")]
    [InlineData("Half a million people are facing acute food insecurity.", "facing acute food insecurity")]
    public void Finds_what_is_counted(string text, string measure) =>
        Figures(text).First().Measure.ShouldBe(measure);

    [Fact]
    public void Figures_carry_the_reference_date_as_of()
    {
        var f = Figures("The toll rose to 44,000.").ShouldHaveSingleItem();
        f.AsOf.ShouldBe("2024-07-25");
    }

    [Fact]
    public void Figure_spans_point_into_the_text()
    {
        const string text = "Officials said 1,199 people were killed and about 250 taken hostage; 105 remain held.";
        foreach (var f in Figures(text))
            text[f.Span.Start..f.Span.End].ShouldBe(f.Text);
    }
}

public sealed class FigureFinderFormTests
{
    private static IReadOnlyList<Figure> Figures(string text) => AnnotationTestPipeline.Run(text, new DateOnly(2024, 7, 25)).Figures;

    [Theory]
    [InlineData("The frigid atmosphere can dip to minus 130 degrees.", -130)]
    [InlineData("The recipe needs 2½ cups of flour.", 2.5)]
    [InlineData("Heineken rose 18 sen to RM23.50 in Kuala Lumpur.", 23.5)]
    [InlineData("The population is 3 million and a half.", 3.5e6)]
    [InlineData("They bought three dozen eggs.", 36)]
    [InlineData("The fund raised 10k in a week.", 10000)]
    public void Reads_less_common_forms(string text, double value) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-6);

    [Fact]
    public void A_range_in_one_token_gives_both_ends_with_the_unit()
    {
        var figures = Figures("Standard SUVs manage 14-18 mpg on the highway.");
        figures.Select(f => f.Value).ShouldBe([14, 18]);
        figures.ShouldAllBe(f => f.Unit == "mile/gallon");
    }

    [Fact]
    public void Scores_and_model_numbers_are_not_figures()
    {
        Figures("The game ended 89-89 after overtime.").ShouldBeEmpty();
        Figures("The iPhone 11 Pro was launched.").ShouldBeEmpty();
    }

    [Fact]
    public void A_compound_rate_keeps_its_denominator()
    {
        var f = Figures("Profit was 63 cents per share.").ShouldHaveSingleItem();
        f.Unit.ShouldBe("cent/share");
    }

    [Fact]
    public void Vague_plurals_are_ranges_with_an_about_bound()
    {
        var f = Figures("Tens of thousands of people marched.").ShouldHaveSingleItem();
        f.Value.ShouldBe(10000);
        f.ValueHigh.ShouldBe(100000);
        f.Qualifier.ShouldBe(Qualifier.About);
        f.Unit.ShouldBe("people");
    }
}

public sealed class FigureAsOfTests
{
    [Fact]
    public void A_stated_date_is_the_figure_as_of()
    {
        var doc = AnnotationTestPipeline.Run("As of July 20, 2024, more than 39,000 people had been killed.", new DateOnly(2024, 7, 25));
        doc.Figures.ShouldHaveSingleItem().AsOf.ShouldBe("2024-07-20");
    }

    [Fact]
    public void Without_a_stated_date_the_publication_date_holds()
    {
        var doc = AnnotationTestPipeline.Run("On July 20 the army said 300 soldiers were killed.", new DateOnly(2024, 7, 25));
        doc.Figures.ShouldHaveSingleItem().AsOf.ShouldBe("2024-07-25");
    }

    [Fact]
    public void A_repeated_count_takes_the_authority_stated_for_it()
    {
        var figures = AnnotationTestPipeline.Run("- The flood displaced over 12,000 residents.\n\nThe waters have displaced more than 12,000 people, say relief officials in the valley.\n\nAbout 300 homes were lost.", new DateOnly(2024, 7, 25)).Figures;
        figures.Where(f => f.Value == 12000).ShouldAllBe(f => f.Source == "relief officials in the valley");
        figures.Count(f => f.Value == 12000).ShouldBe(2);
        figures.Single(f => f.Value == 300).Source.ShouldBeNull();
    }

    [Fact]
    public void At_one_point_is_not_a_decimal() =>
        AnnotationTestPipeline.Run("At one point two ships collided in the strait.", new DateOnly(2024, 7, 25)).Figures.ShouldNotContain(f => Math.Abs(f.Value - 1.2) < 1e-9);
}

/// <summary>Written forms of numbers beyond digits and plain number words: ordinal endings, shares, powers, separators.</summary>
public sealed class FigureWrittenFormTests
{
    private static IReadOnlyList<Figure> Figures(string text) => AnnotationTestPipeline.Run(text, new DateOnly(2024, 7, 25)).Figures;

    private static string Show(string text) => string.Join(" | ", Figures(text).Select(f => f.Text + "=" + f.Value + " " + f.Unit));

    [Theory]
    [InlineData("A thousandth of the sample was lost.", 0.001)]
    [InlineData("The levy is one fortieth of the price.", 1.0 / 40)]
    [InlineData("Inspectors said five - sixths of the homes were damaged.", 5.0 / 6)]
    [InlineData("The grant covers seven thirty-seconds of the cost.", 7.0 / 32)]
    [InlineData("The charge fell to one hundred forty fifths of the old rate.", 100.0 / 45)]
    [InlineData("The error was a millionth.", 1e-6)]
    [InlineData("The cost is one one hundred sixth of the total.", 1.0 / 106)]
    [InlineData("Prices were cut by a half.", 0.5)]
    [InlineData("The reservoir lost three quarters of a million litres.", 750000)]
    [InlineData("Two fifths of a billion people were affected.", 4e8)]
    public void Reads_fractions_written_with_ordinals(string text, double value) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-9, Show(text));

    [Theory]
    [InlineData("The town marked its one hundred fiftieth anniversary.")]
    [InlineData("It was the two hundred twenty-first session of the council.")]
    [InlineData("A third suspect was held.")]
    [InlineData("The motion passed on the three hundred and second vote.")]
    [InlineData("Their efforts came to nought.")]
    public void Ordinals_and_ordinal_phrases_are_not_figures(string text) =>
        Figures(text).ShouldBeEmpty(Show(text));

    [Theory]
    [InlineData("one hundred fiftieth", 150)]
    [InlineData("four billionth", 4e9)]
    [InlineData("a hundred thousandth", 1e5)]
    [InlineData("sixty-three thousand and two hundred forty third", 63243)]
    [InlineData("33rd", 33)]
    public void Reads_ordinal_phrases(string text, double value)
    {
        NumberWords.TryOrdinalPhrase(text, out double n).ShouldBeTrue();
        n.ShouldBe(value);
    }

    [Theory]
    [InlineData("Four out of five residents stayed.", 0.8)]
    [InlineData("The ratio was 1 over 4.", 0.25)]
    [InlineData("The sample held 2.4e+6 cells.", 2.4e6)]
    [InlineData("The sample held 2.4e6 cells.", 2.4e6)]
    [InlineData("The dose was 3.2e-5 grams.", 3.2e-5)]
    [InlineData("Density reached 3.1x10^-2 units.", 0.031)]
    [InlineData("The model grew as 2^10.", 1024)]
    [InlineData("The tremor measured .4 on the local scale.", 0.4)]
    [InlineData("The fund raised 15 000 dollars.", 15000)]
    [InlineData("Inflation reached 3,5 percent.", 3.5)]
    [InlineData("The bill is four lakh crore rupees.", 4e12)]
    [InlineData("The old count was two thousand million.", 2e9)]
    [InlineData("The stall sold four doz eggs.", 48)]
    [InlineData("The reading was naught point seven.", 0.7)]
    [InlineData("The drive took 2 and a half hours.", 2.5)]
    [InlineData("Turnout fell 4 and three quarters percent.", 4.75)]
    [InlineData("The city has 6 and a half million residents.", 6.5e6)]
    public void Reads_shares_powers_and_written_separators(string text, double value) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), Show(text));

    [Fact]
    public void Out_of_needs_the_part_no_larger_than_the_whole()
    {
        var values = Figures("Judges gave 12 out of 10 points.").Select(f => f.Value).ToList();
        values.ShouldContain(12);
        values.ShouldContain(10);
    }

    [Fact]
    public void Over_before_a_span_of_time_is_no_fraction()
    {
        var figures = Figures("Exports grew by 3,000 over two years.");
        figures.ShouldContain(f => f.Value == 3000, Show("Exports grew by 3,000 over two years."));
        figures.ShouldNotContain(f => f.Value == 1500);
    }

    [Fact]
    public void Telephone_numbers_joined_by_signs_are_not_figures() =>
        Figures("Call +1-212-555/0100 for details.").ShouldBeEmpty(Show("Call +1-212-555/0100 for details."));

    [Fact]
    public void Telephone_digit_groups_are_not_spaced_thousands() =>
        Figures("Call 0370 60 60 900 today.").ShouldNotContain(f => f.Value == 60900 || f.Value == 60060);

    [Fact]
    public void Numbers_listed_with_commas_are_one_figure_each()
    {
        var figures = Figures("See pages 12,15,19 of the filing.");
        figures.Select(f => f.Value).ShouldBe([12, 15, 19], Show("See pages 12,15,19 of the filing."));
        figures.Select(f => f.Text).ShouldBe(["12", "15", "19"]);
    }

    [Fact]
    public void Numbers_inside_a_web_address_are_not_figures() =>
        Figures("Details at https://example.org/report?id=4512&page=3 were posted.").ShouldBeEmpty(Show("Details at https://example.org/report?id=4512&page=3 were posted."));

    [Fact]
    public void A_fraction_word_after_and_belongs_to_the_duration() =>
        Figures("The talks lasted an hour and a half.").ShouldNotContain(f => f.Value == 0.5);

    [Theory]
    [InlineData("Revenue hit 45 MEUR last year.", 45e6, "EUR")]
    [InlineData("They raised MUSD 12 from investors.", 12e6, "USD")]
    [InlineData("The deal was worth 30 GBP billion.", 3e10, "GBP")]
    [InlineData("It cost 12 USD 40 more than planned.", 12.4, "USD")]
    [InlineData("A bowl of noodles costs 6 yuan 5 jiao.", 6.5, "CNY")]
    [InlineData("The fare was two kuai and three mao five.", 2.35, "CNY")]
    [InlineData("He sold the bike for 40 bucks.", 40, "USD")]
    [InlineData("The watch fetched CHF 9,500 at auction.", 9500, "CHF")]
    [InlineData("A coffee there costs R$ 12.", 12, "BRL")]
    public void Reads_currency_codes_with_scales(string text, double value, string unit) =>
        Figures(text).ShouldContain(f => Math.Abs(f.Value - value) < 1e-6 && f.Unit == unit, Show(text));

    [Fact]
    public void A_technology_generation_is_not_a_weight() =>
        Figures("Carriers expanded 5G coverage.").ShouldAllBe(f => f.Unit != "gram", Show("Carriers expanded 5G coverage."));
}
