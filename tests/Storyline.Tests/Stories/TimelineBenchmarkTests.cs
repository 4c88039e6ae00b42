using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Stories;
using Xunit.Abstractions;

namespace Storyline.Tests.Stories;

/// <summary>
/// Quality floors on the development topics of the timeline benchmarks (read from the shared folder):
/// story clustering keeps the pooled topics apart, and timeline summarisation picks the reference dates.
/// The full ROUGE scoring runs through the benchmark's own harness; date F1 is cheap enough to check here.
/// </summary>
public sealed class TimelineBenchmarkTests(ITestOutputHelper output)
{
    private static readonly string[] Topics =
        ["tls-t17/news-tls-format/haiti", "tls-t17/news-tls-format/mj", "tls-entities/Chris_Brown", "tls-entities/Phil_Spector"];

    private static List<Article> ReadArticles(string folder, string prefix)
    {
        var list = new List<Article>();
        using var stream = File.OpenRead(Path.Combine(folder, "articles.preprocessed.jsonl.gz"));
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string time = root.GetProperty("time").GetString()!;
            list.Add(new Article
            {
                Id = prefix + root.GetProperty("id").ToString(),
                Source = folder,
                Text = root.GetProperty("text").GetString() ?? "",
                Published = DateOnly.ParseExact(time[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                PublishedFrom = Provenance.Supplied,
            });
        }
        return list;
    }

    private static AnnotatedDocument[] Annotate(IReadOnlyList<Article> articles, bool times)
    {
        var steps = CorpusPipeline.Pipeline.Steps
            .Where(s => s.Produces.Any(p => p is Layers.Tokens or Layers.Sentences || (times && p == Layers.Times)))
            .ToList();
        var docs = new AnnotatedDocument[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var d = AnnotatedDocument.For(articles[i]);
            foreach (var s in steps) d = s.Annotate(d);
            docs[i] = d;
        });
        return docs;
    }

    [SkippableFact]
    public void PooledTopicsAreNeverMergedIntoOneStory()
    {
        var articles = new List<Article>();
        var topicOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in Topics)
        {
            string folder = SharedData.Require("data/" + t);
            foreach (var a in ReadArticles(folder, t + "/")) { articles.Add(a); topicOf[a.Id] = t; }
        }
        var docs = Annotate(articles, times: false).OrderBy(d => d.Article.Published).ThenBy(d => d.Article.Id, StringComparer.Ordinal);
        var index = new StoryIndex();
        foreach (var d in docs) index.Add(d);
        long same = 0, pairs = 0, topicPairs = 0;
        foreach (var story in index.StoryArticles())
        {
            long n = story.Count;
            pairs += n * (n - 1) / 2;
            foreach (var g in story.GroupBy(id => topicOf[id])) same += (long)g.Count() * (g.Count() - 1) / 2;
        }
        foreach (var g in topicOf.Values.GroupBy(t => t)) topicPairs += (long)g.Count() * (g.Count() - 1) / 2;
        double purity = pairs == 0 ? 1 : same / (double)pairs;
        double recall = same / (double)topicPairs;
        output.WriteLine($"{articles.Count} articles, {index.StoryCount} stories, pair purity {purity:0.0000} over {pairs} pairs, recall {recall:0.0000}");
        purity.ShouldBeGreaterThanOrEqualTo(0.95);
        // After merges every article is in exactly one live story and one of its events, and knows both.
        index.StoryArticles().Sum(s => s.Count).ShouldBe(articles.Count);
        foreach (var story in index.Stories)
        {
            story.Events.Sum(e => e.Members.Count).ShouldBe(story.Members.Count);
            foreach (var m in story.Members)
            {
                m.StoryId.ShouldBe(story.Id);
                story.Events[m.EventId].Members.ShouldContain(m);
            }
        }
        // A developing story is one thread, not dozens of fragments: a good share of the same-topic pairs
        // must end up in one story (single-pass clustering alone left about a fifth).
        recall.ShouldBeGreaterThanOrEqualTo(0.45);
    }

    [SkippableFact]
    public void TimelineDatesMatchTheReferenceOnT17Development()
    {
        Skip.IfNot(CorpusPipeline.Produced.Contains(Layers.Times), "the pipeline has no time tagger yet");
        double precisionSum = 0, recallSum = 0;
        int timelines = 0;
        foreach (var t in Topics.Where(t => t.StartsWith("tls-t17", StringComparison.Ordinal)))
        {
            string folder = SharedData.Require("data/" + t);
            var keywords = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(folder, "keywords.json")))!;
            foreach (var line in File.ReadLines(Path.Combine(folder, "timelines.jsonl")))
            {
                if (string.IsNullOrWhiteSpace(line) || line.Trim() == "[]") continue;
                var reference = new Dictionary<DateOnly, int>();
                foreach (var entry in JsonDocument.Parse(line).RootElement.EnumerateArray())
                    reference[DateOnly.ParseExact(entry[0].GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)] = entry[1].GetArrayLength();
                var first = reference.Keys.Min();
                var last = reference.Keys.Max();
                int k = (int)Math.Round(reference.Values.Average(), MidpointRounding.ToEven);
                var articles = ReadArticles(folder, "").Where(a => a.Published >= first && a.Published <= last).ToList();
                var days = new TimelineSummarizer().Summarize(Annotate(articles, times: true), reference.Count, k, keywords);
                days.Count.ShouldBeLessThanOrEqualTo(reference.Count);
                days.ShouldAllBe(d => d.Sentences.Count > 0 && d.Sentences.Count <= k);
                int hits = days.Count(d => reference.ContainsKey(d.Date));
                double p = days.Count == 0 ? 0 : hits / (double)days.Count, r = hits / (double)reference.Count;
                output.WriteLine($"{t}: {hits}/{reference.Count} dates, P {p:0.000} R {r:0.000}");
                precisionSum += p;
                recallSum += r;
                timelines++;
            }
        }
        double pm = precisionSum / timelines, rm = recallSum / timelines;
        double f1 = pm + rm == 0 ? 0 : 2 * pm * rm / (pm + rm);
        output.WriteLine($"date F1 {f1:0.000}");
        f1.ShouldBeGreaterThanOrEqualTo(0.55);
    }
}
