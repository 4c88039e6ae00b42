using System.Text.Json;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Browser;

/// <summary>The self-contained HTML report, opened in a real headless browser.</summary>
public sealed class HtmlReportBrowserTests
{
    [SkippableFact]
    public async Task ReportRendersOneChartPerFigureSeriesAndTheTimelineWithoutErrors()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        using var dir = new TempDir();
        var samples = Path.Combine(SharedData.RepoRoot, "samples", "tarrow-dam");
        var htmlPath = Path.Combine(dir.Path, "report.html");
        var run = CliRunner.Run("analyze", Path.Combine(samples, "articles"), "--meta", Path.Combine(samples, "meta.jsonl"), "--out", htmlPath);
        run.ExitCode.ShouldBe(0, run.Stderr);
        var json = CliRunner.Run("analyze", Path.Combine(samples, "articles"), "--meta", Path.Combine(samples, "meta.jsonl"), "--format", "json");
        var report = JsonDocument.Parse(json.Stdout).RootElement;
        int series = report.GetProperty("stories").EnumerateArray().Sum(s => s.GetProperty("figures").GetArrayLength());
        int timeline = report.GetProperty("stories").EnumerateArray().Sum(s => s.GetProperty("timeline").GetArrayLength());
        series.ShouldBeGreaterThan(0);

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        var requests = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Add(r.Url); };
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri);

        errors.ShouldBeEmpty();
        requests.ShouldBeEmpty("the report must be self-contained");
        (await page.TitleAsync()).ShouldNotBeNullOrWhiteSpace();
        // Every figure series is drawn as an inline SVG chart with one mark per point.
        int charts = await page.Locator("svg[role=img]:not([aria-label=timeline])").CountAsync();
        charts.ShouldBeGreaterThanOrEqualTo(series);
        int points = report.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("figures").EnumerateArray()).Sum(f => f.GetProperty("points").GetArrayLength());
        int marks = await page.Locator("svg[role=img]:not([aria-label=timeline]) circle").CountAsync();
        marks.ShouldBeGreaterThanOrEqualTo(points);
        // The timeline shows each entry's date.
        var body = await page.InnerTextAsync("body");
        foreach (var entry in report.GetProperty("stories").EnumerateArray().SelectMany(s => s.GetProperty("timeline").EnumerateArray()))
            body.ShouldContain(entry.GetProperty("date").GetString()!);
        timeline.ShouldBeGreaterThan(0);
        (await page.Locator("svg[aria-label=timeline]").CountAsync()).ShouldBe(report.GetProperty("stories").GetArrayLength());

        var shot = Environment.GetEnvironmentVariable("STORYLINE_SCREENSHOT");
        if (!string.IsNullOrEmpty(shot)) await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
    }
}
