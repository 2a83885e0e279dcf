using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Influx.ReadBack;
using CableTest.Storage.Outbox;
using CableTest.Storage.Readings;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CableTest.Storage;

/// <summary>Registers the outbox, the InfluxDB forwarder, local readings and the run store.</summary>
public static class StorageHostingExtensions
{
    public static IHostApplicationBuilder AddCableTestStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataDirectory = StoragePaths.DataDirectory(builder.Configuration);

        services.TryAddTimeProvider();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .PostConfigure(o => o.Directory = StoragePaths.Resolve(dataDirectory, string.IsNullOrWhiteSpace(o.Directory) ? "outbox" : o.Directory))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<InfluxOptions>().BindConfiguration(InfluxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .PostConfigure(o => o.SqlitePath = StoragePaths.Resolve(dataDirectory, o.SqlitePath))
            .Validate(o => o.Provider != StoreProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Store:ConnectionString is required with Store:Provider = PostgreSql")
            .ValidateOnStart();

        services.AddSingleton<IRunStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return o.Provider == StoreProvider.PostgreSql
                ? PostgresRunStore.Create(o.ConnectionString!, time)
                : new SqliteRunStore(o.SqlitePath, time);
        });

        var influxEnabled = new InfluxOptions();
        builder.Configuration.GetSection(InfluxOptions.Section).Bind(influxEnabled);
        services.AddSingleton(sp =>
        {
            var consumers = new List<string> { LocalReadingsForwarder.ConsumerName };
            if (influxEnabled.Enabled)
            {
                consumers.Add(InfluxForwarder.ConsumerName);
            }

            return DurableOutbox.Open(sp.GetRequiredService<IOptions<OutboxOptions>>().Value, consumers,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("CableTest.Storage.Outbox"));
        });
        services.AddSingleton(sp => new ReadingJournal(sp.GetRequiredService<DurableOutbox>(),
            WritePrecisionExtensions.Parse(sp.GetRequiredService<IOptions<InfluxOptions>>().Value.Precision)));
        services.AddSingleton(sp => new OutboxMetrics(sp.GetRequiredService<DurableOutbox>()));

        // Migrations run before anything else that touches the store.
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService<LocalReadingsForwarder>();
        if (influxEnabled.Enabled)
        {
            services.AddHttpClient(InfluxForwarder.ConsumerName);
            services.AddSingleton<IInfluxWriter>(sp =>
            {
                var o = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
                return o.Api == InfluxApi.V2
                    ? new InfluxClientWriter(o)
                    : new InfluxWriteClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxForwarder.ConsumerName), o);
            });
            services.AddSingleton(sp => new InfluxForwarder(
                sp.GetRequiredService<DurableOutbox>(), sp.GetRequiredService<IInfluxWriter>(),
                sp.GetRequiredService<IOptions<InfluxOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<InfluxForwarder>>(),
                new SinkIdentityProbe(sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxForwarder.ConsumerName),
                    sp.GetRequiredService<IOptions<InfluxOptions>>().Value),
                ReadBackFor(sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxForwarder.ConsumerName),
                    sp.GetRequiredService<IOptions<InfluxOptions>>().Value)));
            services.AddHostedService(sp => sp.GetRequiredService<InfluxForwarder>());
        }

        return builder;
    }

    /// <summary>InfluxQL counts on the v1 API; VictoriaMetrics' export on the v2 API (InfluxDB 2.x answers 4xx there: restarts only).</summary>
    private static ISinkReadBack ReadBackFor(HttpClient http, InfluxOptions options) => options.Api == InfluxApi.V1
        ? new InfluxQlReadBack(http, options)
        : new VictoriaMetricsReadBack(http, options);

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
