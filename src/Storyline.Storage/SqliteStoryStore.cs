using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// The embedded store: one SQLite file (WAL mode), documents as JSON beside their searchable columns, and
/// an FTS5 index over title and text.
/// </summary>
public sealed class SqliteStoryStore : IStoryStore
{
    private readonly SqliteConnection _connection;

    /// <summary>Ordered schema migrations; the store records how many it has applied.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            published TEXT,
            outlet TEXT,
            title TEXT,
            url TEXT,
            body TEXT NOT NULL,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, tokenize = 'porter unicode61');
        """,
    ];

    public SqliteStoryStore(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    }

    public int SchemaVersion
    {
        get
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void Migrate()
    {
        int version = SchemaVersion;
        if (version > Migrations.Length)
            throw new StoreException($"the database was written by a newer Storyline (schema {version}, this one knows {Migrations.Length})");
        for (int i = version; i < Migrations.Length; i++)
        {
            using var tx = _connection.BeginTransaction();
            Execute(Migrations[i], tx);
            Execute($"PRAGMA user_version = {i + 1};", tx);
            tx.Commit();
        }
    }

    public IReadOnlyDictionary<string, StoredDocumentInfo> Index()
    {
        var result = new Dictionary<string, StoredDocumentInfo>(StringComparer.Ordinal);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, content_hash, pipeline_version, published, outlet, title FROM documents;";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            result[id] = new StoredDocumentInfo(id, reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
        return result;
    }

    public void Save(IReadOnlyList<AnnotatedDocument> documents, string pipelineVersion)
    {
        using var tx = _connection.BeginTransaction();
        using var upsert = _connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = """
            INSERT INTO documents (id, content_hash, pipeline_version, published, outlet, title, url, body, stored_at)
            VALUES ($id, $hash, $version, $published, $outlet, $title, $url, $body, $at)
            ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, pipeline_version = excluded.pipeline_version,
                published = excluded.published, outlet = excluded.outlet, title = excluded.title, url = excluded.url,
                body = excluded.body, stored_at = excluded.stored_at;
            """;
        var p = new[] { "$id", "$hash", "$version", "$published", "$outlet", "$title", "$url", "$body", "$at" }
            .ToDictionary(n => n, n => upsert.Parameters.Add(n, SqliteType.Text));
        using var ftsDelete = _connection.CreateCommand();
        ftsDelete.Transaction = tx;
        ftsDelete.CommandText = "DELETE FROM documents_fts WHERE id = $id;";
        var ftsDeleteId = ftsDelete.Parameters.Add("$id", SqliteType.Text);
        using var ftsInsert = _connection.CreateCommand();
        ftsInsert.Transaction = tx;
        ftsInsert.CommandText = "INSERT INTO documents_fts (id, title, text) VALUES ($id, $title, $text);";
        var fi = ftsInsert.Parameters.Add("$id", SqliteType.Text);
        var ft = ftsInsert.Parameters.Add("$title", SqliteType.Text);
        var fx = ftsInsert.Parameters.Add("$text", SqliteType.Text);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var doc in documents)
        {
            var a = doc.Article;
            p["$id"].Value = a.Id;
            p["$hash"].Value = DocumentCodec.ContentHash(a);
            p["$version"].Value = pipelineVersion;
            p["$published"].Value = (object?)a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
            p["$outlet"].Value = (object?)a.Outlet ?? DBNull.Value;
            p["$title"].Value = (object?)a.Title ?? DBNull.Value;
            p["$url"].Value = (object?)a.Url ?? DBNull.Value;
            p["$body"].Value = DocumentCodec.Encode(doc);
            p["$at"].Value = now;
            upsert.ExecuteNonQuery();
            ftsDeleteId.Value = a.Id;
            ftsDelete.ExecuteNonQuery();
            fi.Value = a.Id;
            ft.Value = (object?)a.Title ?? "";
            fx.Value = a.Text;
            ftsInsert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public IReadOnlyList<AnnotatedDocument> Load(IReadOnlyCollection<string>? ids = null)
    {
        var result = new List<AnnotatedDocument>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, body FROM documents ORDER BY published, id;";
        var wanted = ids is null ? null : new HashSet<string>(ids, StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (wanted is not null && !wanted.Contains(reader.GetString(0))) continue;
            result.Add(DocumentCodec.Decode(reader.GetString(1)));
        }
        return result;
    }

    public IReadOnlyList<string> Search(string query, int limit = 50)
    {
        var result = new List<string>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents_fts WHERE documents_fts MATCH $q ORDER BY rank LIMIT $limit;";
        cmd.Parameters.AddWithValue("$q", FtsQuery(query));
        cmd.Parameters.AddWithValue("$limit", limit);
        try
        {
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) result.Add(reader.GetString(0));
        }
        catch (SqliteException e)
        {
            throw new StoreException("search query not understood: " + e.Message);
        }
        return result;
    }

    /// <summary>Words become required terms; quoted phrases stay phrases. FTS5 operators in user text are neutralised.</summary>
    internal static string FtsQuery(string query)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            if (query[i] == '"')
            {
                int end = query.IndexOf('"', i + 1);
                if (end < 0) end = query.Length;
                var phrase = query[(i + 1)..end].Trim();
                if (phrase.Length > 0) parts.Add("\"" + phrase.Replace("\"", "", StringComparison.Ordinal) + "\"");
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"') i++;
            var word = new string(query[start..i].Where(char.IsLetterOrDigit).ToArray());
            if (word.Length > 0) parts.Add("\"" + word + "\"");
        }
        return parts.Count == 0 ? "\"\"" : string.Join(" AND ", parts);
    }

    public bool Delete(string id)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM documents WHERE id = $id; DELETE FROM documents_fts WHERE id = $id;";
        cmd.Parameters.AddWithValue("$id", id);
        int n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n > 0;
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>A store problem a user can act on (one line).</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
