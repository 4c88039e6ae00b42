using System.Text;
using System.Text.Json;
using Spectre.Console;
using Storyline.Cli.Rendering;
using Storyline.Documents;
using Storyline.Reports;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public sealed class ReportWriterTests
{
    private static readonly AnalysisReport Report = new StoryAnalyzer().Analyze(StoryFixtures.All());

    /// <summary>A report whose text carries markup of every kind a writer could mishandle.</summary>
    private static AnalysisReport Hostile()
    {
        const string text = "Officials said <script>alert('x')</script> & [bold]markup[/] *stars* | pipes were found on May 2 in Tarnby. " +
                            "The \"quoted\" claim on May 2 said 30 people were hurt in Tarnby <b>today</b>.";
        var doc = new DocBuilder("h<1>", "2025-05-03", "Outlet & <Co>", text)
            .Time("on May 2", "2025-05-02")
            .Figure("30 people", 30, "hurt", "Tarnby")
            .Build();
        return new StoryAnalyzer().Analyze([doc]);
    }

    [Fact]
    public void JsonHasTheContractFields()
    {
        using var doc = JsonDocument.Parse(ReportJson.ToJson(Report));
        var root = doc.RootElement;
        var article = root.GetProperty("articles")[0];
        foreach (var f in new[] { "id", "source", "url", "title", "published", "outlet", "text", "removed" })
            article.TryGetProperty(f, out _).ShouldBeTrue(f);
        var story = root.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("articles").EnumerateArray().Any(a => a.GetString() == "dam-1"));
        foreach (var f in new[] { "id", "title", "articles", "events", "timeline", "figures", "quotes", "summary" })
            story.TryGetProperty(f, out _).ShouldBeTrue(f);
        var ev = story.GetProperty("events")[0];
        foreach (var f in new[] { "id", "date", "title", "articles" }) ev.TryGetProperty(f, out _).ShouldBeTrue(f);
        var entry = story.GetProperty("timeline")[0];
        entry.GetProperty("date").GetString()!.Length.ShouldBe(10);
        var cite = entry.GetProperty("citations")[0];
        foreach (var f in new[] { "article", "start", "end" }) cite.TryGetProperty(f, out _).ShouldBeTrue(f);
        var series = story.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("assessment").GetString() == "discrepancy");
        series.GetProperty("measure").GetString().ShouldNotBeNullOrEmpty();
        var point = series.GetProperty("points")[0];
        foreach (var f in new[] { "value", "qualifier", "as_of", "article", "outlet", "source", "text" })
            point.TryGetProperty(f, out _).ShouldBeTrue(f);
        story.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("assessment").GetString())
            .ShouldContain("trend");
        var quote = story.GetProperty("quotes")[0];
        foreach (var f in new[] { "speaker", "text", "article" }) quote.TryGetProperty(f, out _).ShouldBeTrue(f);
        story.GetProperty("summary")[0].GetProperty("citations")[0].GetProperty("start").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void JsonQualifiersAreSnakeCase()
    {
        ReportJson.Snake(nameof(Qualifier.MoreThan)).ShouldBe("more_than");
        ReportJson.Snake(nameof(Qualifier.AtLeast)).ShouldBe("at_least");
        ReportJson.ToJson(Report).ShouldContain("\"qualifier\": \"at_least\"");
    }

    [Fact]
    public void HtmlIsSelfContainedAndEscapesArticleText()
    {
        var sw = new StringWriter();
        ReportHtml.Write(Hostile(), sw);
        string html = sw.ToString();
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b>today");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("Outlet &amp; &lt;Co&gt;");
        html.ShouldNotContain("http://", Case.Insensitive, "no external resources");
        html.ShouldNotContain("src=");
    }

    [Fact]
    public void HtmlDrawsAChartPerSeriesAndMarksDiscrepancies()
    {
        var sw = new StringWriter();
        ReportHtml.Write(Report, sw);
        string html = sw.ToString();
        int series = Report.Stories.Sum(s => s.Figures.Count);
        int charts = CountOf(html, "<div class=\"chart\"><svg");
        charts.ShouldBe(series);
        html.ShouldContain("stroke=\"#c0392b\"");
        html.ShouldContain("<ol class=\"timeline\">");
        html.ShouldContain("Copies of one report:");
        html.ShouldContain("href=\"#a-dam-1-copy\"");
    }

    [Fact]
    public void MarkdownListsStoriesAndEscapesMarkup()
    {
        var sw = new StringWriter();
        ReportMarkdown.Write(Hostile(), sw);
        string md = sw.ToString();
        md.ShouldContain("# Storyline report");
        md.ShouldContain("\\<script\\>");
        md.ShouldContain("\\*stars\\*");

        sw = new StringWriter();
        ReportMarkdown.Write(Report, sw);
        md = sw.ToString();
        md.ShouldContain("### Timeline");
        md.ShouldContain("⚠ discrepancy");
        md.ShouldContain("↗ trend");
    }

    [Fact]
    public void TimelineJsonIsTheContractArray()
    {
        var days = new[]
        {
            new TimelineDay(new DateOnly(2025, 3, 3), ["The dam failed.", "Crews said \"40\" died \u2013 in Millbrook."]),
            new TimelineDay(new DateOnly(2025, 3, 8), []),
        };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) TimelineJson.Write(w, days);
        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        root.GetArrayLength().ShouldBe(2);
        root[0].GetProperty("date").GetString().ShouldBe("2025-03-03");
        root[0].GetProperty("sentences").EnumerateArray().Select(e => e.GetString()).ShouldBe(days[0].Sentences);
        root[1].GetProperty("date").GetString().ShouldBe("2025-03-08");
        root[1].GetProperty("sentences").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void TerminalReportRendersTablesWithoutMarkupErrors()
    {
        foreach (var report in new[] { Report, Hostile(), AnalysisReport.Empty })
        {
            var sb = new StringBuilder();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(new StringWriter(sb)),
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = 160;
            TerminalReport.Render(report, console);
            string text = sb.ToString();
            text.ShouldContain("Storyline");
            if (report == Report)
            {
                text.ShouldContain("Timeline");
                text.ShouldContain("discrepancy");
                text.ShouldContain("Elsa Marwick");
                // One copy beside its original: singular.
                text.ShouldContain("(+1 copy)");
                text.ShouldNotContain("(+1 copies)");
            }
            if (report != Report && report.Stories.Count > 0) text.ShouldContain("[bold]markup[/]");
        }
    }

    private static int CountOf(string s, string needle)
    {
        int n = 0, at = 0;
        while ((at = s.IndexOf(needle, at, StringComparison.Ordinal)) >= 0) { n++; at += needle.Length; }
        return n;
    }
}
