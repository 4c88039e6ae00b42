using System.Text;
using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class ExtractCliTests
{
    [Theory]
    [InlineData("extract")]
    [InlineData("annotate")]
    [InlineData("analyze")]
    public void BadInputsGiveOneLineEachAndGoodInputsAreStillProcessed(string command)
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", "The dam failed on Sunday, officials said. Thousands fled their homes.\n");
        var empty = dir.File("empty.txt", "");
        var binary = dir.File("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0, 0, 0, 3, 4, 0xFF, 0]);
        var latin1 = dir.File("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 owners in the valley said the flood was the worst they had seen.\n"));
        var huge = Path.Combine(dir.Path, "huge.txt");
        using (var f = File.Create(huge)) f.SetLength(100L * 1024 * 1024); // sparse: no real disk use
        var missing = Path.Combine(dir.Path, "missing.txt");

        var result = CliRunner.Run(command, missing, empty, binary, good, latin1, huge, "--format", command == "analyze" ? "json" : "jsonl");

        result.ExitCode.ShouldBe(0);
        var lines = result.StderrLines;
        lines.Length.ShouldBe(5);
        lines.ShouldAllBe(l => l.StartsWith("storyline: "));
        lines.ShouldNotContain(l => l.Contains("   at ") || l.Contains("Exception"));
        lines.ShouldContain(l => l.Contains("missing.txt") && l.Contains("no such file"));
        lines.ShouldContain(l => l.Contains("empty.txt") && l.Contains("empty"));
        lines.ShouldContain(l => l.Contains("binary.txt") && l.Contains("binary"));
        lines.ShouldContain(l => l.Contains("latin1.txt") && l.Contains("UTF-8"));
        lines.ShouldContain(l => l.Contains("huge.txt") && l.Contains("limit"));

        var records = command == "analyze"
            ? JsonDocument.Parse(result.Stdout).RootElement.GetProperty("articles").EnumerateArray().ToList()
            : result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("id").GetString()).ShouldBe(["good", "latin1"]);
        records[1].GetProperty("text").GetString()!.ShouldContain("Caf\u00e9");
    }

    [Fact]
    public void NothingProcessedIsANonZeroExit()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("extract", Path.Combine(dir.Path, "nope.txt"));
        result.ExitCode.ShouldNotBe(0);
        result.StderrLines.Length.ShouldBe(1);
    }

    [Fact]
    public void ExtractWritesTheContractFields()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "samples", "tarrow-dam");
        var result = CliRunner.Run("extract", Path.Combine(samples, "articles"), "--meta", Path.Combine(samples, "meta.jsonl"), "--format", "jsonl");
        result.ExitCode.ShouldBe(0);
        var records = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Count.ShouldBe(Directory.GetFiles(Path.Combine(samples, "articles")).Length);
        foreach (var field in new[] { "id", "source", "url", "title", "byline", "published", "outlet", "language", "text", "flags" })
            foreach (var r in records) r.TryGetProperty(field, out var _).ShouldBeTrue(field);
        records[0].GetProperty("published").GetString().ShouldBe("2025-03-03");
        records[0].GetProperty("outlet").GetString().ShouldBe("Meridian Wire");
    }
}
