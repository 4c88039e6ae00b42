using System.Globalization;
using System.Text.Json;
using Storyline.Documents;
using Storyline.Language.Figures;
using Xunit.Abstractions;

namespace Storyline.Tests.Language.Times;

/// <summary>
/// An adapter that runs the English Recognizers-Text specification cases that concern news text through
/// our time and figure layers: dates, date periods with a single TIMEX3 value, durations, numbers,
/// ordinals, percentages and currency amounts. A case passes when every expected entity is found with the
/// same value: a time expression overlapping the expected text whose value equals the TIMEX3 (or, for a
/// date without a year, one of the two resolutions the spec accepts); a figure with the expected number
/// (and a currency or percent unit where the spec has one); an ordinal read by our number reader and not
/// reported as a figure. Cases whose expected result is empty pass when nothing of that kind is found.
/// Ranges written as "(start,end,duration)" are not TIMEX3 values and are left out, as are cases the
/// upstream .NET runner skips.
/// </summary>
public sealed class RecognizersSpecsTests(ITestOutputHelper output)
{
    private sealed record Outcome(int Cases, int Passed);

    /// <summary>Failing inputs, for the test output.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Failures = new();

    private static void Fail(string kind, string input, string detail) => Failures.Enqueue($"{kind}: {input} => {detail}");

    private static string Folder => SharedData.Require("data/recognizers-specs");

