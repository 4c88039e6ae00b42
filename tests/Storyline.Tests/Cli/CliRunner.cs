using System.Text;
using Storyline.Cli;
using Storyline.Cli.Infrastructure;

namespace Storyline.Tests.Cli;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the real command line in-process with captured streams.</summary>
public static class CliRunner
{
    public static CliResult Run(string[] args, string? stdin = null)
    {
        var stdout = new MemoryStream();
        var errText = new StringWriter();
        var outText = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var cli = new CliContext
        {
            Out = outText,
            Error = errText,
            OpenStdout = () => new NonClosingStream(stdout),
            OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")),
            Interactive = false,
            StdoutIsTerminal = false,
        };
        int code = Program.Run(args, cli);
        outText.Flush();
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), errText.ToString());
    }

    public static CliResult Run(params string[] args) => Run(args, null);

    /// <summary>Lets a command dispose "stdout" without losing what the test reads.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        protected override void Dispose(bool disposing) { }
    }
}
