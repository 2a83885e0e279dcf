using CableTest.Service.Bench;
using CableTest.Service.Dashboard;
using CableTest.Service.Evidence;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Reports;
using CableTest.Service.Security;
using CableTest.Service.Telemetry;
using CableTest.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>
/// The service's composition: configuration sources, Kestrel (one cleartext port for gRPC and
/// HTTP/1.1), storage, credentials and roles, gRPC, health, the dashboard's static files and
/// systemd / Windows service integration. Program.cs calls these inside <see cref="StartupErrors.GuardAsync"/>.
/// </summary>
public static class CableTestServiceExtensions
{
    /// <summary>Environment variables with this prefix override settings: <c>CABLETEST_Store__Provider=PostgreSql</c>.</summary>
    public const string EnvironmentPrefix = "CABLETEST_";

    /// <summary>
    /// A builder reading appsettings.json, appsettings.{Environment}.json (beside the executable),
    /// ASPNETCORE_/DOTNET_ and CABLETEST_ environment variables, then the command line (last wins).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(args);
        StartupErrors.HoldBackHostFailureLog(builder);
        return builder;
    }

    public static WebApplicationBuilder AddCableTestService(this WebApplicationBuilder builder)
    {
        DataDirectoryCheck.Ensure(builder.Configuration);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "CableTest");
        KestrelSetup.Configure(builder);
        // The bench first: its hosted service confirms high voltage off before any other starts.
        builder.AddCableTestBench();
        builder.Services.AddSingleton<IValidateOptions<BenchOptions>, SimulatorScenarioValidator>();
        builder.AddCableTestStorage();
        builder.AddCableTestSecurity();
        builder.AddCableTestGrpc();
        builder.AddCableTestHealth();
        builder.AddCableTestTelemetry();
        builder.AddCableTestVerdictIntegrity();
        builder.AddCableTestReports();
        builder.AddCableTestEvidence();
        builder.Services.AddHostedService<StartupReport>();
        // Nothing the service issues is protected (no cookies, no antiforgery): keep no key ring.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return builder;
    }

    public static WebApplication MapCableTestService(this WebApplication app)
    {
        // The dashboard is static and public; every API call it makes is authorised like any other.
        app.Lifetime.ApplicationStarted.Register(StartupErrors.Started);
        // First, before anything can write a response (read from configuration, as MapCableTestGrpc does).
        if (app.Configuration.GetValue($"{GrpcOptions.Section}:{nameof(GrpcOptions.RepairStaleHttp2Streams)}", defaultValue: true))
        {
            app.UseMiddleware<Http2StaleScheduleRepair>();
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCableTestGrpc();
        app.MapCableTestBench();
        app.MapCableTestTelemetry();
        app.MapCableTestVerdictIntegrity();
        app.MapCableTestReports();
        app.MapCableTestEvidence();
        app.MapCableTestDashboard();
        return app;
    }
}
