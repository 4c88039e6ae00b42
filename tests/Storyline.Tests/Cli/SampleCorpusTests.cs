using System.Text.Json;

namespace Storyline.Tests.Cli;

/// <summary>
/// The demo corpus (samples/, written by the team) through the real command line, against
/// samples/tarrow-dam/expected.json. Fast, and needs no shared data.
/// </summary>
public sealed class SampleCorpusTests
{
    private static readonly string Dir = Path.Combine(SharedData.RepoRoot, "samples", "tarrow-dam");
    private static readonly string Articles = Path.Combine(Dir, "articles");
    private static readonly string Meta = Path.Combine(Dir, "meta.jsonl");
    private static readonly Lazy<JsonElement> Expected = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "expected.json"))).RootElement.Clone());

    private static readonly Lazy<Dictionary<string, JsonElement>> Extracted = new(() => Jsonl("extract", "--meta", Meta));
    private static readonly Lazy<Dictionary<string, JsonElement>> Annotated = new(() => Jsonl("annotate", "--meta", Meta));
    private static readonly Lazy<JsonElement> Report = new(() =>
    {
        var run = CliRunner.Run("analyze", Articles, "--meta", Meta, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    });

    private static Dictionary<string, JsonElement> Jsonl(string command, params string[] extra)
    {
        var run = CliRunner.Run([command, Articles, .. extra, "--format", "jsonl"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldBeEmpty();
        return run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToDictionary(r => r.GetProperty("id").GetString()!);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public void JunkIsRemovedAndTheDatelineBecomesMetadata()
    {
        foreach (var article in Expected.Value.GetProperty("boilerplate").EnumerateObject())
        {
            var text = Gold.Fold(Str(Extracted.Value[article.Name], "text")!);
            foreach (var line in article.Value.EnumerateArray())
                text.ShouldNotContain(Gold.Fold(line.GetString()!), Case.Sensitive, $"{article.Name} still holds junk");
        }
        // The caption printed twice is gone, but the article sentence about rescue boats is not a caption.
        Str(Extracted.Value["002_herald_cabinet"], "text")!.ShouldContain("Premier Alda Moravec on Monday promised temporary shelter");
        var dateline = Expected.Value.GetProperty("dateline");
        var wire = Extracted.Value[Str(dateline, "article")!];
        wire.GetProperty("dateline").GetProperty("date").GetString().ShouldBe(Str(dateline, "date"));
        Str(wire, "text")!.ShouldStartWith("Norvale's cabinet met in emergency session");
        Extracted.Value["003_coastline_inspection"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain("paywall");
    }

    [Fact]
    public void WithoutMetaTheDatelineArticleIsDatedExactlyAndOthersAreEstimates()
    {
        var run = CliRunner.Run("annotate", Articles, "--format", "jsonl");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var docs = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(d => Str(d, "id")!);
        Str(docs["001_meridian_cabinet"], "published").ShouldBe("2025-03-03");
        // The inquiry article mentions no full date: no estimate earlier than the dam failure it reports.
        var fund = Str(docs["005_harborpost_fund"], "published");
        fund.ShouldNotBeNull();
        string.CompareOrdinal(fund, "2025-03-02").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void QuotesHaveTheirSpeakersByFullName()
    {
        var misses = new List<string>();
        foreach (var q in Expected.Value.GetProperty("quotes").EnumerateArray())
        {
            var want = Gold.Fold(Str(q, "text")!);
            var speaker = Gold.Fold(Str(q, "speaker")!);
            bool ok = Annotated.Value[Str(q, "article")!].GetProperty("quotes").EnumerateArray().Any(p =>
                Gold.Fold(Str(p, "text") ?? "").Contains(want, StringComparison.Ordinal) &&
                Gold.Fold(Str(p, "speaker") ?? "").EndsWith(speaker, StringComparison.Ordinal));
            if (!ok) misses.Add($"{Str(q, "article")}: {speaker}: {want}");
        }
        misses.ShouldBeEmpty();
    }

    [Fact]
    public void FiguresHaveValueAndQualifier()
    {
        var misses = new List<string>();
        foreach (var f in Expected.Value.GetProperty("figures").EnumerateArray())
        {
            double value = f.GetProperty("value").GetDouble();
            bool ok = Annotated.Value[Str(f, "article")!].GetProperty("figures").EnumerateArray().Any(p =>
                Math.Abs(p.GetProperty("value").GetDouble() - value) < 1e-6 && Str(p, "qualifier") == Str(f, "qualifier"));
            if (!ok) misses.Add($"{Str(f, "article")}: {value} {Str(f, "qualifier")}");
        }
        misses.ShouldBeEmpty();
    }

    [Fact]
    public void TimesResolveAgainstThePublicationDate()
    {
        var misses = new List<string>();
        foreach (var t in Expected.Value.GetProperty("times").EnumerateArray())
        {
            var want = Gold.Fold(Str(t, "text")!);
            bool ok = Annotated.Value[Str(t, "article")!].GetProperty("times").EnumerateArray().Any(p =>
            {
                var got = Gold.Fold(Str(p, "text") ?? "");
                return got.Length > 0 && (want.Contains(got, StringComparison.Ordinal) || got.Contains(want, StringComparison.Ordinal)) && Str(p, "value") == Str(t, "value");
            });
            if (!ok) misses.Add($"{Str(t, "article")}: {want} = {Str(t, "value")}");
        }
        misses.ShouldBeEmpty();
    }

    [Fact]
    public void OneStoryWithTheExpectedEventsTimelineAndLedger()
    {
        var stories = Report.Value.GetProperty("stories").EnumerateArray().ToList();
        stories.Count.ShouldBe(1);
        var story = stories[0];
        story.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Order()
            .ShouldBe(Expected.Value.GetProperty("story").EnumerateArray().Select(a => a.GetString()).Order());

        static string Key(JsonElement ids) => string.Join(",", ids.EnumerateArray().Select(a => a.GetString()).Order());
        story.GetProperty("events").EnumerateArray().Select(e => Key(e.GetProperty("articles"))).Order()
            .ShouldBe(Expected.Value.GetProperty("events").EnumerateArray().Select(Key).Order());

        var dates = story.GetProperty("timeline").EnumerateArray().Select(e => Str(e, "date")).ToHashSet();
        foreach (var d in Expected.Value.GetProperty("timeline_dates").EnumerateArray())
            dates.ShouldContain(d.GetString());

        var series = story.GetProperty("figures").EnumerateArray().ToList();
        foreach (var want in Expected.Value.GetProperty("series").EnumerateArray())
        {
            var values = want.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
            var match = series.Where(s => values.All(v => s.GetProperty("points").EnumerateArray().Any(p => Math.Abs(p.GetProperty("value").GetDouble() - v) < 1e-6))).ToList();
            match.Count.ShouldBe(1, $"one series holding {string.Join("/", values)}");
            Str(match[0], "assessment").ShouldBe(Str(want, "assessment"));
        }
    }

    [Fact]
    public void EveryCitationReadsBackAsTheSentenceShown()
    {
        var texts = Report.Value.GetProperty("articles").EnumerateArray().ToDictionary(a => Str(a, "id")!, a => Str(a, "text")!);
        foreach (var story in Report.Value.GetProperty("stories").EnumerateArray())
        {
            foreach (var item in story.GetProperty("summary").EnumerateArray().Concat(story.GetProperty("timeline").EnumerateArray()))
            {
                var citations = item.GetProperty("citations").EnumerateArray().ToList();
                citations.ShouldNotBeEmpty();
                foreach (var c in citations)
                {
                    var text = texts[Str(c, "article")!];
                    int start = c.GetProperty("start").GetInt32(), end = c.GetProperty("end").GetInt32();
                    (start >= 0 && end <= text.Length && start < end).ShouldBeTrue();
                }
            }
            foreach (var s in story.GetProperty("summary").EnumerateArray())
            {
                var c = s.GetProperty("citations")[0];
                var cited = texts[Str(c, "article")!][c.GetProperty("start").GetInt32()..c.GetProperty("end").GetInt32()];
                Str(s, "text").ShouldBe(cited);
            }
        }
    }

    [Fact]
    public void TheWebPageCopyIsExtractedCleanlyAndGroupedWithTheWireStory()
    {
        var html = Expected.Value.GetProperty("html");
        var page = Extracted.Value[Str(html, "article")!];
        Str(page, "title").ShouldBe(Str(html, "title"));
        Str(page, "outlet").ShouldBe(Str(html, "outlet"));
        Str(page, "published")!.ShouldStartWith(Str(html, "published")!);
        Str(page, "byline").ShouldBeNull(); // a wire service is not a person
        foreach (var junk in html.GetProperty("absent").EnumerateArray())
            Str(page, "text")!.ShouldNotContain(junk.GetString()!);

        var story = Report.Value.GetProperty("stories")[0];
        var groups = story.GetProperty("syndication").EnumerateArray()
            .Select(g => string.Join(",", g.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Order())).ToList();
        foreach (var copies in Expected.Value.GetProperty("copies").EnumerateArray())
            groups.ShouldContain(string.Join(",", copies.EnumerateArray().Select(a => a.GetString()).Order()));
        story.GetProperty("independent_reports").GetInt32().ShouldBe(groups.Count);
        groups.Count.ShouldBeLessThan(story.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void TheTimelineQuotesTheOriginalRatherThanItsReprint()
    {
        var story = Report.Value.GetProperty("stories")[0];
        var entry = story.GetProperty("timeline").EnumerateArray().Single(e => Str(e, "date") == "2025-03-03");
        // The reprint glues its dateline to the same sentence; the wire's own text is shown and cited.
        Str(entry, "text")!.ShouldStartWith("Norvale's cabinet met in emergency session");
        entry.GetProperty("citations").EnumerateArray().Select(c => Str(c, "article")).ShouldContain("001_meridian_cabinet");
    }
}

