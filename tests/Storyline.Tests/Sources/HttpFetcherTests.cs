using System.Net;
using System.Net.Sockets;
using System.Text;
using Storyline.Sources;

namespace Storyline.Tests.Sources;

/// <summary>The fetcher against a real HTTP server on loopback.</summary>
public sealed class HttpFetcherTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _base;
    private readonly Task _serve;

    public HttpFetcherTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _serve = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var path = ctx.Request.Url!.AbsolutePath;
            if (path == "/moved")
            {
                ctx.Response.Redirect(_base + "story");
                ctx.Response.Close();
                continue;
            }
            if (path != "/story")
            {
                ctx.Response.StatusCode = 404;
                ctx.Response.Close();
                continue;
            }
            var body = Encoding.UTF8.GetBytes("<html><body><p>Served story</p></body></html>");
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.OutputStream.Write(body);
            ctx.Response.Close();
        }
    }

    [Fact]
    public void FetchesFollowsRedirectsAndReportsHttpErrorsAsOneLine()
    {
        using var fetcher = new HttpFetcher(timeout: TimeSpan.FromSeconds(10), perHostDelay: TimeSpan.Zero);
        var ok = fetcher.Fetch(_base + "moved");
        ok.Problem.ShouldBeNull();
        ok.IsHtml.ShouldBeTrue();
        ok.Charset.ShouldBe("utf-8");
        ok.FinalUrl.ShouldBe(_base + "story");
        Encoding.UTF8.GetString(ok.Body!).ShouldContain("Served story");

        fetcher.Fetch(_base + "missing").Problem.ShouldBe("HTTP 404 Not Found");
        fetcher.Fetch("ftp://example.org/x").Problem.ShouldBe("not a valid http(s) URL");
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _serve.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
