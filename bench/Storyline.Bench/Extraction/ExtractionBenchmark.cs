using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Storyline.Extraction;
using Storyline.Sources;

namespace Storyline.Bench.Extraction;

/// <summary>
/// Throughput of HTML article extraction over the benchmark pages (default: the shared dev split),
/// single-threaded and on all cores, beside Readability.js run by the extraction peer in the same run.
/// <code>
/// extraction [--data DIR] [--passes N] [--pred OUT.json] [--peer DIR] [--no-peer]
/// extraction show FILE...        prints the extracted article of each file (debugging)
/// extraction parse [DIR]          times the stages (prefilter, tree, metadata, content) separately
/// extraction path FILE TEXT       prints the element path to the text node holding TEXT
/// </code>
/// Timed loops keep the HTML in memory (no file I/O), like the peer's own timing.
/// </summary>
public static class ExtractionBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "show") return Show(args[1..]);
        if (args.Length > 0 && args[0] == "parse") return ParseOnly(args[1..]);
        if (args.Length > 0 && args[0] == "path") return PathTo(args[1], args[2]);
        string? data = null, pred = null, peer = null;
        int passes = 3;
        bool runPeer = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": data = args[++i]; break;
                case "--passes": passes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pred": pred = args[++i]; break;
                case "--peer": peer = args[++i]; break;
                case "--no-peer": runPeer = false; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }
        data ??= FindShared("data/extraction/dev");
        if (data is null || !Directory.Exists(Path.Combine(data, "html")))
        {
            Console.Error.WriteLine("no benchmark pages: pass --data DIR (a folder holding html/*.html.gz)");
            return 2;
        }
        var pages = LoadPages(data);
        long bytes = pages.Sum(p => (long)p.Html.Length);
        Console.WriteLine($"{pages.Count} pages, {bytes / 1e6:F2} MB uncompressed HTML, {Environment.ProcessorCount} cores");

        var extractor = ArticleExtractor.Default;
        var output = new Dictionary<string, Dictionary<string, string>>();
        int failures = 0;
        // Warm-up pass doubles as the scored output.
        foreach (var p in pages)
        {
            try
            {
                output[p.Id] = new() { ["articleBody"] = extractor.Extract(p.Raw).Text };
            }
            catch (UnreadableContentException)
            {
                failures++;
                output[p.Id] = new() { ["articleBody"] = "" };
            }
        }
        if (pred is not null)
        {
            File.WriteAllText(pred, JsonSerializer.Serialize(output));
            Console.WriteLine($"predictions written to {pred}");
        }

        for (int pass = 1; pass <= passes; pass++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var p in pages) Consume(extractor, p);
            var elapsed = sw.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Report($"storyline 1 thread, pass {pass}", pages.Count, bytes, elapsed);
            // On a shared machine wall time includes waiting for a core; CPU time does not.
            Console.WriteLine($"    (CPU time {cpuUsed.TotalSeconds:F2} s: {pages.Count / cpuUsed.TotalSeconds:F1} pages per CPU-second)");
        }
        for (int pass = 1; pass <= passes; pass++)
        {
            var sw = Stopwatch.StartNew();
            Parallel.ForEach(pages, p => Consume(extractor, p));
            Report($"storyline {Environment.ProcessorCount} threads, pass {pass}", pages.Count, bytes, sw.Elapsed);
        }
        if (failures > 0) Console.WriteLine($"{failures} pages unreadable");
        GC.Collect();
        Console.WriteLine($"managed heap after runs: {GC.GetTotalMemory(true) / 1e6:F1} MB");

        if (runPeer) RunPeer(peer ?? FindShared("tools/extraction-peer"), data, passes);
        return 0;
    }

    private static void Consume(ArticleExtractor extractor, Page p)
    {
        try
        {
            _ = extractor.Extract(p.Raw);
        }
        catch (UnreadableContentException)
        {
        }
    }

    private static void Report(string label, int pages, long bytes, TimeSpan elapsed)
    {
        double s = elapsed.TotalSeconds;
        Console.WriteLine($"  {label}: {s:F2} s, {pages / s:F1} pages/s, {bytes / 1e6 / s:F2} MB/s, {1000 * s / pages:F2} ms/page");
    }

    /// <summary>Runs Readability.js through the peer script with its own timing (--passes), if node and the peer's packages are there.</summary>
    private static void RunPeer(string? peerDir, string data, int passes)
    {
        if (peerDir is null || !File.Exists(Path.Combine(peerDir, "run.js")))
        {
            Console.WriteLine("Readability.js peer not found (pass --peer DIR); skipped");
            return;
        }
        if (!Directory.Exists(Path.Combine(peerDir, "node_modules")))
        {
            Console.WriteLine($"Readability.js peer has no node_modules (run npm ci in {peerDir}); skipped");
            return;
        }
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = peerDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "run.js", "--data", "dev=" + Path.GetFullPath(data), "--extractors", "readability", "--passes", passes.ToString(CultureInfo.InvariantCulture), "--bootstrap", "10" })
            psi.ArgumentList.Add(a);
        try
        {
            using var proc = Process.Start(psi)!;
            var stdout = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            Console.WriteLine("Readability.js (extraction peer, same pages):");
            foreach (var line in stdout.Split('\n'))
            {
                if (line.Contains("pass", StringComparison.Ordinal) || line.Contains("F1", StringComparison.Ordinal))
                    Console.WriteLine("  " + line.Trim());
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("node not found; Readability.js peer skipped");
        }
    }

    /// <summary>Times the HTML parser alone, to tell parsing cost from extraction cost.</summary>
    private static int ParseOnly(string[] args)
    {
        var data = args.Length > 0 ? args[0] : FindShared("data/extraction/dev");
        var pages = LoadPages(data!);
        long bytes = pages.Sum(p => (long)p.Html.Length);
        var meta = new Storyline.Extraction.Html.HtmlMetadataReader(new());
        var content = new Storyline.Extraction.Html.ContentExtractor(new());
        for (int pass = 1; pass <= 3; pass++)
        {
            TimeSpan tPre = default, tParse = default, tMeta = default, tContent = default;
            foreach (var p in pages)
            {
                var sw = Stopwatch.StartNew();
                var ld = new List<string>();
                var html = Storyline.Extraction.Html.HtmlPrefilter.Strip(p.Html, ld);
                tPre += sw.Elapsed; sw.Restart();
                var doc = Storyline.Extraction.Html.Dom.HtmlTreeBuilder.Parse(html, 256);
                tParse += sw.Elapsed; sw.Restart();
                var m = meta.Read(doc, null, ld);
                tMeta += sw.Elapsed; sw.Restart();
                content.Extract(doc.FirstDescendant("body") ?? doc, null);
                tContent += sw.Elapsed;
            }
            var reader = new Storyline.Extraction.Html.HtmlArticleReader(new(), new(), Storyline.Extraction.Text.CleanerOptions.Default);
            var swr = Stopwatch.StartNew();
            foreach (var p in pages) reader.Read(p.Html, null, null);
            var tReader = swr.Elapsed; swr.Restart();
            foreach (var p in pages) ArticleExtractor.Default.Extract(p.Raw);
            var tAll = swr.Elapsed;
            Console.WriteLine($"pass {pass}: whole reader {tReader.TotalMilliseconds:F0} ms, whole extractor {tAll.TotalMilliseconds:F0} ms");
            Console.WriteLine($"pass {pass}: prefilter {tPre.TotalMilliseconds:F0} ms, parse {tParse.TotalMilliseconds:F0} ms, metadata {tMeta.TotalMilliseconds:F0} ms, content {tContent.TotalMilliseconds:F0} ms");
        }
        return 0;
    }

    /// <summary>Prints the element path of the first text node containing <paramref name="needle"/> (debugging).</summary>
    private static int PathTo(string file, string needle)
    {
        var raw = ReadFile(file);
        var html = System.Text.Encoding.UTF8.GetString(raw.Bytes!);
        var root = Storyline.Extraction.Html.Dom.HtmlTreeBuilder.Parse(Storyline.Extraction.Html.HtmlPrefilter.Strip(html, []), 256);
        var stack = new Stack<Storyline.Extraction.Html.Dom.HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Text is { } t && t.Contains(needle, StringComparison.Ordinal))
            {
                var path = new List<string>();
                for (var a = n.Parent; a is not null; a = a.Parent)
                    path.Add($"{a.Tag}.{a.GetAttribute("class")}#{a.GetAttribute("id")}");
                path.Reverse();
                foreach (var p in path) Console.WriteLine("  " + p);
                return 0;
            }
            if (n.Children is null) continue;
            for (int i = n.Children.Count - 1; i >= 0; i--) stack.Push(n.Children[i]);
        }
        Console.WriteLine("not found");
        return 1;
    }

    private static int Show(string[] files)
    {
        foreach (var f in files)
        {
            var raw = ReadFile(f);
            var a = ArticleExtractor.Default.Extract(raw);
            Console.WriteLine($"===== {f}");
            Console.WriteLine($"title: {a.Title}\nbyline: {a.Byline}\noutlet: {a.Outlet}\npublished: {a.Published} {a.PublishedTime} ({a.PublishedFrom})\nmodified: {a.Modified}\nlanguage: {a.Language}\nsection: {a.Section}\ncanonical: {a.CanonicalUrl}\ndateline: {a.Dateline}\nflags: {string.Join(",", a.Flags)}");
            Console.WriteLine("--- text");
            Console.WriteLine(a.Text);
            Console.WriteLine("--- removed");
            foreach (var r in a.Removed) Console.WriteLine("  - " + r);
        }
        return 0;
    }

    private static RawDocument ReadFile(string f)
    {
        var bytes = File.ReadAllBytes(f);
        var name = Path.GetFileName(f);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            bytes = ms.ToArray();
            name = name[..^3];
        }
        var kind = name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) ? ContentKind.Html : ContentKind.Text;
        return new RawDocument { Id = name.Split('.')[0], Source = f, Kind = kind, Bytes = bytes };
    }

    private sealed record Page(string Id, string Html, RawDocument Raw);

    private static List<Page> LoadPages(string dir)
    {
        var pages = new List<Page>();
        foreach (var f in Directory.GetFiles(Path.Combine(dir, "html")).Order(StringComparer.Ordinal))
        {
            var raw = ReadFile(f);
            // HTML already decoded in memory, like the peer's timing (no file I/O, no decoding in the timed loop).
            var html = System.Text.Encoding.UTF8.GetString(raw.Bytes!);
            pages.Add(new Page(raw.Id, html, raw with { Bytes = null, Text = html }));
        }
        return pages;
    }

    private static string? FindShared(string relative)
    {
        var env = Environment.GetEnvironmentVariable("STORYLINE_SHARED");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(env)) roots.Add(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            roots.Add(Path.Combine(dir.FullName, "shared"));
        foreach (var r in roots)
        {
            var p = Path.Combine(r, relative);
            if (Directory.Exists(p)) return p;
        }
        return null;
    }
}
