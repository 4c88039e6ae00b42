using System.CommandLine;
using System.Globalization;

namespace Storyline.Cli.Commands;

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>No input could be processed.</summary>
    public const int NothingProcessed = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
    /// <summary>An unexpected internal error (reported as one line).</summary>
    public const int Internal = 70;
}

internal static class CommonOptions
{
    public static Argument<string[]> Inputs() => new("INPUT")
    {
        Description = "Files (.txt .md .html .htm, optionally .gz; .jsonl records; .warc/.warc.gz; RSS/Atom), directories (walked recursively), URLs, or - for standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Meta() => new("--meta")
    {
        Description = "Sidecar JSONL of {\"file\", \"published\", \"outlet\", \"url\", \"title\"} records (file relative to the sidecar) merged into matching inputs.",
        HelpName = "FILE.jsonl",
    };

    public static Option<DateOnly?> Published() => new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) for inputs that carry none; relative dates are resolved against it.",
        HelpName = "DATE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            result.AddError($"--published expects a date as YYYY-MM-DD, not '{token}'");
            return null;
        },
    };
}
