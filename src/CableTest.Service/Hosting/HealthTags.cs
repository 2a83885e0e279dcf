namespace CableTest.Service.Hosting;

/// <summary>
/// Tags that place a health check under a grpc.health.v1 service name (see
/// <see cref="HealthHostingExtensions"/>). Tag an instrument check with <see cref="Instruments"/>
/// and it reports under <c>cabletest.v1.BenchService</c> and the overall "" service.
/// </summary>
public static class HealthTags
{
    /// <summary>The run store answers (verdicts, runs).</summary>
    public const string Storage = "storage";

    /// <summary>Every verdict record read or chain-checked so far matches its hashes.</summary>
    public const string VerdictIntegrity = "verdict-integrity";

    /// <summary>Bench instruments answer (drivers' own checks).</summary>
    public const string Instruments = "instruments";
}
