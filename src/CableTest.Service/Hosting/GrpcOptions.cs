namespace CableTest.Service.Hosting;

/// <summary>Configuration section <c>Grpc</c>: message limits and the verdict stream's pacing.</summary>
public sealed class GrpcOptions
{
    public const string Section = "Grpc";

    /// <summary>Largest request message accepted, in bytes (default 4 MiB).</summary>
    public int MaxReceiveMessageSizeBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes (default 16 MiB: a page of 500 verdicts with evidence).</summary>
    public int MaxSendMessageSizeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How often a live verdict stream re-reads the store when no local append woke it (verdicts
    /// appended by another bench sharing PostgreSQL). Default 2 s.
    /// </summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Verdicts read from the store per round trip while streaming a backlog (default 256).</summary>
    public int StreamBatchSize { get; set; } = 256;

    /// <summary>Verdicts kept parsed in memory for reads (0: none). Default 20000 (a few KB each).</summary>
    public int VerdictCacheSize { get; set; } = 20_000;

    /// <summary>Serve grpc.reflection (for grpcurl and dynamic clients; authenticated callers only). Default on.</summary>
    public bool EnableReflection { get; set; } = true;
}
