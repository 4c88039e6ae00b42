namespace Storyline.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : "")
        {
            case "ner" or "ner-conll" or "ner-train" or "ner-annotate" or "ner-sentences" or "ner-profile" or "ner-audit": return Ner.NerBench.Run(args);
            case "extraction": return Extraction.ExtractionBenchmark.Run(args[1..]);
            case "annotate": return Annotate.AnnotateBench.Throughput(args[1..]);
            case "annotate-jsonl": return Annotate.AnnotateBench.Jsonl(args[1..]);
            case "stories": return Stories.StoriesBench.Run(args[1..]);
        }
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Storyline.Bench -- extraction|ner|annotate|stories [options]");
        return 2;
    }
}
