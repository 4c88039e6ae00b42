using System.CommandLine;
using Storyline.Cli.Commands;
using Storyline.Cli.Infrastructure;

namespace Storyline.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, CliContext.FromConsole());

    /// <summary>Runs the command line against the given streams; never lets an exception reach the user.</summary>
    public static int Run(string[] args, CliContext cli)
    {
        try
        {
            var root = new RootCommand("Storyline: the story behind many news articles: timeline, quotes, figures and a cited summary.")
            {
                ExtractCommand.Create(cli),
                NerCommand.Create(cli),
                AnnotateCommand.Create(cli),
                AnalyzeCommand.Create(cli),
                TimelineCommand.Create(cli),
                SearchCommand.Create(cli),
                TrainCommand.Create(cli),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && args.Length > 0)
            {
                // One line per problem, then where to find usage: no help page dumped on stdout.
                var messages = parse.Errors.Select(e => string.Join(' ', e.Message.Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    .Distinct().ToList();
                if (messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command", StringComparison.Ordinal));
                foreach (var error in messages)
                    cli.Message($"storyline: {error}");
                var name = parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ";
                cli.Message($"Run 'storyline {name}--help' for usage.");
                return ExitCodes.Usage;
            }
            if (args.Length == 0)
                parse = root.Parse(["--help"]);
            var config = new InvocationConfiguration { Output = cli.Out, Error = cli.Error, EnableDefaultExceptionHandler = false };
            int code = parse.Invoke(config);
            return code;
        }
        catch (Exception e) when (e is IOException { HResult: 32 or -2147024864 } || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase))
        {
            return ExitCodes.Ok; // the reader of stdout went away (| head): not an error
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or Storyline.Storage.StoreException)
        {
            // The machine said no (a full disk, a read-only folder, a database that went away): the user's to fix.
            cli.Message($"storyline: {e.Message.Split('\n')[0]}");
            return ExitCodes.NothingProcessed;
        }
        catch (Exception e)
        {
            cli.Message($"storyline: internal error: {InputReaderMessage(e)} (please report this)");
            return ExitCodes.Internal;
        }
        finally
        {
            try { cli.Out.Flush(); } catch (IOException) { }
            try { cli.Error.Flush(); } catch (IOException) { }
        }
    }

    private static string InputReaderMessage(Exception e)
    {
        while (e is AggregateException { InnerException: { } inner }) e = inner;
        return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
    }
}
