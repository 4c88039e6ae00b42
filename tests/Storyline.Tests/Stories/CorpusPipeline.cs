using System.Reflection;
using System.Text.Json;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Sources;
using Storyline.Language;

namespace Storyline.Tests.Stories;

/// <summary>
/// Runs the reference corpus through the language pipeline: every annotator the library offers, in an order
/// that meets each one's requirements, so the golden tests pick up new annotators as they land.
/// </summary>
internal static class CorpusPipeline
{
    private static readonly Lazy<LanguagePipeline> PipelineLazy = new(BuildPipeline);

    public static LanguagePipeline Pipeline => PipelineLazy.Value;

    public static IReadOnlySet<string> Produced =>
        Pipeline.Steps.SelectMany(s => s.Produces).ToHashSet(StringComparer.Ordinal);

    private static LanguagePipeline BuildPipeline()
    {
        var types = typeof(IAnnotator).Assembly.GetTypes()
            .Where(t => typeof(IAnnotator).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        var annotators = new List<IAnnotator>();
        foreach (var t in types)
        {
            var instance = t.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                           ?? t.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                           ?? t.GetField("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                           ?? t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            if (instance is null && t.GetConstructor(Type.EmptyTypes) is { } ctor)
            {
                try { instance = ctor.Invoke(null); } catch (TargetInvocationException) { }
            }
            if (instance is IAnnotator a) annotators.Add(a);
        }
        // Order: repeatedly take the annotators whose requirements are already produced.
        var builder = new PipelineBuilder();
        var have = new HashSet<string>(StringComparer.Ordinal);
        var produced = new HashSet<string>(StringComparer.Ordinal);
        while (annotators.Count > 0)
        {
            var ready = annotators.FirstOrDefault(a => a.Requires.All(have.Contains) && !a.Produces.All(produced.Contains));
            if (ready is null) break;
            annotators.Remove(ready);
            builder.Add(ready);
            have.UnionWith(ready.Produces);
            produced.UnionWith(ready.Produces);
        }
        return builder.Build();
    }

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
