using Microsoft.Extensions.Configuration;

namespace CableTest.Storage;

/// <summary>Configuration key <c>DataDirectory</c>: where relative storage paths live.</summary>
public static class StoragePaths
{
    public const string DataDirectoryKey = "DataDirectory";

    /// <summary>The default data directory: the user's local application data, "cabletest".</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cabletest");

    /// <summary>The configured data directory as a full path, or <see cref="DefaultDataDirectory"/> when none is set.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[DataDirectoryKey] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultDataDirectory;
    }

    public static string Resolve(string dataDirectory, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dataDirectory, path));
}
