using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>A stored document's identity and what it was annotated from.</summary>
public sealed record StoredDocumentInfo(string Id, string ContentHash, string PipelineVersion, DateOnly? Published, string? Outlet, string? Title);

/// <summary>
/// Persistent annotated articles, so that adding articles to a story does not annotate the old ones again.
/// Implementations: SQLite (a file on a laptop) and PostgreSQL (shared). Thread-safe for one writer.
/// </summary>
public interface IStoryStore : IDisposable
{
    /// <summary>Creates or upgrades the schema.</summary>
    void Migrate();

    int SchemaVersion { get; }

    /// <summary>Identity and hashes of every stored document, for deciding what needs annotating.</summary>
    IReadOnlyDictionary<string, StoredDocumentInfo> Index();

    /// <summary>Inserts or replaces documents in one transaction.</summary>
    void Save(IReadOnlyList<AnnotatedDocument> documents, string pipelineVersion);

    IReadOnlyList<AnnotatedDocument> Load(IReadOnlyCollection<string>? ids = null);

    /// <summary>Ids of documents whose text matches a full-text query (words, phrases in quotes).</summary>
    IReadOnlyList<string> Search(string query, int limit = 50);

    bool Delete(string id);
}
