namespace Storyline.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Storyline.Bench -- <benchmark> [options]");
        return 2;
    }
}
