using CableTest.Storage.Runs;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// What the service knows about the verdict store's integrity: the first record found not to match
/// its hashes (by a read or by the chain check), logged and alarmed once; the verdict service's health
/// is NOT_SERVING while it is set (<see cref="VerdictIntegrityHealthCheck"/>). Until the store is
/// repaired and the service restarted, a list or stream that would pass that record refuses.
/// </summary>
internal sealed partial class VerdictIntegrity(ILogger<VerdictIntegrity> logger)
{
    private readonly Lock gate = new();
    private Failure? first;

    /// <summary>A record that does not match, as a client is told of it.</summary>
    public sealed record Failure(long Sequence, string Detail, string FoundBy);

    public Failure? FirstFailure
    {
        get
        {
            lock (gate)
            {
                return first;
            }
        }
    }

    /// <summary>The chain was last verified up to here (0: not yet).</summary>
    public long VerifiedThrough { get; private set; }

    public void Verified(long sequence) => VerifiedThrough = sequence;

    /// <summary>Records a failure; the first one is logged at Critical (the alarm), later ones at Warning.</summary>
    public void Report(long sequence, string detail, string foundBy)
    {
        bool isFirst;
        lock (gate)
        {
            isFirst = first is null;
            first ??= new Failure(sequence, detail, foundBy);
        }

        if (isFirst)
        {
            LogFirstFailure(logger, sequence, foundBy, detail);
        }
        else
        {
            LogFailure(logger, sequence, foundBy, detail);
        }
    }

    public void Report(VerdictIntegrityException e, string foundBy) => Report(e.Sequence, e.Detail, foundBy);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Critical,
        Message = "VERDICT STORE INTEGRITY: the record at sequence {Sequence} does not match its hashes ({FoundBy}): {Detail}. It is not served; the verdict service reports NOT_SERVING. Run `cabletest verify` and restore the store from a backup")]
    private static partial void LogFirstFailure(ILogger logger, long sequence, string foundBy, string detail);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "Verdict record at sequence {Sequence} refused ({FoundBy}): {Detail}")]
    private static partial void LogFailure(ILogger logger, long sequence, string foundBy, string detail);
}
