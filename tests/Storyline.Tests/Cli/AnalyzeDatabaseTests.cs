using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class AnalyzeDatabaseTests
{
    private static readonly string Dir = Path.Combine(SharedData.RepoRoot, "samples", "tarrow-dam");

    [Fact]
    public void AddingArticlesAnnotatesOnlyTheNewOnesAndReportsOnEverythingStored()
    {
        using var tmp = new TempDir();
        var db = Path.Combine(tmp.Path, "stories.db");
        var articles = Directory.GetFiles(Path.Combine(Dir, "articles")).Order(StringComparer.Ordinal).ToArray();
        var meta = Path.Combine(Dir, "meta.jsonl");

        var first = CliRunner.Run(["analyze", articles[0], articles[1], "--meta", meta, "--db", db, "--format", "json"]);
        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stderr.ShouldContain("2 annotated now, 0 unchanged");
        JsonDocument.Parse(first.Stdout).RootElement.GetProperty("articles").GetArrayLength().ShouldBe(2);

        var second = CliRunner.Run(["analyze", .. articles, "--meta", meta, "--db", db, "--format", "json"]);
        second.ExitCode.ShouldBe(0, second.Stderr);
        second.Stderr.ShouldContain($"{articles.Length - 2} annotated now, 2 unchanged");

        var stored = CliRunner.Run("analyze", "--db", db, "--format", "json");
        stored.ExitCode.ShouldBe(0, stored.Stderr);
        var fromStore = JsonDocument.Parse(stored.Stdout).RootElement;
        var direct = JsonDocument.Parse(CliRunner.Run(["analyze", .. articles, "--meta", meta, "--format", "json"]).Stdout).RootElement;
        fromStore.GetProperty("articles").GetArrayLength().ShouldBe(articles.Length);
        // The stored annotations give the same stories as annotating afresh.
        fromStore.GetProperty("stories").GetRawText().ShouldBe(direct.GetProperty("stories").GetRawText());
    }

    [Fact]
    public void AnUnusableDatabaseIsOneLineAndNonZero()
    {
        var run = CliRunner.Run("analyze", "--db", "/nonexistent-folder/x/stories.db");
        run.ExitCode.ShouldNotBe(0);
        run.StderrLines.Length.ShouldBe(1);
        run.Stderr.ShouldContain("cannot open the database");
    }

    [Fact]
    public void AnalyzeWithoutInputsOrDatabaseIsAUsageError()
    {
        var run = CliRunner.Run("analyze");
        run.ExitCode.ShouldBe(2);
    }
}

public sealed class SearchCommandTests
{
    [Fact]
    public void SearchListsStoredArticlesMatchingAPhrase()
    {
        using var tmp = new TempDir();
        var db = Path.Combine(tmp.Path, "stories.db");
        var dir = Path.Combine(SharedData.RepoRoot, "samples", "tarrow-dam");
        CliRunner.Run("analyze", Path.Combine(dir, "articles"), "--meta", Path.Combine(dir, "meta.jsonl"), "--db", db, "--format", "json").ExitCode.ShouldBe(0);
        var run = CliRunner.Run("search", "\"school gyms\"", "--db", db);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.StdoutLines.Length.ShouldBe(1);
        run.StdoutLines[0].Split('\t')[0].ShouldBe("002_herald_cabinet");
        run.StdoutLines[0].ShouldContain("Norvale Herald");
    }

    [Fact]
    public void AnArticleThatStatesNoYearIsReadInTheYearOfTheArticlesBesideIt()
    {
        using var tmp = new TempDir();
        var dated = Path.Combine(tmp.Path, "dated.txt");
        var undated = Path.Combine(tmp.Path, "undated.txt");
        File.WriteAllText(dated, "Bridge reopens after floods\n\nHALDEN, November 20, 2023 - The Storvik bridge reopened on Monday after weeks of repairs, the roads agency said.\n");
        File.WriteAllText(undated, "Storvik bridge closed by floods\n\nThe Storvik bridge was closed on Oct. 7 after the river rose two metres, the roads agency said.\n");

        var alone = CliRunner.Run("annotate", undated);
        alone.ExitCode.ShouldBe(0, alone.Stderr);
        var flagsAlone = JsonDocument.Parse(alone.Stdout).RootElement.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        flagsAlone.ShouldContain("date_year_assumed");

        var run = CliRunner.Run("analyze", dated, undated, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var article = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("articles").EnumerateArray()
            .Single(a => a.GetProperty("source").GetString()!.EndsWith("undated.txt", StringComparison.Ordinal));
        article.GetProperty("published").GetString().ShouldBe("2023-10-07");
        var flags = article.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        flags.ShouldContain("date_estimated");
        flags.ShouldContain("date_year_assumed");
    }
}
