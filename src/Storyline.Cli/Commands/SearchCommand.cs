using System.CommandLine;
using System.Globalization;
using Storyline.Cli.Infrastructure;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline search QUERY --db FILE|URL</c>: stored articles matching words or "phrases".</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext cli)
    {
        var query = new Argument<string>("QUERY") { Description = "Words (all must match) and \"quoted phrases\"." };
        var db = new Option<string>("--db") { Description = "The database analyze --db filled (SQLite file or postgres:// URL).", Required = true, HelpName = "FILE|URL" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Find stored articles by words or phrases in their title and text.") { query, db, limit };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(db)!;
            try
            {
                using var store = StoryStores.Open(target);
                var ids = store.Search(parse.GetValue(query)!, Math.Max(1, parse.GetValue(limit)));
                var index = store.Index();
                foreach (var id in ids)
                {
                    var info = index[id];
                    cli.Out.WriteLine(string.Join('\t', id, info.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                        info.Outlet ?? "-", info.Title ?? "-"));
                }
                cli.Out.Flush();
                if (ids.Count == 0) cli.Message("no stored article matches");
                return ExitCodes.Ok;
            }
            catch (StoreException e)
            {
                cli.Message($"storyline: --db: {e.Message}");
                return ExitCodes.NothingProcessed;
            }
        });
        return command;
    }
}
