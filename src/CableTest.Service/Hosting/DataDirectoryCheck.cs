using CableTest.Storage;

namespace CableTest.Service.Hosting;

/// <summary>
/// Before anything opens a file under it: the data directory exists (or can be made) and can be
/// written, else a <see cref="StartupConfigurationException"/> naming <c>DataDirectory</c>.
/// </summary>
internal static class DataDirectoryCheck
{
    public static void Ensure(IConfiguration configuration)
    {
        var configured = configuration[StoragePaths.DataDirectoryKey];
        var path = configured is { Length: > 0 } ? Path.GetFullPath(configured) : StoragePaths.DefaultDataDirectory;
        var probe = Path.Combine(path, $".cabletest-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var key = configured is { Length: > 0 } ? StoragePaths.DataDirectoryKey : $"{StoragePaths.DataDirectoryKey} (default)";
            throw new StartupConfigurationException($"{key}: cannot create or write '{path}': {e.Message}", e);
        }
    }
}
