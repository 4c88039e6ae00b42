using Shouldly;
using Storyline.Language.Entities;

namespace Storyline.Tests.Cli;

public sealed class NerCliTests
{
    private const string Tokens = "President\nJoe\nBiden\nmet\nAmir\nHadad\nin\nDoha\n.\n\nHamas\nsaid\nno\n.\n";

    [Fact]
    public void AModelFileTagsLikeTheShippedModelItWasSavedFrom()
    {
        using var dir = new TempDir();
        var path = System.IO.Path.Combine(dir.Path, "copy.model.gz");
        EntityTagger.Default.Model.Save(path);

        var shipped = CliRunner.Run(["ner", "--format", "conll"], Tokens);
        var fromFile = CliRunner.Run(["ner", "--format", "conll", "--model", path], Tokens);

        fromFile.ExitCode.ShouldBe(0);
        fromFile.Stderr.ShouldBeEmpty();
        fromFile.Stdout.ShouldBe(shipped.Stdout);
        fromFile.StdoutLines.ShouldContain("Biden\tI-PER");
        fromFile.StdoutLines.ShouldContain("President\tO");
        fromFile.StdoutLines.ShouldContain("Doha\tB-LOC");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-gzip")]
    [InlineData("gzip-of-something-else")]
    public void AnUnreadableModelIsOneLineAndAUsageExit(string kind)
    {
        using var dir = new TempDir();
        string path = kind switch
        {
            "missing" => System.IO.Path.Combine(dir.Path, "nothing-here.gz"),
            "not-gzip" => dir.File("plain.gz", "just text, not a model"),
            _ => dir.File("other.gz", Gzip("a gzip file that holds no model")),
        };

        var result = CliRunner.Run(["ner", "--format", "conll", "--model", path], Tokens);

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.Length.ShouldBe(1);
        result.StderrLines[0].ShouldStartWith($"storyline: --model {path}:");
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
