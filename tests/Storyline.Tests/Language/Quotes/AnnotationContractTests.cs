using System.Text.Json;
using Storyline.Language;
using Storyline.Tests.Language.Times;

namespace Storyline.Tests.Language.Quotes;

/// <summary>The annotate output contract for one document, and the same result from many threads.</summary>
public sealed class AnnotationContractTests
{
    private const string Text =
        "US President Joe Biden spoke on Wednesday.\n\n" +
        "“We are closer now than we have been before,” White House spokesperson John Kirby said. " +
        "More than 39,000 Palestinians have been killed, according to the health ministry.";

    private static JsonElement Written(Storyline.Documents.AnnotatedDocument doc)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) AnnotationJson.Write(w, doc);
        return JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void A_stretch_of_days_carries_its_first_and_last_day_and_a_point_in_time_does_not()
    {
        var root = Written(AnnotationTestPipeline.Run("The ferry will not run for the rest of the month. It stopped on Monday.", new DateOnly(2025, 3, 5)));
        var times = root.GetProperty("times").EnumerateArray().ToList();
        var rest = times.Single(t => t.GetProperty("text").GetString()!.Contains("rest of the month", StringComparison.Ordinal));
        rest.GetProperty("begin_point").GetString().ShouldBe("2025-03-05");
        rest.GetProperty("end_point").GetString().ShouldBe("2025-03-31");
        var monday = times.Single(t => t.GetProperty("text").GetString() == "Monday");
        monday.TryGetProperty("begin_point", out _).ShouldBeFalse();
    }

    [Fact]
    public void Writes_the_documented_fields_and_qualifier_strings()
    {
        var root = Written(AnnotationTestPipeline.Run(Text, new DateOnly(2024, 7, 25), "doc-1"));
        root.GetProperty("id").GetString().ShouldBe("doc-1");
        root.GetProperty("text").GetString().ShouldBe(Text);
        root.GetProperty("published").GetString().ShouldBe("2024-07-25");

        var quote = root.GetProperty("quotes").EnumerateArray().First(q => q.GetProperty("kind").GetString() == "direct");
        foreach (var field in new[] { "start", "end", "text", "speaker", "speaker_start", "speaker_end", "kind" })
            quote.TryGetProperty(field, out _).ShouldBeTrue(field);
        quote.GetProperty("speaker").GetString().ShouldBe("John Kirby");
        Text[quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()].ShouldBe(quote.GetProperty("text").GetString());

        var figure = root.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("value").GetDouble() == 39000);
        foreach (var field in new[] { "start", "end", "text", "value", "qualifier", "unit", "measure", "subject", "source" })
            figure.TryGetProperty(field, out _).ShouldBeTrue(field);
        figure.GetProperty("qualifier").GetString().ShouldBe("more_than");
        figure.GetProperty("source").GetString().ShouldBe("health ministry");

        var time = root.GetProperty("times").EnumerateArray().Single(t => t.GetProperty("text").GetString() == "Wednesday");
        time.GetProperty("type").GetString().ShouldBe("DATE");
        time.GetProperty("value").GetString().ShouldBe("2024-07-24");
    }

    [Fact]
    public void Annotators_give_the_same_result_on_many_threads()
    {
        var expected = Written(AnnotationTestPipeline.Run(Text, new DateOnly(2024, 7, 25))).GetRawText();
        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = Written(AnnotationTestPipeline.Run(Text, new DateOnly(2024, 7, 25))).GetRawText());
        results.ShouldAllBe(r => r == expected);
    }
}
