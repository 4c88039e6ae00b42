namespace Storyline.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL URL or connection string, else a SQLite file.</summary>
public static class StoryStores
{
    public static IStoryStore Open(string target)
    {
        IStoryStore store;
        try
        {
            store = PostgresStoryStore.IsPostgres(target) ? new PostgresStoryStore(target) : new SqliteStoryStore(target);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or ArgumentException)
        {
            throw new StoreException($"cannot open the database: {e.Message.Split('\n')[0]}", e);
        }
        try
        {
            store.Migrate();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            store.Dispose();
            throw new StoreException($"cannot use the database: {e.Message.Split('\n')[0]}", e);
        }
        return store;
    }
}
