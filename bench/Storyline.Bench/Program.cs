namespace Storyline.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : "")
        {
            case "ner" or "ner-conll" or "ner-train" or "ner-annotate": return Ner.NerBench.Run(args);
        }
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Storyline.Bench -- <benchmark> [options]");
        return 2;
    }
}
