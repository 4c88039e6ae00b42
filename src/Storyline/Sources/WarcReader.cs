using System.IO.Compression;
using System.Text;

namespace Storyline.Sources;

/// <summary>
/// Reads WARC files (ISO 28500; Common Crawl's CC-NEWS): each <c>response</c> record with an HTML payload
/// becomes a document whose source is the record id and whose URL is the target URI. Multi-member gzip
/// (one member per record) is read as one stream.
/// </summary>
public static class WarcReader
{
    public static IEnumerable<SourceItem> Read(string path, Func<Stream> open, SourceLimits limits)
    {
        Stream stream;
        try { stream = new BufferedStream(open(), 1 << 16); }
        catch (IOException e) { return [new SourceProblem(path, "could not be read: " + InputReader.FirstSentence(e.Message))]; }
        return ReadRecords(path, stream, limits);
    }

    private static IEnumerable<SourceItem> ReadRecords(string path, Stream stream, SourceLimits limits)
    {
        using var _ = stream;
        int records = 0;
        while (true)
        {
            Dictionary<string, string>? headers;
            string? problem = null;
            try { headers = ReadHeaderBlock(stream, requireVersion: true); }
            catch (InvalidDataException) { headers = null; problem = "not a valid WARC (gzip) file"; }
            catch (FormatException e) { headers = null; problem = e.Message; }
            if (problem is not null)
            {
                yield return new SourceProblem(path, records == 0 ? problem : $"{problem} after {records} records");
                yield break;
            }
            if (headers is null) break;
            records++;
            if (!headers.TryGetValue("content-length", out var lenText) || !long.TryParse(lenText, out var length) || length < 0)
            {
                yield return new SourceProblem(path, $"WARC record {records} has no valid Content-Length; stopped");
                yield break;
            }
            headers.TryGetValue("warc-type", out var type);
            headers.TryGetValue("warc-record-id", out var recordId);
            headers.TryGetValue("warc-target-uri", out var uri);
            bool wanted = type is "response" or "resource" && length <= limits.MaxDocumentBytes;
            byte[]? block = null;
            bool truncated = false;
            try
            {
                if (wanted) block = ReadExactly(stream, length);
                else Skip(stream, length);
            }
            catch (EndOfStreamException)
            {
                truncated = true;
            }
            if (truncated)
            {
                yield return new SourceProblem(path, $"WARC record {records} is truncated");
                yield break;
            }
            if (block is null) continue;
            var item = ToDocument(path, recordId, uri, type!, headers, block);
            if (item is not null) yield return item;
        }
        if (records == 0)
            yield return new SourceProblem(path, "no WARC records found");
    }

    private static SourceItem? ToDocument(string path, string? recordId, string? uri, string type,
        Dictionary<string, string> warcHeaders, byte[] block)
    {
        byte[] body = block;
        string? contentType;
        if (type == "response")
        {
            using var ms = new MemoryStream(block, writable: false);
            Dictionary<string, string>? http;
            try { http = ReadHeaderBlock(ms, requireVersion: false); }
            catch (FormatException) { return null; }
            if (http is null) return null;
            if (http.TryGetValue(":status", out var status) && !status.StartsWith('2')) return null;
            http.TryGetValue("content-type", out contentType);
            body = block[(int)ms.Position..];
            if (http.TryGetValue("content-encoding", out var enc) && enc.Contains("gzip", StringComparison.OrdinalIgnoreCase) &&
                body.Length > 2 && body[0] == 0x1f && body[1] == 0x8b)
            {
                try
                {
                    using var gz = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
                    using var outMs = new MemoryStream();
                    gz.CopyTo(outMs);
                    body = outMs.ToArray();
                }
                catch (InvalidDataException) { return null; }
            }
        }
        else
        {
            warcHeaders.TryGetValue("content-type", out contentType);
        }
        bool html = contentType is null ? InputReader.LooksLikeHtml(body) :
            contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        bool text = contentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true;
        if (!html && !text) return null;
        string? charset = null;
        if (contentType is not null)
        {
            int i = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (i >= 0) charset = contentType[(i + 8)..].Trim().Trim('"', '\'', ';', ' ');
        }
        var source = recordId?.Trim('<', '>') ?? $"{path}#{uri}";
        return new SourceDocument(new RawDocument
        {
            Id = ArticleIds.FromContent(uri ?? source),
            Source = source,
            Url = uri,
            Kind = html ? ContentKind.Html : ContentKind.Text,
            Bytes = body,
            Charset = charset,
        });
    }

    /// <summary>Reads "Name: value" lines up to an empty line; null at a clean end of stream.</summary>
    private static Dictionary<string, string>? ReadHeaderBlock(Stream s, bool requireVersion)
    {
        string? first;
        do
        {
            first = ReadLine(s);
            if (first is null) return null;
        } while (first.Length == 0);
        if (requireVersion && !first.StartsWith("WARC/", StringComparison.Ordinal))
            throw new FormatException("not a WARC file (no WARC/1.x record header)");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!requireVersion)
        {
            if (!first.StartsWith("HTTP/", StringComparison.Ordinal)) throw new FormatException("no HTTP status line");
            var parts = first.Split(' ', 3);
            headers[":status"] = parts.Length > 1 ? parts[1] : "";
        }
        string? last = null;
        while (true)
        {
            var line = ReadLine(s) ?? throw new FormatException("header block is truncated");
            if (line.Length == 0) break;
            if ((line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim().ToLowerInvariant();
            headers[last] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    private static string? ReadLine(Stream s)
    {
        var sb = new StringBuilder();
        int b;
        bool any = false;
        while ((b = s.ReadByte()) >= 0)
        {
            any = true;
            if (b == '\n') break;
            if (b != '\r') sb.Append((char)b);
            if (sb.Length > 64 * 1024) throw new FormatException("header line too long");
        }
        return any ? sb.ToString() : null;
    }

    private static byte[] ReadExactly(Stream s, long length)
    {
        var buf = new byte[length];
        s.ReadExactly(buf);
        return buf;
    }

    private static void Skip(Stream s, long length)
    {
        var buf = new byte[Math.Min(length, 1 << 16)];
        while (length > 0)
        {
            int n = s.Read(buf, 0, (int)Math.Min(buf.Length, length));
            if (n <= 0) throw new EndOfStreamException();
            length -= n;
        }
    }
}
