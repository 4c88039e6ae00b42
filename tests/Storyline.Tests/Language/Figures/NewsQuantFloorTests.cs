using System.Globalization;
using System.Text.Json;

namespace Storyline.Tests.Language.Figures;

/// <summary>Quality floor on NewsQuant (shared half): value F1 of the figures found in each sentence.</summary>
public sealed class NewsQuantFloorTests
{
    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b));

    [SkippableFact]
    public void Value_F1_stays_above_the_floor()
    {
        var path = SharedData.Require("data/quantities/newsquant/newsquant.shared.json");
        using var j = JsonDocument.Parse(File.ReadAllText(path));
        int gold = 0, goldMatched = 0, predicted = 0, predMatched = 0;
        foreach (var s in j.RootElement.EnumerateArray())
        {
            var doc = Times.AnnotationTestPipeline.Run(s.GetProperty("text").GetString()!);
            var values = doc.Figures.Select(f => f.Value).ToList();
            var used = new bool[values.Count];
            predicted += values.Count;
            foreach (var q in s.GetProperty("quantities").EnumerateArray())
            {
                gold++;
                var v = q.GetProperty("value").GetString()!;
                // a range "a-b" is found when both ends are
                var parts = v.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var ends = new List<double>();
                foreach (var part in v.StartsWith('-') ? [v] : parts)
                    if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) ends.Add(d);
                var hits = new List<int>();
                foreach (var e in ends)
                {
                    int k = Enumerable.Range(0, values.Count).FirstOrDefault(i => !used[i] && !hits.Contains(i) && Same(values[i], e), -1);
                    if (k >= 0) hits.Add(k);
                }
                if (ends.Count == 0 || hits.Count < ends.Count) continue;
                goldMatched++;
                foreach (var k in hits) { used[k] = true; predMatched++; }
            }
        }
        double p = (double)predMatched / predicted, r = (double)goldMatched / gold, f1 = 2 * p * r / (p + r);
        f1.ShouldBeGreaterThanOrEqualTo(0.87, $"value P={p:F3} R={r:F3}");
    }
}
