using System.Text.Json;
using Storyline.Reports;
using Storyline.Stories;
using Xunit.Abstractions;

namespace Storyline.Tests.Stories;

/// <summary>The acceptance checks of the story stage on the reference corpus (read from the shared folder).</summary>
public sealed class CeasefireGoldenTests(ITestOutputHelper output)
{
    private static readonly Lazy<AnalysisReport> ReportLazy = new(() => new StoryAnalyzer().Analyze(CorpusPipeline.Ceasefire()));

    [SkippableFact]
    public void OneStoryHoldsAllFiveArticles()
    {
        var gold = CorpusPipeline.Gold();
        var report = ReportLazy.Value;
        var expected = gold.GetProperty("story").GetProperty("articles").EnumerateArray().Select(e => e.GetString()!).Order().ToList();
        report.Stories.Count.ShouldBe(1, string.Join(" | ", report.Stories.Select(s => string.Join(",", s.Articles))));
        report.Stories[0].Articles.Order().ShouldBe(expected);
    }

    [SkippableFact]
    public void EventsMatchGold()
    {
        var gold = CorpusPipeline.Gold();
        var report = ReportLazy.Value;
        var expected = gold.GetProperty("events").EnumerateArray()
            .Select(e => string.Join(",", e.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Order()))
            .Order().ToList();
        var actual = report.Stories.SelectMany(s => s.Events).Select(e => string.Join(",", e.Articles.Order())).Order().ToList();
        actual.ShouldBe(expected);
    }

    [SkippableFact]
    public void WritesJson()
    {
        var report = ReportLazy.Value;
        string json = ReportJson.ToJson(report);
        output.WriteLine(json.Length > 200_000 ? json[..200_000] : json);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("stories").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
