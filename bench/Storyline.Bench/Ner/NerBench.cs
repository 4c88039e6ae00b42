using System.Diagnostics;
using Storyline.Language;
using Storyline.Language.Entities;

namespace Storyline.Bench.Ner;

/// <summary>
/// Entity tagger tools: <c>ner-conll</c> (the conll contract on stdin/stdout), <c>ner-train</c> (train a model),
/// <c>ner</c> (tokens/s of tokenize+tag beside the JavaScript peers).
/// </summary>
public static class NerBench
{
    public static int Run(string[] args)
    {
        switch (args[0])
        {
            case "ner-conll":
                {
                    // ner-conll [MODEL]: the shipped model, or a trained one
                    var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
                    var tagger = args.Length > 1 ? new EntityTagger(NerModel.Load(args[1])) : EntityTagger.Default;
                    ConllTagger.Run(Console.In, output, tagger);
                    output.Flush();
                    return 0;
                }
            case "ner-train":
                {
                    // ner-train TRAIN.csv OUT [DEV.csv] [epochs] [seed] [bits]
                    string? dev = args.Length > 3 && args[3] != "-" ? args[3] : null;
                    int epochs = args.Length > 4 ? int.Parse(args[4]) : NerTrainer.DefaultEpochs;
                    int seed = args.Length > 5 ? int.Parse(args[5]) : 1;
                    int bits = args.Length > 6 ? int.Parse(args[6]) : NerTrainer.DefaultBucketBits;
                    var report = NerTrainer.Train(args[1], args[2], seed, epochs, Console.Error, dev, bits);
                    Console.Error.WriteLine($"best epoch {report.BestEpoch}, {report.Elapsed.TotalSeconds:F0}s");
                    return 0;
                }
            case "ner-sentences":
                {
                    // ner-sentences FILE...: one sentence per line (line breaks inside shown as ⏎), tokens separated by │
                    foreach (var path in args.Skip(1))
                    {
                        var text = File.ReadAllText(path);
                        var tokens = Tokenizer.Tokenize(text);
                        foreach (var s in SentenceSplitter.Split(text, tokens))
                            Console.WriteLine(string.Join("│", tokens.Skip(s.FirstToken).Take(s.TokenCount).Select(t => text[t.Start..t.End])).Replace("\n", "⏎"));
                    }
                    return 0;
                }
            case "ner-annotate":
                {
                    // ner-annotate FILE...: entities of plain-text files (for eyeballing), then the story's names
                    var docs = new List<Storyline.Documents.AnnotatedDocument>();
                    foreach (var path in args.Skip(1))
                    {
                        var article = new Storyline.Documents.Article { Id = Path.GetFileName(path), Source = path, Text = File.ReadAllText(path) };
                        var doc = Storyline.Documents.AnnotatedDocument.For(article);
                        doc = Tokenizer.Instance.Annotate(doc);
                        doc = SentenceSplitter.Instance.Annotate(doc);
                        doc = EntityTagger.Default.Annotate(doc);
                        docs.Add(doc);
                        Console.WriteLine($"## {path}");
                        foreach (var e in doc.Entities)
                            Console.WriteLine($"{e.Type}\t{e.Text}\t=> {e.Canonical}" + (e.Role is null ? "" : $"\t[{e.Role}]"));
                    }
                    var (_, index) = NameResolver.ResolveAndIndex(docs);
                    Console.WriteLine("## names");
                    foreach (var e in index.Entries.OrderByDescending(e => e.Mentions))
                        Console.WriteLine($"{e.Type}\t{e.Canonical}\t{e.Mentions}\t{string.Join(" | ", e.Aliases)}");
                    return 0;
                }
            case "ner-profile":
                {
                    // ner-profile FILE.jsonl [MODEL]: best-of-9 ms of the entity step's parts on JSONL articles ("text")
                    var texts = File.ReadLines(args[1]).Where(l => l.Length > 0)
                        .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "").ToArray();
                    var tagger = args.Length > 2 ? new EntityTagger(NerModel.Load(args[2])) : EntityTagger.Default;
                    var docs = texts.Select((t, i) =>
                    {
                        var a = new Storyline.Documents.Article { Id = "p" + i, Source = "bench", Text = t };
                        return SentenceSplitter.Instance.Annotate(Tokenizer.Instance.Annotate(Storyline.Documents.AnnotatedDocument.For(a)));
                    }).ToArray();
                    double tag = double.MaxValue, full = double.MaxValue;
                    for (int r = 0; r < 9; r++)
                    {
                        var sw = Stopwatch.StartNew();
                        foreach (var d in docs) tagger.TagDocument(d);
                        tag = Math.Min(tag, sw.Elapsed.TotalMilliseconds);
                        sw.Restart();
                        foreach (var d in docs) tagger.Annotate(d);
                        full = Math.Min(full, sw.Elapsed.TotalMilliseconds);
                    }
                    Console.WriteLine($"tag {tag:F1} ms, tag+build+resolve {full:F1} ms (best of 9, {docs.Length} documents)");
                    return 0;
                }
            case "ner-audit":
                {
                    // ner-audit DEV.csv TRAIN.csv [MODEL]: P/R/F1 on dev read with the training conventions
                    if (args.Length < 3)
                    {
                        Console.Error.WriteLine("usage: ner-audit DEV.csv TRAIN.csv [MODEL]");
                        return 2;
                    }
                    var model = args.Length > 3 ? NerModel.Load(args[3]) : EntityTagger.Default.Model;
                    var titles = GmbCorpus.Load(args[1], majority: []);
                    var majority = GmbCorpus.MajorityOf(args[2]);
                    var harmonised = GmbCorpus.Load(args[1], majority);
                    int changed = 0;
                    for (int i = 0; i < titles.Count; i++)
                        for (int k = 0; k < titles[i].Labels.Length; k++)
                            if (titles[i].Labels[k] != harmonised[i].Labels[k]) changed++;
                    Console.WriteLine($"dev read like the training data (titles and honorifics):  {NerTrainer.Evaluate(model, titles)}");
                    Console.WriteLine($"... and each name's majority type in train ({majority.Count} names, {changed} dev tokens relabelled): {NerTrainer.Evaluate(model, harmonised)}");
                    return 0;
                }
            default:
                return Speed(args);
        }
    }

    /// <summary>
    /// ner [--file GMB.csv] [--repeat N] [--model FILE] [--peers DIR] [--no-peers]: tokens/s of tokenize + split + tag, one
    /// sentence per call on text rebuilt from the gold tokens (the peers' protocol), median of N passes,
    /// then the same file through the JavaScript peers when node is available.
    /// </summary>
    private static int Speed(string[] args)
    {
        string? file = null, peers = null, modelPath = null;
        int repeat = 5;
        bool runPeers = true;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file": file = args[++i]; break;
                case "--repeat": repeat = int.Parse(args[++i]); break;
                case "--peers": peers = args[++i]; break;
                case "--no-peers": runPeers = false; break;
                case "--model": modelPath = args[++i]; break;
            }
        }
        if (file is null)
        {
            Console.Error.WriteLine("usage: ner --file gmb_dev.csv [--repeat 5] [--model FILE] [--peers path/to/ner-peer] [--no-peers]");
            return 2;
        }
        var sentences = GmbCorpus.ReadRaw(file);
        var texts = sentences.Select(s => Detokenize(s.Words)).ToArray();
        long goldTokens = sentences.Sum(s => (long)s.Words.Length);

        var load = Stopwatch.StartNew();
        var tagger = modelPath is null ? EntityTagger.Default : new EntityTagger(NerModel.Load(modelPath));
        load.Stop();
        Console.WriteLine($"# {Path.GetFileName(file)}: {sentences.Count} sentences, {goldTokens} tokens; model load {load.Elapsed.TotalMilliseconds:F0} ms");

        // warm-up
        long produced = 0;
        for (int i = 0; i < Math.Min(200, texts.Length); i++) produced += TagOnce(tagger, texts[i]);
        var passes = new List<double>();
        double bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeat; r++)
        {
            produced = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var t in texts) produced += TagOnce(tagger, t);
            sw.Stop();
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
            passes.Add(sw.Elapsed.TotalSeconds);
        }
        passes.Sort();
        // CPU time is steadier than wall time on a busy machine
        Console.WriteLine($"storyline tokenize+split+tag, best pass by CPU time: {goldTokens / bestCpu:F0} gold tokens/s");
        double median = passes[passes.Count / 2];
        // Allocation of the tagger alone (tokens and sentences made beforehand): the label array per call only.
        var pre = texts.Select(t => { var tk = Tokenizer.Tokenize(t); return (t, tk, SentenceSplitter.Split(t, tk)); }).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (t, tk, ss) in pre) tagger.TagSpans(t, tk, ss);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"storyline tag only: {allocated / (double)goldTokens:F1} bytes allocated per token (label arrays included)");
        var split = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var t in texts) SentenceSplitter.Split(t, Tokenizer.Tokenize(t));
            split.Add(sw.Elapsed.TotalSeconds);
        }
        split.Sort();
        Console.WriteLine($"storyline tokenize+split only: {goldTokens / split[split.Count / 2]:F0} tokens/s");
        Console.WriteLine($"storyline tokenize+split+tag: median of {repeat} passes {median:F3} s, {goldTokens / median:F0} gold tokens/s ({produced / median:F0} own tokens/s), single thread");

        // The whole entity layer (labels, titles and roles, name resolution) as annotate runs it.
        var docs = texts.Select((t, i) => new Storyline.Documents.Article { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = "bench", Text = t }).ToArray();
        var full = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var a in docs)
            {
                var doc = Storyline.Documents.AnnotatedDocument.For(a);
                doc = SentenceSplitter.Instance.Annotate(Tokenizer.Instance.Annotate(doc));
                tagger.Annotate(doc);
            }
            full.Add(sw.Elapsed.TotalSeconds);
        }
        full.Sort();
        Console.WriteLine($"storyline tokenize+split+entities (roles, names resolved): {goldTokens / full[full.Count / 2]:F0} tokens/s");

        // The conll contract on the same tokens: one stream, sentences informing each other through the history.
        var conllInput = string.Join("\n\n", sentences.Select(s => string.Join('\n', s.Words))) + "\n";
        var conll = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            ConllTagger.Run(new StringReader(conllInput), TextWriter.Null, tagger);
            conll.Add(sw.Elapsed.TotalSeconds);
        }
        conll.Sort();
        Console.WriteLine($"storyline conll stream (pre-tokenised, document history): {goldTokens / conll[conll.Count / 2]:F0} tokens/s");
        if (!runPeers) return 0;
        peers ??= FindPeers();
        if (peers is null)
        {
            Console.WriteLine("(peers not run: ner-peer folder not found; pass --peers DIR)");
            return 0;
        }
        foreach (var peer in new[] { "wink", "compromise" })
        {
            var psi = new ProcessStartInfo("node", ["run-peer.js", "--format", "gmb", "--file", Path.GetFullPath(file), "--peer", peer, "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                WorkingDirectory = peers,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var p = Process.Start(psi)!;
                var output = p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
                Console.WriteLine(line is null ? $"{peer}: no result (exit {p.ExitCode})" : line[3..]);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.WriteLine("(node not available: peers not run)");
                break;
            }
        }
        return 0;
    }

    private static int TagOnce(EntityTagger tagger, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var labels = tagger.TagSpans(text, tokens, sentences);
        return labels.Length;
    }

    private static string? FindPeers()
    {
        var env = Environment.GetEnvironmentVariable("STORYLINE_NER_PEER");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "tools", "ner-peer");
            if (Directory.Exists(Path.Combine(candidate, "node_modules"))) return Path.GetFullPath(candidate);
            dir = dir.Parent;
        }
        return null;
    }

    /// <summary>Joins gold tokens into text as the peers do: no space before closing punctuation and clitics, none after opening brackets.</summary>
    internal static string Detokenize(string[] words)
    {
        var sb = new System.Text.StringBuilder();
        bool glueNext = false;
        foreach (var w in words)
        {
            bool glue = glueNext || w is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "'s" or "n't" or "..." ;
            if (sb.Length > 0 && !glue) sb.Append(' ');
            sb.Append(w);
            glueNext = w is "(" or "[" or "{" or "$";
        }
        return sb.ToString();
    }
}
