using System.Diagnostics;
using Storyline.Language;
using Storyline.Language.Entities;

namespace Storyline.Bench.Ner;

/// <summary>
/// Entity tagger tools: <c>ner-conll</c> (the conll contract on stdin/stdout), <c>ner-train</c> (train a model),
/// <c>ner</c> (tokens/s of tokenize+tag beside the JavaScript peers).
/// </summary>
public static class NerBench
{
    public static int Run(string[] args)
    {
        switch (args[0])
        {
            case "ner-conll":
                {
                    var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
                    ConllTagger.Run(Console.In, output);
                    output.Flush();
                    return 0;
                }
            case "ner-train":
                {
                    // ner-train TRAIN.csv OUT [DEV.csv] [epochs] [seed] [bits]
                    string? dev = args.Length > 3 ? args[3] : null;
                    int epochs = args.Length > 4 ? int.Parse(args[4]) : 8;
                    int seed = args.Length > 5 ? int.Parse(args[5]) : 1;
                    int bits = args.Length > 6 ? int.Parse(args[6]) : NerTrainer.DefaultBucketBits;
                    var report = NerTrainer.Train(args[1], args[2], seed, epochs, Console.Error, dev, bits);
                    Console.Error.WriteLine($"best epoch {report.BestEpoch}, {report.Elapsed.TotalSeconds:F0}s");
                    return 0;
                }
            default:
                return Speed(args);
        }
    }

    private static int Speed(string[] args)
    {
        Console.Error.WriteLine("ner speed: not yet");
        return 0;
    }
}
