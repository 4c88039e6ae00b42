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
        var modelFile = new Option<string?>("--model")
        {
            Description = "An entity model written by `storyline train ner` (default: the model shipped in the library).",
            HelpName = "FILE",
        };
        var command = new Command("ner", "Tag named entities (PER, ORG, LOC, MISC) in pre-tokenized text read from standard input.") { format, modelFile };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(modelFile);
            EntityTagger tagger;
            if (path is null) tagger = EntityTagger.Default;
            else
            {
                try { tagger = new EntityTagger(NerModel.Load(path)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
                {
                    cli.Message($"storyline: --model {path}: {e.Message}");
                    return ExitCodes.Usage;
                }
            }
            using var input = new StreamReader(cli.OpenStdin(), new UTF8Encoding(false), true, 1 << 16);
            using var output = new StreamWriter(cli.OpenStdout(), new UTF8Encoding(false), 1 << 16);
            ConllTagger.Run(input, output, tagger);
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
        var clustersFile = new Option<string?>("--clusters") { Description = "Word clusters (from `train clusters`) to use as features (the shipped model has none).", HelpName = "FILE" };
        var ner = new Command("ner", "Train the entity tagger.") { data, dev, output, seed, epochs, clustersFile };
        ner.SetAction(parse =>
        {
            var dataPath = parse.GetValue(data)!;
            var devPath = parse.GetValue(dev);
            if (!File.Exists(dataPath)) { cli.Message($"storyline: --data {dataPath}: no such file"); return ExitCodes.Usage; }
            if (devPath is not null && !File.Exists(devPath)) { cli.Message($"storyline: --dev {devPath}: no such file"); return ExitCodes.Usage; }
            if (parse.GetValue(epochs) < 1) { cli.Message("storyline: --epochs must be at least 1"); return ExitCodes.Usage; }
            var clustersPath = parse.GetValue(clustersFile);
            WordClusters? clusters = null;
            if (clustersPath is not null)
            {
                try { clusters = WordClusters.Load(clustersPath); }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    cli.Message($"storyline: --clusters {clustersPath}: {e.Message}");
                    return ExitCodes.Usage;
                }
            }
            var report = NerTrainer.Train(dataPath, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(epochs), cli.Error, devPath, clusters: clusters);
            cli.Message($"trained on {report.Sentences} sentences ({report.Tokens} tokens) in {report.Elapsed.TotalSeconds:0} s; best epoch {report.BestEpoch}");
            return ExitCodes.Ok;
        });

        var text = new Option<string[]>("--text") { Description = "Unlabelled text: GMB-style CSV (words only), JSON lines with a \"text\" field, or plain text. Repeat for more files.", Required = true, HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var clustersOut = new Option<string>("--out") { Description = "Where to write the clusters (gzip).", Required = true, HelpName = "FILE" };
        var sizes = new Option<string>("--sizes") { Description = "Numbers of classes, coarse to fine (at most three).", DefaultValueFactory = _ => string.Join(',', WordClusterTrainer.DefaultSizes) };
        var clusterCommand = new Command("clusters", "Learn word clusters from unlabelled text (features of the entity tagger).") { text, clustersOut, sizes };
        clusterCommand.SetAction(parse =>
        {
            var files = parse.GetValue(text) ?? [];
            foreach (var f in files)
                if (!File.Exists(f)) { cli.Message($"storyline: --text {f}: no such file"); return ExitCodes.Usage; }
            var sizeList = new List<int>();
            foreach (var part in parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, out int k) || k < 2 || k > 65534) { cli.Message($"storyline: --sizes: '{part}' is not a class count between 2 and 65534"); return ExitCodes.Usage; }
                sizeList.Add(k);
            }
            if (sizeList.Count is 0 or > WordClusters.MaxGranularities) { cli.Message("storyline: --sizes takes one to three class counts"); return ExitCodes.Usage; }
            var clusters = WordClusterTrainer.Train(files.SelectMany(WordClusterTrainer.ReadSentences), [.. sizeList], log: cli.Error);
            var outPath = parse.GetValue(clustersOut)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            clusters.Save(outPath);
            cli.Message($"clustered {clusters.Count} words into {string.Join('/', clusters.Sizes)} classes");
            return ExitCodes.Ok;
        });
        return new Command("train", "Train Storyline's own models from data.") { ner, clusterCommand };
    }
}
