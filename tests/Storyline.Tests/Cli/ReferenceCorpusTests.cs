using System.Text.Json;

namespace Storyline.Tests.Cli;

/// <summary>
/// The whole pipeline on the reference story, through the real command line, against the reviewer's
/// answers in gold.json (read from ../shared). These are the walking skeleton's acceptance checks.
/// </summary>
public sealed class ReferenceCorpusTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Extracted = new(() => RunJsonl("extract"));
    private static readonly Lazy<Dictionary<string, JsonElement>> Annotated = new(() => RunJsonl("annotate"));
    private static readonly Lazy<JsonElement> Analyzed = new(() =>
    {
        var result = CliRunner.Run("analyze", Gold.Articles, "--meta", Gold.Meta, "--format", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    });

    private static Dictionary<string, JsonElement> RunJsonl(string command)
    {
        var result = CliRunner.Run(command, Gold.Articles, "--meta", Gold.Meta, "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(r => r.GetProperty("id").GetString()!);
    }

    private static IEnumerable<(string Article, JsonElement Item)> GoldItems(string layer)
    {
        foreach (var article in Gold.Load().GetProperty("articles").EnumerateObject())
            foreach (var item in article.Value.GetProperty(layer).EnumerateArray())
                yield return (article.Name, item);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [SkippableFact]
    public void ExtractRemovesEveryGoldBoilerplateLineAndKeepsEveryGoldQuote()
    {
        _ = Gold.CorpusDir;
        var articles = Extracted.Value;
        articles.Count.ShouldBe(5);
        var left = new List<string>();
        foreach (var (id, line) in GoldItems("boilerplate"))
        {
            var text = Gold.Fold(Str(articles[id], "text")!);
            if (text.Contains(Gold.Fold(line.GetString()!), StringComparison.Ordinal)) left.Add($"{id}: {line.GetString()}");
        }
        left.ShouldBeEmpty();
        var lost = new List<string>();
        foreach (var (id, quote) in GoldItems("quotes"))
        {
            var text = Gold.Fold(Str(articles[id], "text")!);
            var q = Gold.Fold(Str(quote, "text")!);
            if (!text.Contains(q, StringComparison.Ordinal)) lost.Add($"{id}: {q}");
        }
        lost.ShouldBeEmpty();
    }

    private static bool SameSpeaker(string? predicted, string gold)
    {
        if (predicted is null) return false;
        var p = Gold.Fold(predicted);
        var g = Gold.Fold(gold);
        return p == g || p.EndsWith(g, StringComparison.Ordinal) || g.EndsWith(p, StringComparison.Ordinal) && p.Contains(' ', StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AnnotateFindsMostGoldQuotesWithTheirSpeakers()
    {
        _ = Gold.CorpusDir;
        var docs = Annotated.Value;
        int total = 0, right = 0;
        var misses = new List<string>();
        foreach (var (id, gold) in GoldItems("quotes"))
        {
            total++;
            var g = Gold.Fold(Str(gold, "text")!);
            var speaker = Str(gold, "speaker")!;
            bool found = docs[id].GetProperty("quotes").EnumerateArray().Any(q =>
                Gold.Fold(Str(q, "text") ?? "").Contains(g, StringComparison.Ordinal) && SameSpeaker(Str(q, "speaker"), speaker));
            if (found) right++;
            else misses.Add($"{id}: {speaker}: {g}");
        }
        ((double)right / total).ShouldBeGreaterThanOrEqualTo(0.80, string.Join("\n", misses));
    }

    private static string QualifierOf(JsonElement gold) => (Str(gold, "qualifier") ?? "exact").Replace(' ', '_');

    [SkippableFact]
    public void AnnotateFindsMostGoldFiguresWithValueAndQualifier()
    {
        _ = Gold.CorpusDir;
        var docs = Annotated.Value;
        int total = 0, right = 0;
        var misses = new List<string>();
        foreach (var (id, gold) in GoldItems("figures"))
        {
            total++;
            double value = gold.GetProperty("value").GetDouble();
            var qualifier = QualifierOf(gold);
            bool found = docs[id].GetProperty("figures").EnumerateArray().Any(f =>
                Math.Abs(f.GetProperty("value").GetDouble() - value) < 1e-6 && Str(f, "qualifier") == qualifier);
            if (found) right++;
            else misses.Add($"{id}: {value} {qualifier}");
        }
        ((double)right / total).ShouldBeGreaterThanOrEqualTo(0.80, string.Join("\n", misses));
    }

    [SkippableFact]
    public void AnnotateResolvesMostGoldTimeExpressions()
    {
        _ = Gold.CorpusDir;
        var docs = Annotated.Value;
        int total = 0, right = 0;
        var misses = new List<string>();
        foreach (var (id, gold) in GoldItems("times"))
        {
            total++;
            var g = Gold.Fold(Str(gold, "text")!);
            var value = Str(gold, "value");
            bool found = docs[id].GetProperty("times").EnumerateArray().Any(t =>
            {
                var p = Gold.Fold(Str(t, "text") ?? "");
                return (p.Contains(g, StringComparison.Ordinal) || g.Contains(p, StringComparison.Ordinal)) && p.Length > 0 && Str(t, "value") == value;
            });
            if (found) right++;
            else misses.Add($"{id}: {g} = {value}");
        }
        ((double)right / total).ShouldBeGreaterThanOrEqualTo(0.80, string.Join("\n", misses));
    }

    [SkippableFact]
    public void AnalyzeBuildsOneStoryWithTheGoldEvents()
    {
        _ = Gold.CorpusDir;
        var stories = Analyzed.Value.GetProperty("stories").EnumerateArray().ToList();
        var gold = Gold.Load();
        var all = gold.GetProperty("story").GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).Order().ToList();
        var story = stories.Single(s => s.GetProperty("articles").GetArrayLength() == all.Count);
        story.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).Order().ShouldBe(all);

        var events = story.GetProperty("events").EnumerateArray()
            .Select(e => string.Join(",", e.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Order()))
            .Order().ToList();
        var goldEvents = gold.GetProperty("events").EnumerateArray()
            .Select(e => string.Join(",", e.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Order()))
            .Order().ToList();
        events.ShouldBe(goldEvents);
    }

    [SkippableFact]
    public void AnalyzeTimelineHoldsMostGoldDatesEachCited()
    {
        _ = Gold.CorpusDir;
        var story = Analyzed.Value.GetProperty("stories").EnumerateArray().First();
        var entries = story.GetProperty("timeline").EnumerateArray().ToList();
        entries.ShouldAllBe(e => e.GetProperty("citations").GetArrayLength() > 0);
        var dates = entries.Select(e => Str(e, "date")).ToHashSet();
        var goldDates = Gold.Load().GetProperty("timeline").EnumerateArray().Select(t => Str(t, "date")).ToList();
        var found = goldDates.Count(dates.Contains);
        found.ShouldBeGreaterThanOrEqualTo(6, "timeline dates: " + string.Join(", ", dates.Order()));
    }

    [SkippableFact]
    public void AnalyzeLedgerTellsTheGazaTrendFromTheOctober7Discrepancy()
    {
        _ = Gold.CorpusDir;
        var report = Analyzed.Value;
        var outlets = report.GetProperty("articles").EnumerateArray().ToDictionary(a => Str(a, "id")!, a => Str(a, "outlet"));
        var series = report.GetProperty("stories").EnumerateArray().First().GetProperty("figures").EnumerateArray().ToList();

        JsonElement SeriesWith(params double[] values) => series.Single(s =>
            values.All(v => s.GetProperty("points").EnumerateArray().Any(p => Math.Abs(p.GetProperty("value").GetDouble() - v) < 1e-6)));

        var gaza = SeriesWith(40223, 44000);
        Str(gaza, "assessment").ShouldBe("trend");
        var october7 = SeriesWith(1199, 1139);
        Str(october7, "assessment").ShouldBe("discrepancy");
        foreach (var point in gaza.GetProperty("points").EnumerateArray().Concat(october7.GetProperty("points").EnumerateArray()))
        {
            var article = Str(point, "article");
            article.ShouldNotBeNull();
            outlets.ShouldContainKey(article!);
            Str(point, "outlet").ShouldBe(outlets[article!]);
        }
    }

    [SkippableFact]
    public void WithoutMetaTheDatelineArticleIsDatedExactlyAndTheOthersAreFlaggedEstimates()
    {
        _ = Gold.CorpusDir;
        var run = CliRunner.Run("annotate", Gold.Articles, "--format", "jsonl");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var docs = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToDictionary(d => Str(d, "id")!);
        foreach (var article in Gold.Load().GetProperty("articles").EnumerateObject())
        {
            var doc = docs[article.Name];
            var flags = doc.TryGetProperty("flags", out var f) ? f.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            if (article.Value.TryGetProperty("dateline", out var dateline))
            {
                Str(doc, "published").ShouldBe(Str(dateline, "date"));
                flags.ShouldNotContain("date_estimated");
                continue;
            }
            flags.ShouldContain("date_estimated", article.Name);
            var latest = article.Value.GetProperty("times").EnumerateArray().Select(t => Str(t, "value")!)
                .Where(v => v.Length == 10).Max(StringComparer.Ordinal)!;
            string.CompareOrdinal(Str(doc, "published"), latest).ShouldBeGreaterThanOrEqualTo(0, $"{article.Name}: estimate before {latest}");
        }
    }
}
