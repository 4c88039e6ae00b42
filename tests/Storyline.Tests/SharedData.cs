namespace Storyline.Tests;

/// <summary>
/// Locates the shared benchmark data (<c>../shared</c> beside the repository). Tests that need it call
/// <see cref="Require"/>: without the data they are skipped with the reason, unless the environment
/// variable <c>STORYLINE_SHARED</c> names the folder, in which case missing data is a failure.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootLazy = new(Find);

    public static string? Root => RootLazy.Value;

    public static bool IsMandatory => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("STORYLINE_SHARED"));

    /// <summary>The absolute path of <paramref name="relative"/> under the shared folder; skips or fails when absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, relative));
        bool exists = path is not null && (File.Exists(path) || Directory.Exists(path));
        if (exists) return path!;
        if (IsMandatory)
            throw new InvalidOperationException(
                $"STORYLINE_SHARED is set but '{relative}' was not found under '{root ?? Environment.GetEnvironmentVariable("STORYLINE_SHARED")}'.");
        Skip.If(true, $"needs ../shared/{relative} (the shared benchmark data), which is not present");
        return "";
    }

    /// <summary>The repository root (the folder holding Storyline.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("STORYLINE_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            // A relative path means relative to the repository root, wherever the test host runs.
            if (Path.IsPathRooted(env)) return Path.GetFullPath(env);
            try { return Path.GetFullPath(Path.Combine(RepoRoot, env)); }
            catch (InvalidOperationException) { return Path.GetFullPath(env); }
        }
        try
        {
            var sibling = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(sibling) ? sibling : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
