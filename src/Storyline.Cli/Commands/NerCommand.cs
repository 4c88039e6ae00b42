using System.CommandLine;
using System.Text;
using Storyline.Cli.Infrastructure;
using Storyline.Language.Entities;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ner --format conll</c>: tags pre-tokenized text from standard input.</summary>
internal static class NerCommand
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "conll: one token per line in (first column), token<TAB>IOB2 tag out; blank lines between sentences.",
            DefaultValueFactory = _ => "conll",
        };
        format.AcceptOnlyFromAmong("conll");
        var command = new Command("ner", "Tag named entities (PER, ORG, LOC, MISC) in pre-tokenized text read from standard input.") { format };
        command.SetAction(_ =>
        {
            using var input = new StreamReader(cli.OpenStdin(), new UTF8Encoding(false), true, 1 << 16);
            using var output = new StreamWriter(cli.OpenStdout(), new UTF8Encoding(false), 1 << 16);
            ConllTagger.Run(input, output);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary><c>storyline train ner --data GMB.csv --out MODEL</c>: reproduces the shipped entity model.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext cli)
    {
        var data = new Option<string>("--data") { Description = "Training data: the GMB (Kaggle) ner_dataset-style CSV.", Required = true, HelpName = "FILE.csv" };
        var dev = new Option<string?>("--dev") { Description = "Development CSV scored after every epoch; the best epoch is kept.", HelpName = "FILE.csv" };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip).", Required = true, HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic for a seed).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (the shipped model uses the default).", DefaultValueFactory = _ => NerTrainer.DefaultEpochs };
        var ner = new Command("ner", "Train the entity tagger.") { data, dev, output, seed, epochs };
        ner.SetAction(parse =>
        {
            var dataPath = parse.GetValue(data)!;
            var devPath = parse.GetValue(dev);
            if (!File.Exists(dataPath)) { cli.Message($"storyline: --data {dataPath}: no such file"); return ExitCodes.Usage; }
            if (devPath is not null && !File.Exists(devPath)) { cli.Message($"storyline: --dev {devPath}: no such file"); return ExitCodes.Usage; }
            if (parse.GetValue(epochs) < 1) { cli.Message("storyline: --epochs must be at least 1"); return ExitCodes.Usage; }
            var report = NerTrainer.Train(dataPath, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(epochs), cli.Error, devPath);
            cli.Message($"trained on {report.Sentences} sentences ({report.Tokens} tokens) in {report.Elapsed.TotalSeconds:0} s; best epoch {report.BestEpoch}");
            return ExitCodes.Ok;
        });
        return new Command("train", "Train Storyline's own models from data.") { ner };
    }
}
