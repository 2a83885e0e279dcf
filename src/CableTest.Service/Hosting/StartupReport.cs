using CableTest.Service.Security;
using CableTest.Storage;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>Says at start where data lives, which store is used and who may call without credentials.</summary>
internal sealed partial class StartupReport(
    IRunStore store,
    IOptions<StoreOptions> storeOptions,
    IOptions<AuthOptions> authOptions,
    IConfiguration configuration,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = StoragePaths.DataDirectory(configuration);
        var where = store.Kind == "sqlite" ? storeOptions.Value.SqlitePath : "(connection string from Store:ConnectionString)";
        LogStore(logger, store.Kind, where, dataDirectory);

        var auth = authOptions.Value;
        if (auth.AllowAnonymousLoopback)
        {
            LogAnonymousLoopback(logger, string.Join(", ", auth.EffectiveAnonymousRoles));
        }
        else
        {
            LogAnonymousRefused(logger);
        }

        LogCredentials(logger, auth.ApiKeys.Count, auth.BearerTokens.Count);
        if (!auth.AllowAnonymousLoopback && auth.ApiKeys.Count == 0 && auth.BearerTokens.Count == 0)
        {
            LogNobodyMayCall(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Run store: {Kind} at {Where}; data directory {DataDirectory}")]
    private static partial void LogStore(ILogger logger, string kind, string where, string dataDirectory);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning,
        Message = "Callers without credentials are ALLOWED from loopback addresses only, with roles {Roles} (Auth:AllowAnonymousLoopback = true; set it to false and configure Auth:ApiKeys / Auth:BearerTokens for production)")]
    private static partial void LogAnonymousLoopback(ILogger logger, string roles);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Callers without credentials are refused (Auth:AllowAnonymousLoopback = false)")]
    private static partial void LogAnonymousRefused(ILogger logger);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "Credentials configured: {ApiKeys} API key(s), {BearerTokens} bearer token(s)")]
    private static partial void LogCredentials(ILogger logger, int apiKeys, int bearerTokens);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "No credentials are configured and anonymous loopback is off: every call will be refused")]
    private static partial void LogNobodyMayCall(ILogger logger);
}
