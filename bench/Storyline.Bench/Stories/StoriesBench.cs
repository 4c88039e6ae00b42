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
/// <item><c>stories purity FILE.jsonl[.gz]...</c>: pools the files (one topic each), builds stories and reports
/// the share of same-story article pairs that come from one topic.</item>
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
        Console.Error.WriteLine("       stories purity FILE.jsonl[.gz]...");
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
        w.WriteStartArray();
        foreach (var d in days)
        {
            w.WriteStartObject();
            w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStartArray("sentences");
            foreach (var s in d.Sentences) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
        var pipeline = CheapPipeline(times: true);
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
        foreach (var story in index.StoryArticles().OrderByDescending(s => s.Count).Take(8))
            Console.WriteLine("  " + story.Count + ": " + string.Join(", ", story.GroupBy(id => topicOf[id]).Select(g => g.Key + " " + g.Count())));
        return 0;
    }
}
