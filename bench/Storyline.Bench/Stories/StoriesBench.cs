using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Stories;

namespace Storyline.Bench.Stories;

/// <summary>
/// Story-stage runs:
/// <list type="bullet">
/// <item><c>stories timeline INPUT.jsonl --dates L --per-date K [--query "a, b"]</c>: the timeline contract on a
/// JSONL file (for tls-eval's command template), JSON on stdout.</item>
/// <item><c>stories scale FILE.jsonl[.gz]... [--max N]</c>: story building on 1/4, 1/2 and all of the articles,
/// reporting time and managed memory as the count grows.</item>
/// <item><c>stories purity FILE.jsonl[.gz]... [--entities]</c>: pools the files (one topic each), builds stories and
/// reports the share of same-story article pairs that come from one topic (purity), the share of same-topic
/// pairs placed in one story (recall) and the stories each topic ended up in. <c>--pairs</c> lists how similar
/// story centres of different topics get (where a merge threshold would start to err); <c>--show-single TOPIC</c>
/// shows a topic's lone articles beside its largest story, to see why they stayed out.</item>
/// </list>
/// </summary>
public static class StoriesBench
{
    public static int Run(string[] args)
    {
        if (args.Length == 0) return Usage();
        try
        {
            return args[0] switch
            {
                "timeline" => Timeline(args[1..]),
                "scale" => Scale(args[1..]),
                "purity" => Purity(args[1..]),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("stories: " + e.Message);
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: stories timeline INPUT.jsonl --dates L --per-date K [--query \"a, b\"]");
        Console.Error.WriteLine("       stories scale FILE.jsonl[.gz]... [--max N] [--copies C]");
        Console.Error.WriteLine("       stories purity FILE.jsonl[.gz]... [--set Option=Value]... [--pairs] [--show-single TOPIC] [--entities]");
        return 2;
    }

    /// <summary>Tokens, sentences and times only: what the timeline and story building read.</summary>
    private static LanguagePipeline CheapPipeline(bool times) =>
        times ? StandardPipeline.Timeline : new PipelineBuilder().Add(Tokenizer.Instance).Add(SentenceSplitter.Instance).Build();

    private static IEnumerable<string> Lines(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress))
            : new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
    }

    /// <summary>Articles of a JSONL file: <c>id</c>, <c>published</c> or <c>time</c>, <c>text</c>.</summary>
    private static List<Article> Read(string path, string? prefix = null)
    {
        var list = new List<Article>();
        foreach (var line in Lines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string id = root.TryGetProperty("id", out var idEl) ? idEl.ToString() : list.Count.ToString(CultureInfo.InvariantCulture);
            string? date = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()
                : root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            DateOnly? published = date is { Length: >= 10 } && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            string text = root.TryGetProperty("text", out var te) && te.ValueKind == JsonValueKind.String ? te.GetString() ?? "" : "";
            list.Add(new Article
            {
                Id = (prefix ?? "") + id, Source = path, Text = text, Published = published,
                PublishedFrom = published is null ? Provenance.None : Provenance.Supplied,
            });
        }
        return list;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Timeline(string[] args)
    {
        if (args.Length == 0) return Usage();
        int dates = int.Parse(Option(args, "--dates") ?? "10", CultureInfo.InvariantCulture);
        int perDate = int.Parse(Option(args, "--per-date") ?? "1", CultureInfo.InvariantCulture);
        var query = Option(args, "--query")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pipeline = CheapPipeline(times: true);
        var articles = Read(args[0]);
        var docs = new AnnotatedDocument[articles.Count];
        Parallel.For(0, articles.Count, i => docs[i] = pipeline.Annotate(articles[i]));
        var options = WithOverrides(TimelineSummarizerOptions.Default, args);
        var days = new TimelineSummarizer(options).Summarize(docs, dates, perDate, query);
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Storyline.Reports.TimelineJson.Write(w, days);
        return 0;
    }

    /// <summary>Applies <c>--set Name=Value</c> overrides of numeric options, for tuning runs on development data.</summary>
    private static T WithOverrides<T>(T options, string[] args) where T : class
    {
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--set") continue;
            var parts = args[i + 1].Split('=', 2);
            var prop = typeof(T).GetProperty(parts[0]) ?? throw new FormatException("no option " + parts[0]);
            object v = prop.PropertyType == typeof(bool) ? (object)bool.Parse(parts[1])
                : prop.PropertyType == typeof(int) ? (object)int.Parse(parts[1], CultureInfo.InvariantCulture)
                : prop.PropertyType == typeof(float) ? (object)float.Parse(parts[1], CultureInfo.InvariantCulture)
                : double.Parse(parts[1], CultureInfo.InvariantCulture);
            // Records are immutable: copy through the compiler-generated clone, then set the init-only property.
            var clone = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(options, null)!;
            prop.SetValue(clone, v);
            options = clone;
        }
        return options;
    }

