using System.Net;
using System.Net.Http.Headers;

namespace Storyline.Sources;

public sealed record FetchResult(byte[]? Body, string? FinalUrl, string? Charset, bool IsHtml, string? Problem);

public interface IHttpFetcher
{
    FetchResult Fetch(string url);
}

/// <summary>
/// A polite fetcher: identifies itself, waits between requests to the same host, follows redirects,
/// caps body size and time. Failures come back as a one-line problem, never an exception.
/// </summary>
public sealed class HttpFetcher : IHttpFetcher, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _perHostDelay;
    private readonly long _maxBytes;
    private readonly Dictionary<string, DateTime> _lastHit = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public HttpFetcher(TimeSpan? timeout = null, TimeSpan? perHostDelay = null, long maxBytes = 64L * 1024 * 1024, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        _client = handler is null ? new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
        }) : new HttpClient(handler);
        _client.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Storyline", "1.0"));
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5");
        _perHostDelay = perHostDelay ?? TimeSpan.FromSeconds(1);
        _maxBytes = maxBytes;
        _time = time ?? TimeProvider.System;
    }

    public FetchResult Fetch(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return new FetchResult(null, null, null, false, "not a valid http(s) URL");
        WaitForHost(uri.Host);
        try
        {
            using var response = _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                return new FetchResult(null, null, null, false, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            var length = response.Content.Headers.ContentLength;
            if (length > _maxBytes) return new FetchResult(null, null, null, false, "response larger than the size limit");
            using var stream = response.Content.ReadAsStream();
            using var ms = new MemoryStream();
            var buf = new byte[1 << 16];
            int n;
            while ((n = stream.Read(buf, 0, buf.Length)) > 0)
            {
                if (ms.Length + n > _maxBytes) return new FetchResult(null, null, null, false, "response larger than the size limit");
                ms.Write(buf, 0, n);
            }
            var type = response.Content.Headers.ContentType;
            bool html = type?.MediaType is null ? InputReader.LooksLikeHtml(ms.GetBuffer().AsSpan(0, (int)ms.Length)) :
                type.MediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
            return new FetchResult(ms.ToArray(), response.RequestMessage?.RequestUri?.ToString(), type?.CharSet, html, null);
        }
        catch (HttpRequestException e)
        {
            return new FetchResult(null, null, null, false, "request failed: " + InputReader.FirstSentence(e.Message));
        }
        catch (TaskCanceledException)
        {
            return new FetchResult(null, null, null, false, "timed out");
        }
    }

    private void WaitForHost(string host)
    {
        TimeSpan wait = TimeSpan.Zero;
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            if (_lastHit.TryGetValue(host, out var last) && now - last < _perHostDelay)
                wait = _perHostDelay - (now - last);
            _lastHit[host] = now + wait;
        }
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
    }

    public void Dispose() => _client.Dispose();
}
