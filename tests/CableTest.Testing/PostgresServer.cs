using System.Globalization;

namespace CableTest.Testing;

/// <summary>
/// A real PostgreSQL (Debian's postgresql) initialised in a temp dir and listening on a loopback
/// port, trust auth for user <c>cabletest</c>. As root (CI), the server runs as the <c>postgres</c>
/// user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly TempDirectory dir = new("pg");
    private ExternalProcess? process;

    public PostgresServer()
    {
        Port = FreeTcpPort.Next();
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=cabletest;Database={database};Pooling=true;Timeout=15");

    public async Task StartAsync()
    {
        var bin = FindBin();
        var data = Path.Combine(dir.Path, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            RequiredTool.Find("runuser", "util-linux");
            await RunAsync("chown", ["-R", "postgres:postgres", dir.Path]);
        }

        await RunAsync(Wrap(asRoot, Path.Combine(bin, "initdb")), [.. WrapArgs(asRoot, Path.Combine(bin, "initdb")),
            "-D", data, "-U", "cabletest", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
        await LaunchAsync();
    }

    /// <summary>
    /// Stops the server (an outage) with a fast shutdown (SIGINT to the postmaster: clients are disconnected, unlike
    /// SIGTERM's smart shutdown, which waits for the service's pooled connections) and waits until the postmaster
    /// has exited, so <see cref="RestartAsync"/> does not find its postmaster.pid still held.
    /// </summary>
    public async Task StopAsync()
    {
        var postmaster = PostmasterPid();
        if (postmaster is { } pid)
        {
            await RunAsync("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]);
            var started = TimeProvider.System.GetTimestamp();
            while (Directory.Exists($"/proc/{pid}") && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }

            if (Directory.Exists($"/proc/{pid}"))
            {
                await RunAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
            process = null;
        }
    }

    private int? PostmasterPid()
    {
        var file = Path.Combine(dir.Path, "data", "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Starts the stopped server again on the same port and data directory.</summary>
    public Task RestartAsync() => LaunchAsync();

    private async Task LaunchAsync()
    {
        var bin = FindBin();
        var data = Path.Combine(dir.Path, "data");
        var asRoot = Environment.UserName == "root";
        process = ExternalProcess.Start(Wrap(asRoot, Path.Combine(bin, "postgres")), [.. WrapArgs(asRoot, Path.Combine(bin, "postgres")),
            "-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", dir.Path,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=100"]);
        await FreeTcpPort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30), () => process.Output);
        await process.WaitForOutputAsync("ready to accept connections", TimeSpan.FromSeconds(30));
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var psql = RequiredTool.Find("psql", "postgresql-client");
        await RunAsync(psql, ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "cabletest", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE \"{name}\""]);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(5));
            await process.DisposeAsync();
        }

        dir.Dispose();
    }

    private static string FindBin()
    {
        var root = "/usr/lib/postgresql";
        var version = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OrderByDescending(v => int.TryParse(v, out var n) ? n : 0).FirstOrDefault()
            : null;
        var bin = version is null ? null : Path.Combine(root, version, "bin");
        return bin is not null && File.Exists(Path.Combine(bin, "initdb"))
            ? bin
            : throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: this integration test needs Debian package 'postgresql'. Run ./test.sh.");
    }

    private static string Wrap(bool asRoot, string program) => asRoot ? "/usr/sbin/runuser" : program;

    private static string[] WrapArgs(bool asRoot, string program) => asRoot ? ["-u", "postgres", "--", program] : [];

    private static async Task RunAsync(string program, string[] args)
    {
        await using var p = ExternalProcess.Start(program, args);
        var code = await p.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed with {code}:\n{p.Output}");
        }
    }
}
