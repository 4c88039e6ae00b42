using System.Text.Json;
using Storyline.Documents;
using Xunit.Abstractions;

namespace Storyline.Tests.Language.Times;

/// <summary>
/// Quality floor on MEANTIME (English, shared half): TempEval-3 style relaxed extent F1 and value F1.
/// MEANTIME annotates only sentences 0-5 of each article (the headline, the dateline and four body
/// sentences: no TIMEX3 in its XML is anchored in a later sentence), so the floor is measured on that part.
/// </summary>
public sealed class MeantimeFloorTests(ITestOutputHelper output)
{
    /// <summary>Headline, dateline and four body sentences.</summary>
    private const int AnnotatedSentences = 6;

    [SkippableFact]
    public void Relaxed_and_value_F1_stay_above_the_floor()
    {
        var path = SharedData.Require("data/timex/meantime-en/meantime-en.shared.jsonl");
        int gold = 0, predicted = 0, aligned = 0, valueRight = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var j = JsonDocument.Parse(line);
            var root = j.RootElement;
            var text = root.GetProperty("text").GetString()!;
            var dct = DateOnly.Parse(root.GetProperty("dct").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var doc = AnnotationTestPipeline.Run(text, dct);
            int limit = doc.Sentences.Length > AnnotatedSentences ? doc.Sentences[AnnotatedSentences - 1].End : text.Length;
            var preds = doc.Times.Where(t => t.Span.Start < limit).ToList();
            predicted += preds.Count;
            var used = new bool[preds.Count];
            foreach (var g in root.GetProperty("timexes").EnumerateArray())
            {
                gold++;
                int gs = g.GetProperty("start").GetInt32(), ge = g.GetProperty("end").GetInt32();
                var value = g.GetProperty("value").GetString();
                int best = -1;
                for (int k = 0; k < preds.Count; k++)
                    if (!used[k] && preds[k].Span.Start < ge && gs < preds[k].Span.End) { best = k; break; }
                if (best < 0) continue;
                used[best] = true;
                aligned++;
                if (string.Equals(preds[best].Value, value, StringComparison.OrdinalIgnoreCase)) valueRight++;
            }
        }
        double p = (double)aligned / predicted, r = (double)aligned / gold, f1 = 2 * p * r / (p + r);
        double valueF1 = f1 * valueRight / aligned;
        output.WriteLine($"relaxed P={p:F3} R={r:F3} F1={f1:F3}; value F1={valueF1:F3} ({valueRight}/{aligned})");
        f1.ShouldBeGreaterThanOrEqualTo(0.88, $"relaxed P={p:F3} R={r:F3}");
        valueF1.ShouldBeGreaterThanOrEqualTo(0.80, $"value accuracy {valueRight}/{aligned}");
    }
}
