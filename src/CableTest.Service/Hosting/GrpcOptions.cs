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

    /// <summary>
    /// Memory for verdicts kept parsed in memory for reads, in MiB (0: none). Default 32. An entry is
    /// counted as three times its protobuf encoding (the message objects and the encoding kept beside
    /// them); a verdict of a simulated three-test run costs about 100 KB, so 32 MiB holds some 300.
    /// </summary>
    public int VerdictCacheMegabytes { get; set; } = 32;

    /// <summary>Serve grpc.reflection (for grpcurl and dynamic clients; authenticated callers only). Default on.</summary>
    public bool EnableReflection { get; set; } = true;

    /// <summary>
    /// Clear Kestrel's stale HTTP/2 "scheduled" mark on a reused stream before its request runs, so its response is
    /// not lost (<see cref="Http2StaleScheduleRepair"/>, dotnet/aspnetcore#53736). Default on.
    /// </summary>
    public bool RepairStaleHttp2Streams { get; set; } = true;
}
