namespace CableTest.Testing;

/// <summary>Where the repository and its test data are, wherever the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CableTest.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"CableTest.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The directory holding CableTest.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>A path relative to the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The workplace's shared folder (reference peers, golden cases) beside the repository, when it
    /// exists (developer machines); null in a bare clone. Tests must not depend on it: the data they
    /// need is in the repository.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }
}