    private static List<string> Files(string[] args)
    {
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { i++; continue; }
            files.Add(args[i]);
        }
        return files;
    }

    private static int Scale(string[] args)
    {
        var files = Files(args);
        int max = int.Parse(Option(args, "--max") ?? "100000", CultureInfo.InvariantCulture);
        // Copies multiply the collection with shifted dates and renamed terms-free ids, to reach tens of thousands.
        int copies = int.Parse(Option(args, "--copies") ?? "1", CultureInfo.InvariantCulture);
        var pipeline = CheapPipeline(times: false);
        var articles = new List<Article>();
        foreach (var f in files) articles.AddRange(Read(f, Path.GetFileName(Path.GetDirectoryName(f)) + "/"));
        // Each copy gets its own vocabulary (every longer word suffixed) and dates 20 years later, so copies
        // are new stories, not near-duplicates of the originals: the index grows as with real new material.
        var all = new List<Article>(articles.Count * copies);
        for (int c = 0; c < copies; c++)
            foreach (var a in articles)
                all.Add(c == 0 ? a : a with
                {
                    Id = a.Id + "#" + c.ToString(CultureInfo.InvariantCulture),
                    Text = Suffixed(a.Text, c),
                    Published = a.Published?.AddYears(20 * c),
                });
        if (all.Count > max) all.RemoveRange(max, all.Count - max);
        var annotate = Stopwatch.StartNew();
        var docsArray = new AnnotatedDocument[all.Count];
        Parallel.For(0, all.Count, i => docsArray[i] = pipeline.Annotate(all[i]));
        var docs = docsArray.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"annotated (tokens, sentences) in {annotate.Elapsed.TotalSeconds:0.0} s"));
        if (docs.Count > max) docs.RemoveRange(max, docs.Count - max);
        Console.WriteLine($"{docs.Count} articles from {files.Count} files (x{copies})");
        Console.WriteLine("articles\tstories\tterms\tseconds\tms/article\tmanaged MB");
        foreach (int n in new[] { docs.Count / 4, docs.Count / 2, docs.Count })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalMemory(true);
            var sw = Stopwatch.StartNew();
            var index = new StoryIndex();
            for (int i = 0; i < n; i++) index.Add(docs[i]);
            sw.Stop();
            long after = GC.GetTotalMemory(true);
            GC.KeepAlive(index);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n}\t{index.StoryCount}\t{index.Vocabulary.Count}\t{sw.Elapsed.TotalSeconds:0.000}\t{sw.Elapsed.TotalMilliseconds / Math.Max(1, n):0.000}\t{(after - before) / 1048576.0:0.0}"));
        }
        var report = Stopwatch.StartNew();
        var analysis = new StoryAnalyzer().Analyze(docs.Take(Math.Min(docs.Count, 2000)).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full report on {Math.Min(docs.Count, 2000)} articles: {report.Elapsed.TotalSeconds:0.00} s, {analysis.Stories.Count} stories"));
        return 0;
    }

    private static string Suffixed(string text, int copy)
    {
        string tag = "q" + (char)('a' + copy % 26) + (char)('a' + copy / 26 % 26);
        var sb = new System.Text.StringBuilder(text.Length + text.Length / 3);
        int run = 0;
        foreach (char ch in text)
        {
            if (char.IsLetter(ch)) { run++; sb.Append(ch); continue; }
            if (run >= 4) sb.Append(tag);
            run = 0;
            sb.Append(ch);
        }
        if (run >= 4) sb.Append(tag);
        return sb.ToString();
    }

    private static int Purity(string[] args)
    {
        var files = Files(args);
        // --entities adds the entity tagger, as analyze runs it; without it names are told by capitals.
        var pipeline = args.Contains("--entities")
            ? new PipelineBuilder().Add(Tokenizer.Instance).Add(SentenceSplitter.Instance).Add(Storyline.Language.Entities.EntityTagger.Default).Build()
            : CheapPipeline(times: true);
        var articles = new List<Article>();
        var topicOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            string topic = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(f)))!;
            foreach (var a in Read(f, topic + "/")) { articles.Add(a); topicOf[a.Id] = topic; }
        }
        var docs = new AnnotatedDocument[articles.Count];
        Parallel.For(0, articles.Count, i => docs[i] = pipeline.Annotate(articles[i]));
        var ordered = docs.OrderBy(d => d.Article.Published).ThenBy(d => d.Article.Id, StringComparer.Ordinal).ToList();
        var sw = Stopwatch.StartNew();
        var index = new StoryIndex(WithOverrides(StoryOptions.Default, args));
        foreach (var d in ordered) index.Add(d);
        long same = 0, pairs = 0, recallPairs = 0;
        var topicSizes = topicOf.Values.GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var story in index.StoryArticles())
        {
            var counts = story.GroupBy(id => topicOf[id]).Select(g => (long)g.Count()).ToList();
            long n = story.Count;
            pairs += n * (n - 1) / 2;
            foreach (long c in counts) same += c * (c - 1) / 2;
        }
        foreach (long s in topicSizes.Values) recallPairs += s * (s - 1) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles.Count} articles, {files.Count} topics, {index.StoryCount} stories in {sw.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pair purity {(pairs == 0 ? 1 : same / (double)pairs):0.0000} ({same}/{pairs}); same-topic pairs recovered {same / (double)Math.Max(1, recallPairs):0.0000}"));
        // Stories per topic: where each topic's articles went (a story counts for the topic holding most of it).
        var perTopic = index.StoryArticles()
            .GroupBy(st => st.GroupBy(id => topicOf[id]).OrderByDescending(g => g.Count()).First().Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in perTopic)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {g.Key}: {topicSizes[g.Key]} articles, {g.Count()} stories ({g.Count(st => st.Count == 1)} single), largest {g.Max(st => st.Count)}"));
        if (args.Contains("--pairs"))
        {
            // Centre similarity of story pairs, same topic or not: where a merge threshold would start to err.
            var multi = index.Stories.Where(c => c.Members.Count >= 2).ToList();
            var cross = new List<(double Sim, string A, string B)>();
            var sameSims = new List<double>();
            for (int i = 0; i < multi.Count; i++)
                for (int j = i + 1; j < multi.Count; j++)
                {
                    double sim = multi[i].Centre.Cosine(multi[j].Centre);
                    string ta = topicOf[multi[i].Members[0].Id], tb = topicOf[multi[j].Members[0].Id];
                    if (ta == tb) sameSims.Add(sim);
                    else cross.Add((sim, ta + " " + string.Join(" ", multi[i].Centre.Top(4).Select(index.Vocabulary.Term)), tb + " " + string.Join(" ", multi[j].Centre.Top(4).Select(index.Vocabulary.Term))));
                }
            foreach (var c in cross.OrderByDescending(c => c.Sim).Take(6))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    cross {c.Sim:0.000}: {c.A} | {c.B}"));
            foreach (double t in new[] { 0.1, 0.15, 0.2, 0.25, 0.3, 0.4 })
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    >= {t}: same-topic pairs {sameSims.Count(x => x >= t)}, cross-topic {cross.Count(x => x.Sim >= t)}"));
        }
        if (Option(args, "--show-single") is { } topicToShow)
        {
            var text = articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
            var biggest = index.Stories.Where(c => topicOf[c.Members[0].Id] == topicToShow).OrderByDescending(c => c.Members.Count).First();
            Console.WriteLine("    centre: " + string.Join(" ", biggest.Centre.Top(30).Select(i => index.Vocabulary.Term(i) + ":" + biggest.Centre.Weights[i].ToString("0.0", CultureInfo.InvariantCulture))));
            foreach (var c in index.Stories.Where(c => c.Members.Count > 1 && c != biggest).OrderByDescending(c => biggest.Centre.Cosine(c.Centre)).Take(15))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    multi {topicOf[c.Members[0].Id]} n={c.Members.Count} cos {biggest.Centre.Cosine(c.Centre):0.000} {c.First}..{c.Last} top: {string.Join(" ", c.Centre.Top(8).Select(i => index.Vocabulary.Term(i)))}"));
            foreach (var c in index.Stories.Where(c => c.Members.Count == 1 && topicOf[c.Members[0].Id] == topicToShow).Take(3))
            {
                var v = c.Members[0].Vector;
                Console.WriteLine("    vec: " + string.Join(" ", Enumerable.Range(0, v.Ids.Length).OrderByDescending(i => v.Weights[i]).Take(30).Select(i => index.Vocabulary.Term(v.Ids[i]) + ":" + v.Weights[i].ToString("0.00", CultureInfo.InvariantCulture))));
            }
            foreach (var c in index.Stories.Where(c => c.Members.Count == 1 && topicOf[c.Members[0].Id] == topicToShow).Take(40))
            {
                var p = c.Members[0];
                var t = text[p.Id].ReplaceLineEndings(" ");
                var shared = p.Names.Where(n => biggest.NameCounts.GetValueOrDefault(n) >= 0.3 * biggest.Members.Count).Select(n => index.Vocabulary.Term(n));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    single {p.Id} cos {biggest.Centre.Cosine(p.Vector):0.000} names [{string.Join(",", shared)}] {t[..Math.Min(100, t.Length)]}"));
            }
        }
        foreach (var story in index.StoryArticles().OrderByDescending(s => s.Count).Take(8))
            Console.WriteLine("  " + story.Count + ": " + string.Join(", ", story.GroupBy(id => topicOf[id]).Select(g => g.Key + " " + g.Count())));
        return 0;
    }
}
