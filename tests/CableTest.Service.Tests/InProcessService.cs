using System.Globalization;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CableTest.Service.Tests;

/// <summary>
/// The real service composition (the same calls as Program.cs) on a real Kestrel, bound to a free
/// loopback port, with a temp data directory and one API key per role (lims, technician, engineer, supervisor).
/// </summary>
public sealed class InProcessService : IAsyncDisposable
{
    public const string LimsKey = "lims-key-0123456789abcdef";
    public const string TechnicianKey = "technician-key-0123456789";
    public const string EngineerKey = "engineer-key-0123456789ab";
    public const string EngineerToken = "engineer-bearer-0123456789";
    public const string SupervisorKey = "supervisor-key-0123456789";

    private readonly TempDirectory data = new("cabletest-svc");
    private WebApplication? app;

    private InProcessService(int port, string scheme)
    {
        Port = port;
        Address = string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{port}");
        Channel = GrpcChannel.ForAddress(Address);
        Http = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public int Port { get; }

    public string Address { get; }

    public string DataDirectory => data.Path;

    public GrpcChannel Channel { get; }

    public HttpClient Http { get; }

    public IRunStore Store => app!.Services.GetRequiredService<IRunStore>();

    public IServiceProvider Services => app!.Services;

    /// <summary>Stops the host (as on SIGTERM) without disposing it, so its state can be inspected.</summary>
    public Task StopAsync() => app!.StopAsync();

    public static Task<InProcessService> StartAsync(bool allowAnonymousLoopback, params string[] extraArgs) =>
        StartAsync(allowAnonymousLoopback, useHttps: false, extraArgs);

    public static Task<InProcessService> StartAsync(bool allowAnonymousLoopback, bool useHttps, params string[] extraArgs) =>
        StartAsync(allowAnonymousLoopback, useHttps, configure: null, extraArgs);

    /// <summary>As above, with <paramref name="configure"/> adding to the service's composition before it is built (e.g. a test's middleware).</summary>
    public static async Task<InProcessService> StartAsync(bool allowAnonymousLoopback, bool useHttps, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        // The port was free a moment ago; another test assembly starting a server at the same time can take it first.
        for (var attempt = 1; ; attempt++)
        {
            var service = new InProcessService(FreeTcpPort.Next(), useHttps ? "https" : "http");
            try
            {
                await service.StartHostAsync(allowAnonymousLoopback, configure, extraArgs);
                return service;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await service.DisposeAsync();
            }
        }
    }

    private async Task StartHostAsync(bool allowAnonymousLoopback, Action<WebApplicationBuilder>? configure, string[] extraArgs)
    {
        var service = this;
        string[] args =
        [
            "--urls", service.Address,
            "--DataDirectory", service.DataDirectory,
            $"--Auth:AllowAnonymousLoopback={allowAnonymousLoopback}",
            "--Auth:ApiKeys:0:Name=lims-main", $"--Auth:ApiKeys:0:Secret={LimsKey}", "--Auth:ApiKeys:0:Roles:0=lims",
            "--Auth:ApiKeys:1:Name=bench-pc", $"--Auth:ApiKeys:1:Secret={TechnicianKey}", "--Auth:ApiKeys:1:Roles:0=technician",
            "--Auth:ApiKeys:2:Name=eng", $"--Auth:ApiKeys:2:Secret={EngineerKey}", "--Auth:ApiKeys:2:Roles:0=engineer",
            "--Auth:ApiKeys:3:Name=supervision", $"--Auth:ApiKeys:3:Secret={SupervisorKey}", "--Auth:ApiKeys:3:Roles:0=supervisor",
            "--Auth:BearerTokens:0:Name=eng-token", $"--Auth:BearerTokens:0:Secret={EngineerToken}", "--Auth:BearerTokens:0:Roles:0=engineer",
            "--Grpc:StreamPollInterval=00:00:05",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var builder = CableTestServiceExtensions.CreateBuilder(args);
        builder.AddCableTestService();
        configure?.Invoke(builder);
        service.app = builder.Build();
        service.app.MapCableTestService();
        await service.app.StartAsync();
    }

    public static Metadata ApiKey(string key) => new() { { "x-api-key", key } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
