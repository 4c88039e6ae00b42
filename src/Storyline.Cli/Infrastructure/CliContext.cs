using System.Text;

namespace Storyline.Cli.Infrastructure;

/// <summary>Where the command writes: machine output to stdout, messages to stderr.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Stdout as a stream, for binary-safe UTF-8 writers (JSON).</summary>
    public required Func<Stream> OpenStdout { get; init; }

    public required Func<Stream> OpenStdin { get; init; }

    /// <summary>True when stderr is a terminal: progress may be shown.</summary>
    public bool Interactive { get; init; }

    /// <summary>True when stdout is a terminal: the analyze report is drawn for a person.</summary>
    public bool StdoutIsTerminal { get; init; }

    private int _problems;

    public int Problems => _problems;

    private readonly Lock _gate = new();

    /// <summary>Reports one problem as one line: <c>storyline: SOURCE: message</c>.</summary>
    public void Warn(string source, string message)
    {
        Interlocked.Increment(ref _problems);
        lock (_gate)
        {
            ProgressLine?.Clear();
            Error.WriteLine($"storyline: {source}: {message}");
        }
    }

    public void Message(string message)
    {
        lock (_gate)
        {
            ProgressLine?.Clear();
            Error.WriteLine(message);
        }
    }

    internal ProgressLine? ProgressLine { get; set; }

    public static CliContext FromConsole()
    {
        var utf8 = new UTF8Encoding(false);
        Console.OutputEncoding = utf8;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new CliContext
        {
            Out = stdout,
            Error = stderr,
            OpenStdout = Console.OpenStandardOutput,
            OpenStdin = Console.OpenStandardInput,
            Interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null,
            StdoutIsTerminal = !Console.IsOutputRedirected,
        };
    }
}

/// <summary>A single self-updating status line on an interactive stderr.</summary>
internal sealed class ProgressLine(TextWriter error, string what)
{
    private long _lastTicks;
    private bool _shown;
    private readonly long _start = Environment.TickCount64;

    public void Update(int done, int? total = null)
    {
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastTicks) < 100) return;
        Interlocked.Exchange(ref _lastTicks, now);
        var seconds = Math.Max(0.001, (now - _start) / 1000.0);
        var of = total is { } t ? $"/{t}" : "";
        lock (error)
        {
            error.Write($"\r\u001b[K{what}: {done}{of} ({done / seconds:0} per s)");
            _shown = true;
        }
    }

    public void Clear()
    {
        if (!_shown) return;
        lock (error)
        {
            error.Write("\r\u001b[K");
            _shown = false;
        }
    }
}