    private static IEnumerable<JsonElement> Cases(string relative)
    {
        var path = Path.Combine(Folder, relative);
        using var j = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in j.RootElement.EnumerateArray())
        {
            var skip = (c.TryGetProperty("NotSupported", out var ns) ? ns.GetString() : "") + "," +
                       (c.TryGetProperty("NotSupportedByDesign", out var nb) ? nb.GetString() : "");
            if (skip.Contains("dotnet", StringComparison.OrdinalIgnoreCase)) continue;
            yield return c.Clone();
        }
    }

    private static DateOnly ReferenceOf(JsonElement c) =>
        c.TryGetProperty("Context", out var ctx) && ctx.TryGetProperty("ReferenceDateTime", out var r)
            ? DateOnly.FromDateTime(DateTime.Parse(r.GetString()!, CultureInfo.InvariantCulture))
            : new DateOnly(2016, 11, 7);

    private static Outcome RunTimes(string relative, Func<string, bool> admit)
    {
        int cases = 0, passed = 0;
        foreach (var c in Cases(relative))
        {
            var results = c.GetProperty("Results").EnumerateArray().ToList();
            if (results.Any(r => !admit(r.GetProperty("Value").GetProperty("Timex").GetString() ?? ""))) continue;
            cases++;
            var input = c.GetProperty("Input").GetString()!;
            var doc = AnnotationTestPipeline.Run(input, ReferenceOf(c));
            bool ok = results.All(r =>
            {
                int s = r.GetProperty("Start").GetInt32(), e = s + r.GetProperty("Length").GetInt32();
                var v = r.GetProperty("Value");
                var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { v.GetProperty("Timex").GetString()! };
                foreach (var res in new[] { "FutureResolution", "PastResolution" })
                    if (v.TryGetProperty(res, out var rv) && rv.TryGetProperty("date", out var d)) accepted.Add(d.GetString()!);
                return doc.Times.Any(t => t.Span.Start < e && s < t.Span.End && accepted.Contains(t.Value));
            });
            if (results.Count == 0) ok = doc.Times.Count == 0;
            if (ok) passed++;
            else Fail(relative, input, string.Join("; ", doc.Times.Select(t => t.Text + "=" + t.Value)) + " | want " + string.Join("; ", results.Select(r => r.GetProperty("Text").GetString() + "=" + r.GetProperty("Value").GetProperty("Timex").GetString())));
        }
        return new Outcome(cases, passed);
    }

    /// <summary>A single TIMEX3 value: not a "(start,end,duration)" range, not a clock time.</summary>
    private static bool SingleValue(string timex) => !timex.StartsWith('(') && !timex.Contains('T', StringComparison.Ordinal);

    private static Outcome RunNumbers(string relative, string typePrefix, Func<JsonElement, Figure, bool> unitOk, Func<Figure, bool> emptyMeans)
    {
        int cases = 0, passed = 0;
        foreach (var c in Cases(relative))
        {
            var results = c.GetProperty("Results").EnumerateArray().ToList();
            if (results.Any(r => !r.GetProperty("TypeName").GetString()!.StartsWith(typePrefix, StringComparison.Ordinal))) continue;
            var values = new List<(JsonElement R, double V)>();
            bool numeric = true;
            foreach (var r in results)
            {
                var raw = r.GetProperty("Resolution").TryGetProperty("value", out var vv) ? vv.GetString() ?? "" : "";
                if (double.TryParse(raw.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) values.Add((r, d));
                else numeric = false;
            }
            if (!numeric) continue;
            cases++;
            var doc = AnnotationTestPipeline.Run(c.GetProperty("Input").GetString()!, new DateOnly(2016, 11, 7));
            bool ok = values.All(x => doc.Figures.Any(f => Math.Abs(f.Value - x.V) <= 1e-9 * Math.Max(1, Math.Abs(x.V)) && unitOk(x.R, f)));
            // An empty expectation says there is nothing of this model's kind: for the currency and percent
            // models a plain count ("All 70 of us") is not a miss, only an amount with such a unit is.
            if (results.Count == 0) ok = !doc.Figures.Any(f => emptyMeans(f));
            if (ok) passed++;
            else Fail(relative, c.GetProperty("Input").GetString()!, string.Join("; ", doc.Figures.Select(f => f.Text + "=" + f.Value + " " + f.Unit)) + " | want " + string.Join("; ", values.Select(v => v.V)));
        }
        return new Outcome(cases, passed);
    }

    private Outcome RunOrdinals(string relative)
    {
        int cases = 0, passed = 0;
        foreach (var c in Cases(relative))
        {
            var results = c.GetProperty("Results").EnumerateArray().ToList();
            if (results.Any(r => r.GetProperty("TypeName").GetString() != "ordinal")) continue;
            cases++;
            var doc = AnnotationTestPipeline.Run(c.GetProperty("Input").GetString()!);
            bool ok = results.All(r =>
            {
                var text = r.GetProperty("Text").GetString()!;
                var value = r.GetProperty("Resolution").GetProperty("value").GetString()!;
                bool read = NumberWords.TryOrdinal(text, out int n) && n.ToString(CultureInfo.InvariantCulture) == value;
                int s = r.GetProperty("Start").GetInt32(), e = r.GetProperty("End").GetInt32() + 1;
                return read && !doc.Figures.Any(f => f.Span.Start < e && s < f.Span.End);
            });
            if (ok) passed++;
        }
        return new Outcome(cases, passed);
    }

    [SkippableFact]
    public void News_relevant_cases_pass()
    {
        var outcomes = new Dictionary<string, Outcome>
        {
            ["dates"] = RunTimes("DateTime/English/DateParser.json", SingleValue),
            ["date periods"] = RunTimes("DateTime/English/DatePeriodParser.json", SingleValue),
            ["durations"] = RunTimes("DateTime/English/DurationParser.json", SingleValue),
            ["numbers"] = RunNumbers("Number/English/NumberModel.json", "number", (_, _) => true, _ => true),
            ["percentages"] = RunNumbers("Number/English/PercentModel.json", "percentage", (_, f) => f.Unit == "%", f => f.Unit == "%"),
            ["currency"] = RunNumbers("NumberWithUnit/English/CurrencyModel.json", "currency", (_, f) => f.Unit is not null, f => f.Unit is "cent" || (f.Unit is { Length: 3 } u && u.All(char.IsUpper))),
            ["ordinals"] = RunOrdinals("Number/English/OrdinalModel.json"),
        };
        int cases = 0, passed = 0;
        foreach (var (name, o) in outcomes)
        {
            output.WriteLine($"{name}: {o.Passed}/{o.Cases}");
            cases += o.Cases;
            passed += o.Passed;
        }
        output.WriteLine($"all: {passed}/{cases} = {(double)passed / cases:P1}");
        foreach (var f in Failures) output.WriteLine("FAIL " + f);
        ((double)passed / cases).ShouldBeGreaterThanOrEqualTo(0.63, string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value.Passed}/{o.Value.Cases}")));
    }
}
