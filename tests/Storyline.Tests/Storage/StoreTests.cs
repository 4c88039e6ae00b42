using Npgsql;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Storage;

namespace Storyline.Tests.Storage;

/// <summary>
/// The same behaviour from both stores: a real SQLite file, and a real PostgreSQL server named by
/// <c>STORYLINE_POSTGRES</c> (started by .ci/run; skipped locally without it, mandatory in CI).
/// </summary>
public sealed class StoreTests
{
    public static TheoryData<string> Kinds => ["sqlite", "postgres"];

    private sealed class Opened(IStoryStore store, Action cleanup) : IDisposable
    {
        public IStoryStore Store { get; } = store;

        public void Dispose()
        {
            Store.Dispose();
            cleanup();
        }
    }

    private static Opened Open(string kind)
    {
        if (kind == "sqlite")
        {
            var dir = new TempDir();
            var store = StoryStores.Open(Path.Combine(dir.Path, "stories.db"));
            return new Opened(store, dir.Dispose);
        }
        var cs = Environment.GetEnvironmentVariable("STORYLINE_POSTGRES");
        if (string.IsNullOrEmpty(cs))
        {
            if (Environment.GetEnvironmentVariable("CI") is not null)
                throw new InvalidOperationException("STORYLINE_POSTGRES is not set; .ci/run should start PostgreSQL");
            Skip.If(true, "needs a PostgreSQL server named by STORYLINE_POSTGRES (.ci/postgres start)");
        }
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        var pg = new PostgresStoryStore(cs!, schema);
        pg.Migrate();
        return new Opened(pg, () =>
        {
            using var conn = new NpgsqlConnection(cs);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", conn);
            cmd.ExecuteNonQuery();
        });
    }

    private static AnnotatedDocument Doc(string id, string text, DateOnly? published, string? outlet = null) =>
        StandardPipeline.Full.Annotate(new Article
        {
            Id = id, Source = id + ".txt", Text = text, Published = published, Outlet = outlet,
            PublishedFrom = published is null ? Provenance.None : Provenance.Supplied,
        });

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void DocumentsRoundTripWithEveryLayer(string kind)
    {
        using var opened = Open(kind);
        var store = opened.Store;
        store.SchemaVersion.ShouldBe(1);
        var doc = Doc("a1", "\"We will rebuild every bridge,\" Premier Alda Moravec said on Monday. At least 43 people were killed on Sunday.",
            new DateOnly(2025, 3, 3), "Meridian Wire");
        store.Save([doc], "v1");

        var back = store.Load().Single();
        // Records hold lists by reference, so compare what the codec writes, then the parts one by one.
        DocumentCodec.Encode(back).ShouldBe(DocumentCodec.Encode(doc));
        (back.Article.Id, back.Article.Published, back.Article.Outlet, back.Article.PublishedFrom)
            .ShouldBe(("a1", (DateOnly?)new DateOnly(2025, 3, 3), "Meridian Wire", Provenance.Supplied));
        back.Text.ShouldBe(doc.Text);
        back.Entities.ShouldBe(doc.Entities);
        back.Quotes.ShouldBe(doc.Quotes);
        back.Figures.ShouldBe(doc.Figures);
        back.Times.ShouldBe(doc.Times);
        back.Tokens.ShouldBe(doc.Tokens);
        back.Sentences.ShouldBe(doc.Sentences);
        doc.Quotes.ShouldNotBeEmpty();
        doc.Figures.ShouldNotBeEmpty();
        doc.Times.ShouldNotBeEmpty();

        var info = store.Index()["a1"];
        info.ContentHash.ShouldBe(DocumentCodec.ContentHash(doc.Article));
        info.PipelineVersion.ShouldBe("v1");
        info.Published.ShouldBe(new DateOnly(2025, 3, 3));
        info.Outlet.ShouldBe("Meridian Wire");
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void SavingAgainReplacesAndSearchFindsByWordsAndPhrases(string kind)
    {
        using var opened = Open(kind);
        var store = opened.Store;
        store.Save([Doc("a", "The dam on the Tarrow River failed before dawn.", new DateOnly(2025, 3, 2)),
                    Doc("b", "Shelters in school gyms were close to full.", new DateOnly(2025, 3, 3))], "v1");
        store.Save([Doc("a", "The dam on the Tarrow River failed. Engineers had seen cracks.", new DateOnly(2025, 3, 2))], "v2");

        store.Index().Count.ShouldBe(2);
        store.Index()["a"].PipelineVersion.ShouldBe("v2");
        store.Load(["a"]).Single().Text.ShouldContain("cracks");
        store.Search("cracks").ShouldBe(["a"]);
        store.Search("\"school gyms\"").ShouldBe(["b"]);
        store.Search("before dawn").ShouldBeEmpty(); // the old text is gone from the index
        store.Search("AND OR \"").ShouldBeEmpty();  // operators in user text are not syntax errors
        store.Delete("a").ShouldBeTrue();
        store.Delete("a").ShouldBeFalse();
        store.Index().Keys.ShouldBe(["b"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void MigratingTwiceIsHarmless(string kind)
    {
        using var opened = Open(kind);
        opened.Store.Migrate();
        opened.Store.Migrate();
        opened.Store.SchemaVersion.ShouldBe(1);
    }

    [Fact]
    public void PostgresUrlsBecomeConnectionStrings()
    {
        var cs = PostgresStoryStore.ToConnectionString("postgres://reader:p%40ss@db.example:5433/news");
        var b = new NpgsqlConnectionStringBuilder(cs);
        (b.Host, b.Port, b.Database, b.Username, b.Password).ShouldBe(("db.example", 5433, "news", "reader", "p@ss"));
        PostgresStoryStore.IsPostgres("stories.db").ShouldBeFalse();
    }
}
