using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Storyline.Sources;

/// <summary>
/// Turns the command line's INPUT... into raw documents: files (<c>.txt .md .html .htm</c>, optionally
/// <c>.gz</c>), directories (walked recursively, in ordinal path order), JSONL article records, WARC files,
/// RSS/Atom feeds, URLs and <c>-</c> for standard input. Problems with one input are yielded as
/// <see cref="SourceProblem"/> items so that the others are still read.
/// </summary>
public sealed class InputReader
{
    private readonly MetaSidecar? _meta;
    private readonly SourceLimits _limits;
    private readonly IHttpFetcher? _fetcher;
    private readonly Func<Stream> _stdin;

    public InputReader(MetaSidecar? meta = null, SourceLimits? limits = null, IHttpFetcher? fetcher = null, Func<Stream>? stdin = null)
    {
        _meta = meta;
        _limits = limits ?? SourceLimits.Default;
        _fetcher = fetcher;
        _stdin = stdin ?? Console.OpenStandardInput;
    }

    public IEnumerable<SourceItem> Read(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            foreach (var item in ReadOne(input))
                yield return item;
        }
    }

    /// <summary>Lists the files a directory input stands for, in a stable order.</summary>
    public static IEnumerable<string> ExpandDirectory(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        }).Where(IsReadableName).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private IEnumerable<SourceItem> ReadOne(string input)
    {
        if (input == "-")
        {
            foreach (var item in ReadStdin()) yield return item;
            yield break;
        }
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return Fetch(input);
            yield break;
        }
        if (Directory.Exists(input))
        {
            var files = ExpandDirectory(input).ToList();
            if (files.Count == 0)
                yield return new SourceProblem(input, "directory holds no readable files (.txt, .md, .html, .jsonl, .warc, feeds)");
            foreach (var file in files)
                foreach (var item in ReadFile(file)) yield return item;
            yield break;
        }
        if (!File.Exists(input))
        {
            yield return new SourceProblem(input, "no such file or directory");
            yield break;
        }
        foreach (var item in ReadFile(input)) yield return item;
    }

    private static bool IsReadableName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.')) return false;
        if (name.Equals("meta.jsonl", StringComparison.OrdinalIgnoreCase)) return false; // a sidecar, not articles
        var kind = KindOf(path);
        return kind != FileKind.Unknown;
    }

    private enum FileKind { Unknown, Text, Html, Jsonl, Warc, Feed }

    private static FileKind KindOf(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".txt" or ".text" or ".md" or ".markdown" => FileKind.Text,
            ".html" or ".htm" or ".xhtml" => FileKind.Html,
            ".jsonl" or ".ndjson" => FileKind.Jsonl,
            ".warc" => FileKind.Warc,
            ".rss" or ".atom" or ".xml" => FileKind.Feed,
            _ => FileKind.Unknown,
        };
    }

    private IEnumerable<SourceItem> ReadFile(string path)
    {
        var kind = KindOf(path);
        bool gz = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        switch (kind)
        {
            case FileKind.Jsonl:
                foreach (var item in ReadJsonl(path, () => Open(path, gz))) yield return item;
                yield break;
            case FileKind.Warc:
                foreach (var item in WarcReader.Read(path, () => Open(path, gz), _limits)) yield return ApplyMeta(item);
                yield break;
            case FileKind.Feed:
                foreach (var item in FeedReader.Read(path, () => Open(path, gz), _limits)) yield return ApplyMeta(item);
                yield break;
        }
        var read = ReadAllBytes(path, gz);
        if (read.Problem is not null)
        {
            yield return read.Problem;
            yield break;
        }
        var bytes = read.Bytes!;
        var contentKind = kind switch
        {
            FileKind.Html => ContentKind.Html,
            FileKind.Text => LooksLikeHtml(bytes) ? ContentKind.Html : ContentKind.Text,
            _ => LooksLikeHtml(bytes) ? ContentKind.Html : ContentKind.Text,
        };
        var doc = new RawDocument
        {
            Id = ArticleIds.FromFileName(path),
            Source = path,
            Kind = contentKind,
            Bytes = bytes,
        };
        yield return new SourceDocument(_meta?.Apply(doc, _meta.For(path)) ?? doc);
    }

    private SourceItem ApplyMeta(SourceItem item) =>
        item is SourceDocument d && _meta is not null ? new SourceDocument(_meta.Apply(d.Document, _meta.ForId(d.Document.Id))) : item;

    private static Stream Open(string path, bool gz)
    {
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return gz ? new GZipStream(s, CompressionMode.Decompress) : s;
    }

    private (byte[]? Bytes, SourceProblem? Problem) ReadAllBytes(string path, bool gz)
    {
        try
        {
            if (!gz)
            {
                var length = new FileInfo(path).Length;
                if (length > _limits.MaxDocumentBytes)
                    return (null, TooLarge(path, length));
                return (File.ReadAllBytes(path), null);
            }
            using var stream = Open(path, gz);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > _limits.MaxDocumentBytes)
                    return (null, TooLarge(path, buffer.Length + n, decompressed: true));
                buffer.Write(chunk, 0, n);
            }
            return (buffer.ToArray(), null);
        }
        catch (InvalidDataException)
        {
            return (null, new SourceProblem(path, "not a valid gzip file"));
        }
        catch (IOException e)
        {
            return (null, new SourceProblem(path, "could not be read: " + FirstSentence(e.Message)));
        }
        catch (UnauthorizedAccessException)
        {
            return (null, new SourceProblem(path, "permission denied"));
        }
    }

    private SourceProblem TooLarge(string path, long length, bool decompressed = false) =>
        new(path, $"{(decompressed ? "more than " : "")}{length / (1024.0 * 1024):0.#} MB{(decompressed ? " decompressed" : "")}, over the {_limits.MaxDocumentBytes / (1024 * 1024)} MB limit for one article; skipped");

    internal static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        int i = 0;
        if (head.StartsWith("\uFEFF"u8)) i = 3;
        while (i < head.Length && (head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) i++;
        if (i >= head.Length || head[i] != (byte)'<') return false;
        var rest = Encoding.ASCII.GetString(head[i..]).ToLowerInvariant();
        return rest.StartsWith("<!doctype html", StringComparison.Ordinal) || rest.StartsWith("<html", StringComparison.Ordinal) ||
               rest.StartsWith("<head", StringComparison.Ordinal) || rest.StartsWith("<body", StringComparison.Ordinal) ||
               rest.StartsWith("<!--", StringComparison.Ordinal) || rest.StartsWith("<meta", StringComparison.Ordinal) ||
               rest.StartsWith("<?xml", StringComparison.Ordinal) && rest.Contains("<html", StringComparison.Ordinal);
    }

    private IEnumerable<SourceItem> ReadStdin()
    {
        byte[] bytes;
        using (var stdin = _stdin())
        using (var buffer = new MemoryStream())
        {
            stdin.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        if (bytes.Length == 0)
        {
            yield return new SourceProblem("-", "standard input is empty");
            yield break;
        }
        int i = 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') i++;
        if (i < bytes.Length && bytes[i] == (byte)'{')
        {
            foreach (var item in ReadJsonl("-", () => new MemoryStream(bytes, writable: false))) yield return item;
            yield break;
        }
        var doc = new RawDocument
        {
            Id = ArticleIds.FromContent(bytes),
            Source = "-",
            Kind = LooksLikeHtml(bytes) ? ContentKind.Html : ContentKind.Text,
            Bytes = bytes,
        };
        yield return new SourceDocument(doc);
    }

    private SourceItem Fetch(string url)
    {
        if (_fetcher is null)
            return new SourceProblem(url, "fetching URLs is not enabled here");
        var result = _fetcher.Fetch(url);
        if (result.Problem is not null) return new SourceProblem(url, result.Problem);
        var doc = new RawDocument
        {
            Id = ArticleIds.FromContent(url),
            Source = url,
            Url = result.FinalUrl ?? url,
            Kind = result.IsHtml ? ContentKind.Html : ContentKind.Text,
            Bytes = result.Body,
            Charset = result.Charset,
        };
        return new SourceDocument(_meta?.Apply(doc, _meta.ForId(doc.Id)) ?? doc);
    }

    /// <summary>JSONL article records: <c>id, url, title, published, outlet, text | html</c>.</summary>
    private IEnumerable<SourceItem> ReadJsonl(string path, Func<Stream> open)
    {
        Stream stream;
        try { stream = open(); }
        catch (IOException e) { return [new SourceProblem(path, "could not be read: " + FirstSentence(e.Message))]; }
        return ReadJsonlLines(path, stream);
    }

    private IEnumerable<SourceItem> ReadJsonlLines(string path, Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNo = 0;
        int yielded = 0;
        while (true)
        {
            string? line;
            SourceProblem? failure = null;
            try { line = reader.ReadLine(); }
            catch (InvalidDataException) { line = null; failure = new SourceProblem(path, $"not a valid gzip file (after line {lineNo})"); }
            catch (IOException e) { line = null; failure = new SourceProblem(path, $"read failed after line {lineNo}: {FirstSentence(e.Message)}"); }
            if (failure is not null) { yield return failure; yield break; }
            if (line is null) break;
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"{path}:{lineNo}";
            if (line.Length > _limits.MaxRecordChars)
            {
                yield return new SourceProblem(where, "record longer than the limit; skipped");
                continue;
            }
            var item = ParseRecord(path, where, line, lineNo);
            if (item is SourceDocument) yielded++;
            yield return item;
        }
        if (lineNo == 0)
            yield return new SourceProblem(path, "empty file");
    }

    private SourceItem ParseRecord(string path, string where, string line, int lineNo)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new SourceProblem(where, "not a JSON object");
            var text = MetaSidecar.Str(root, "text");
            var html = MetaSidecar.Str(root, "html");
            if (text is null && html is null) return new SourceProblem(where, "record has neither \"text\" nor \"html\"");
            var id = MetaSidecar.Str(root, "id") ?? IdNumber(root) ??
                     (MetaSidecar.Str(root, "url") is { } u ? ArticleIds.FromContent(u) : ArticleIds.FromContent(html ?? text!));
            DateOnly? published = null;
            DateTimeOffset? time = null;
            if (DateParsing.TryParse(MetaSidecar.Str(root, "published") ?? MetaSidecar.Str(root, "date"), out var d, out var t))
            {
                published = d;
                time = t;
            }
            var doc = new RawDocument
            {
                Id = id,
                Source = path == "-" ? $"-:{lineNo}" : where,
                Kind = html is not null ? ContentKind.Html : ContentKind.Text,
                Text = html ?? text,
                Url = MetaSidecar.Str(root, "url"),
                Title = MetaSidecar.Str(root, "title"),
                Outlet = MetaSidecar.Str(root, "outlet"),
                Published = published,
                PublishedTime = time,
            };
            return new SourceDocument(_meta?.Apply(doc, _meta.ForId(id)) ?? doc);
        }
        catch (JsonException e)
        {
            return new SourceProblem(where, "invalid JSON: " + FirstSentence(e.Message));
        }
    }

    private static string? IdNumber(JsonElement root) =>
        root.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    internal static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        int dot = line.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? line[..dot] : line.TrimEnd('.');
    }
}
