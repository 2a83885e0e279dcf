namespace CableTest.Storage;

/// <summary>Configuration key <c>DataDirectory</c>: where relative storage paths live.</summary>
public static class StoragePaths
{
    public const string DataDirectoryKey = "DataDirectory";

    /// <summary>The default data directory: the user's local application data, "cabletest".</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cabletest");

    public static string Resolve(string dataDirectory, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dataDirectory, path));
}
