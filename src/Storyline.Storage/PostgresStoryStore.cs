using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// The shared store on PostgreSQL: the same documents table as SQLite, the body as <c>jsonb</c>, and a
/// generated <c>tsvector</c> column with a GIN index for search.
/// </summary>
public sealed class PostgresStoryStore : IStoryStore
{
    private readonly NpgsqlDataSource _source;
    private readonly string _schema;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE {0}.documents (
            id text PRIMARY KEY,
            content_hash text NOT NULL,
            pipeline_version text NOT NULL,
            published date,
            outlet text,
            title text,
            url text,
            body jsonb NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                setweight(to_tsvector('english', coalesce(body #>> '{{article,text}}', '')), 'B')) STORED,
            stored_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX documents_published ON {0}.documents (published);
        CREATE INDEX documents_search ON {0}.documents USING gin (search);
        """,
    ];

    /// <param name="connectionString">An Npgsql connection string or a <c>postgres://user:pass@host:port/db</c> URL.</param>
    /// <param name="schema">The schema holding Storyline's tables (created when missing).</param>
    public PostgresStoryStore(string connectionString, string schema = "storyline")
    {
        if (!IsIdentifier(schema)) throw new StoreException($"'{schema}' is not a plain schema name");
        _schema = schema;
        _source = NpgsqlDataSource.Create(ToConnectionString(connectionString));
    }

    public static bool IsPostgres(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        target.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    internal static string ToConnectionString(string target)
    {
        if (!target.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(target, UriKind.Absolute, out var uri))
            return target;
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port, Database = uri.AbsolutePath.Trim('/') };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        return b.ToString();
    }

    private static bool IsIdentifier(string s) => s.Length is > 0 and < 64 && (char.IsAsciiLetterLower(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    public int SchemaVersion
    {
        get
        {
            using var conn = _source.OpenConnection();
            using var cmd = new NpgsqlCommand($"SELECT to_regclass('{_schema}.schema_version') IS NOT NULL", conn);
            if (!(bool)cmd.ExecuteScalar()!) return 0;
            cmd.CommandText = $"SELECT coalesce(max(version), 0) FROM {_schema}.schema_version";
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void Migrate()
    {
        using var conn = _source.OpenConnection();
        using var tx = conn.BeginTransaction();
        // One migrator at a time across processes sharing the database.
        Exec(conn, tx, "SELECT pg_advisory_xact_lock(7303198)");
        Exec(conn, tx, $"CREATE SCHEMA IF NOT EXISTS {_schema}");
        Exec(conn, tx, $"CREATE TABLE IF NOT EXISTS {_schema}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {_schema}.schema_version", conn, tx);
        int version = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
            throw new StoreException($"the database was written by a newer Storyline (schema {version}, this one knows {Migrations.Length})");
        for (int i = version; i < Migrations.Length; i++)
        {
            Exec(conn, tx, string.Format(CultureInfo.InvariantCulture, Migrations[i], _schema));
            Exec(conn, tx, $"INSERT INTO {_schema}.schema_version (version) VALUES ({i + 1})");
        }
        tx.Commit();
    }

    private static void Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyDictionary<string, StoredDocumentInfo> Index()
    {
        var result = new Dictionary<string, StoredDocumentInfo>(StringComparer.Ordinal);
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT id, content_hash, pipeline_version, published, outlet, title FROM {_schema}.documents", conn);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            result[id] = new StoredDocumentInfo(id, reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
        return result;
    }

    public void Save(IReadOnlyList<AnnotatedDocument> documents, string pipelineVersion)
    {
        using var conn = _source.OpenConnection();
        using var tx = conn.BeginTransaction();
        using var cmd = new NpgsqlCommand($"""
            INSERT INTO {_schema}.documents (id, content_hash, pipeline_version, published, outlet, title, url, body, stored_at)
            VALUES (@id, @hash, @version, @published, @outlet, @title, @url, @body, now())
            ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, pipeline_version = excluded.pipeline_version,
                published = excluded.published, outlet = excluded.outlet, title = excluded.title, url = excluded.url,
                body = excluded.body, stored_at = now()
            """, conn, tx);
        var id = cmd.Parameters.Add("id", NpgsqlDbType.Text);
        var hash = cmd.Parameters.Add("hash", NpgsqlDbType.Text);
        var version = cmd.Parameters.Add("version", NpgsqlDbType.Text);
        var published = cmd.Parameters.Add("published", NpgsqlDbType.Date);
        var outlet = cmd.Parameters.Add("outlet", NpgsqlDbType.Text);
        var title = cmd.Parameters.Add("title", NpgsqlDbType.Text);
        var url = cmd.Parameters.Add("url", NpgsqlDbType.Text);
        var body = cmd.Parameters.Add("body", NpgsqlDbType.Jsonb);
        cmd.Prepare();
        foreach (var doc in documents)
        {
            var a = doc.Article;
            id.Value = a.Id;
            hash.Value = DocumentCodec.ContentHash(a);
            version.Value = pipelineVersion;
            published.Value = a.Published is { } d ? d : DBNull.Value;
            outlet.Value = (object?)a.Outlet ?? DBNull.Value;
            title.Value = (object?)a.Title ?? DBNull.Value;
            url.Value = (object?)a.Url ?? DBNull.Value;
            body.Value = DocumentCodec.Encode(doc);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public IReadOnlyList<AnnotatedDocument> Load(IReadOnlyCollection<string>? ids = null)
    {
        var result = new List<AnnotatedDocument>();
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(ids is null
            ? $"SELECT body::text FROM {_schema}.documents ORDER BY published NULLS FIRST, id"
            : $"SELECT body::text FROM {_schema}.documents WHERE id = ANY(@ids) ORDER BY published NULLS FIRST, id", conn);
        if (ids is not null) cmd.Parameters.AddWithValue("ids", ids.ToArray());
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) result.Add(DocumentCodec.Decode(reader.GetString(0)));
        return result;
    }

    public IReadOnlyList<string> Search(string query, int limit = 50)
    {
        var result = new List<string>();
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"""
            SELECT id FROM {_schema}.documents, websearch_to_tsquery('english', @q) q
            WHERE search @@ q ORDER BY ts_rank(search, q) DESC, id LIMIT @limit
            """, conn);
        cmd.Parameters.AddWithValue("q", query);
        cmd.Parameters.AddWithValue("limit", limit);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }

    public bool Delete(string id)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"DELETE FROM {_schema}.documents WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        return cmd.ExecuteNonQuery() > 0;
    }

    public void Dispose() => _source.Dispose();
}
