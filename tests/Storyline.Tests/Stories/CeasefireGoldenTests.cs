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

    private static void RequireLayer(string layer) =>
        Skip.IfNot(CorpusPipeline.Produced.Contains(layer), $"the pipeline has no '{layer}' annotator yet");

    private static Dictionary<string, string> Texts() =>
        ReportLazy.Value.Articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);

    [SkippableFact]
    public void TimelineHoldsGoldDatesEachCitingASentence()
    {
        RequireLayer(Storyline.Language.Layers.Times);
        var gold = CorpusPipeline.Gold();
        var story = ReportLazy.Value.Stories[0];
        var texts = Texts();
        var goldDates = gold.GetProperty("timeline").EnumerateArray().Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        int found = 0;
        foreach (var d in goldDates)
        {
            var entry = story.Timeline.FirstOrDefault(t => t.Date == d);
            output.WriteLine($"{d:yyyy-MM-dd}: {(entry is null ? "MISSING" : entry.Text)}");
            if (entry is null) continue;
            entry.Citations.ShouldNotBeEmpty();
            foreach (var c in entry.Citations) texts[c.Article][c.Start..c.End].ShouldBe(entry.Text);
            found++;
        }
        found.ShouldBeGreaterThanOrEqualTo(8);
    }

    [SkippableFact]
    public void GazaTollIsATrendAndTheOctober7TollADiscrepancy()
    {
        RequireLayer(Storyline.Language.Layers.Figures);
        var story = ReportLazy.Value.Stories[0];
        foreach (var f in story.Figures)
            output.WriteLine($"{f.Assessment} {ReportJson.Label(f)}: " + string.Join("; ", f.Points.Select(p => $"{p.Value} {p.AsOf} {p.Outlet ?? p.Article}")));
        var gaza = story.Figures.Where(f => f.Points.Any(p => p.Value == 40223)).ShouldHaveSingleItem();
        gaza.Assessment.ShouldBe(SeriesAssessment.Trend);
        gaza.Points.Select(p => p.Value).ShouldContain(44000);
        gaza.Points.Select(p => p.Value).ShouldContain(39000);
        var oct7 = story.Figures.Where(f => f.Points.Any(p => p.Value == 1139)).ShouldHaveSingleItem();
        oct7.Assessment.ShouldBe(SeriesAssessment.Discrepancy);
        oct7.Points.Select(p => p.Value).ShouldContain(1199);
        oct7.Points.Select(p => p.Value).ShouldContain(1200);
        oct7.Sides.Count.ShouldBeGreaterThanOrEqualTo(2);
        oct7.Sides.ShouldAllBe(s => s.Outlets.Count > 0);
        var texts = Texts();
        foreach (var p in story.Figures.SelectMany(f => f.Points))
            texts[p.Citation.Article][p.Citation.Start..p.Citation.End].ShouldBe(p.Text);
    }

    [SkippableFact]
    public void WordingShowsJnsMassacreBesideOtherOutlets()
    {
        RequireLayer(Storyline.Language.Layers.Times);
        var story = ReportLazy.Value.Stories[0];
        foreach (var row in story.Wording)
            output.WriteLine(row.Concept + ": " + string.Join(" | ", row.Outlets.Select(o => o.Outlet + " " + string.Join(",", o.Terms.Select(t => t.Term + "x" + t.Count)))));
        var attack = story.Wording.First(r => r.Target == "2023-10-07");
        attack.Outlets.Single(o => o.Outlet == "JNS").Terms.Select(t => t.Term).ShouldContain("massacre");
        attack.Outlets.Count.ShouldBeGreaterThanOrEqualTo(3);
        var members = story.Wording.First(r => r.Concept.StartsWith("the armed group", StringComparison.Ordinal));
        members.Outlets.SelectMany(o => o.Terms).Select(t => t.Term).ShouldContain("terrorists");
        members.Outlets.SelectMany(o => o.Terms).Select(t => t.Term).ShouldContain("militants");
    }

    [SkippableFact]
    public void EveryCitationReadsBackAsItsSentence()
    {
        var story = ReportLazy.Value.Stories[0];
        var texts = Texts();
        foreach (var s in story.Summary)
            foreach (var c in s.Citations) texts[c.Article][c.Start..c.End].ShouldBe(s.Text);
        foreach (var t in story.Timeline)
            foreach (var s in t.Support) texts[s.Citation.Article][s.Citation.Start..s.Citation.End].ShouldBe(s.Text);
        foreach (var q in story.Quotes) texts[q.Citation.Article][q.Citation.Start..q.Citation.End].ShouldBe(q.Text);
        story.Summary.ShouldNotBeEmpty();
        story.Summary.ShouldAllBe(s => !s.Text.Contains("JNS", StringComparison.Ordinal) && !s.Text.Contains("Advertisment", StringComparison.Ordinal));
    }
}
