using System.Text.Json;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Sources;
using Storyline.Language;

namespace Storyline.Tests.Stories;

/// <summary>Runs the reference corpus through extraction and the application's full language pipeline.</summary>
internal static class CorpusPipeline
{
    public static LanguagePipeline Pipeline => StandardPipeline.Full;

    public static IReadOnlySet<string> Produced =>
        Pipeline.Steps.SelectMany(s => s.Produces).ToHashSet(StringComparer.Ordinal);

    /// <summary>The five reference articles with their supplied dates and outlets, annotated.</summary>
    public static IReadOnlyList<AnnotatedDocument> Ceasefire()
    {
        string dir = SharedData.Require("corpus/ceasefire");
        var meta = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(dir, "meta.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var e = JsonDocument.Parse(line).RootElement.Clone();
            meta[Path.GetFileName(e.GetProperty("file").GetString()!)] = e;
        }
        var docs = new List<AnnotatedDocument>();
        foreach (var path in Directory.GetFiles(Path.Combine(dir, "articles"), "*.txt").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            meta.TryGetValue(name, out var m);
            string? Get(string field) => m.ValueKind == JsonValueKind.Object && m.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var raw = new RawDocument
            {
                Id = Path.GetFileNameWithoutExtension(name),
                Source = path,
                Kind = ContentKind.Text,
                Text = File.ReadAllText(path),
                Outlet = Get("outlet"),
                Published = Get("published") is { } p ? DateOnly.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null,
            };
            docs.Add(Pipeline.Annotate(ArticleExtractor.Default.Extract(raw)));
        }
        return docs;
    }

    public static JsonElement Gold() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.Require("corpus/ceasefire/gold.json"))).RootElement.Clone();
}
