using System.Globalization;
using CableTest.Service.Hosting;
using CableTest.Testing;
using Microsoft.AspNetCore.Builder;

namespace CableTest.Cli.Tests.Service;

/// <summary>The real service (Program.cs composition) on a free loopback port with the embedded simulated bench, fast.</summary>
public sealed class CliServiceHost : IAsyncDisposable
{
    private static readonly string[] FastBench = ["--Bench:Simulator:TimeScale=300", "--Bench:PollInterval=00:00:00.05", "--Bench:ResistanceReadings=2"];
    private readonly TempDirectory data = new("cabletest-cli-svc");
    private WebApplication? app;

    private CliServiceHost(int port) => Address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    public string Address { get; }

    public string DataDirectory => data.Path;

    /// <summary>The service's run store (to seed data the CLI then reads).</summary>
    public CableTest.Storage.Runs.IRunStore Store => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CableTest.Storage.Runs.IRunStore>(app!.Services);

    public static async Task<CliServiceHost> StartAsync(params string[] extraArgs)
    {
        var host = new CliServiceHost(FreeTcpPort.Next());
        string[] args =
        [
            "--urls", host.Address,
            "--DataDirectory", host.DataDirectory,
            "--Auth:AllowAnonymousLoopback=true",
            "--Logging:LogLevel:Default=Warning",
            .. FastBench,
            .. extraArgs,
        ];
        var builder = CableTestServiceExtensions.CreateBuilder(args);
        builder.AddCableTestService();
        host.app = builder.Build();
        host.app.MapCableTestService();
        await host.app.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
