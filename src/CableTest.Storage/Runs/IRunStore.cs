using CableTest.Domain.Risk;

namespace CableTest.Storage.Runs;

/// <summary>
/// Durable store of samples, runs, local readings and hash-chained verdicts. SQLite by default;
/// PostgreSQL when several benches share one store. Every implementation passes the same
/// behaviour tests (tests/CableTest.Storage.Tests/Runs).
/// </summary>
public interface IRunStore
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Kind { get; }

    /// <summary>Creates or upgrades the schema (idempotent; safe when several benches start at once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Adds a sample; false when the id exists already (nothing changed).</summary>
    Task<bool> TryAddSampleAsync(SampleRecord sample, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a sample and, when given, its sealed sampling record, in one transaction; false when the sample id exists
    /// already (nothing changed).
    /// </summary>
    Task<bool> TryAddSampleAsync(SampleRecord sample, SealedSamplingRecord? sampling, CancellationToken cancellationToken);

    Task<SampleRecord?> GetSampleAsync(string sampleId, CancellationToken cancellationToken);

    /// <summary>The sample's sealed sampling record, null when it has none.</summary>
    Task<SealedSamplingRecord?> GetSamplingRecordAsync(string sampleId, CancellationToken cancellationToken);

    /// <summary>
    /// Records another lab's results with a sample; false when the sample has a record with the same label (lab and
    /// report id) already (nothing changed).
    /// </summary>
    Task<bool> TryAddExternalInspectionAsync(ExternalInspectionRecord inspection, CancellationToken cancellationToken);

    /// <summary>The external inspections recorded with a sample, oldest first.</summary>
    Task<IReadOnlyList<ExternalInspectionRecord>> ListExternalInspectionsAsync(string sampleId, CancellationToken cancellationToken);

    /// <summary>
    /// Every verdict of a sample with a sampling record as risk analysis needs it (oldest first): spec, manufacturer, time,
    /// outcome and margins to the limit, read from the verdict_margins side table written with each verdict (no evidence
    /// parsed). Statistics, not the record: the hash chain covers the verdicts, not this table.
    /// </summary>
    Task<IReadOnlyList<RiskObservation>> ListRiskObservationsAsync(RiskQuery query, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a run's persisted state.</summary>
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first, optionally of one sample or in some states; paged by start time and id.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(string? sampleId, IReadOnlyCollection<string>? states, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// Makes StartRun idempotent: records that <paramref name="requestId"/> started <paramref name="runId"/>,
    /// or returns the run an earlier call with the same request id started.
    /// </summary>
    Task<string> ClaimStartRequestAsync(string requestId, string runId, CancellationToken cancellationToken);

    /// <summary>Signalled after every verdict this store instance appends (live tails wait on it).</summary>
    VerdictFeedSignal VerdictAppended { get; }

    /// <summary>Appends a verdict at the end of the feed and the hash chain.</summary>
    Task<StoredVerdict> AppendVerdictAsync(NewVerdict verdict, CancellationToken cancellationToken);

    // Every read below checks each record it returns against its hashes and evidence and throws
    // VerdictIntegrityException (naming the sequence) rather than return one that does not match.
    Task<StoredVerdict?> GetVerdictByIdAsync(string verdictId, CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever any connection, in this process or another, commits a change to
    /// the store; null when the store cannot tell (then a reader must read). While it is unchanged, a
    /// record read and checked earlier is still what the store holds.
    /// </summary>
    ValueTask<long?> GetChangeStampAsync(CancellationToken cancellationToken);

    Task<StoredVerdict?> GetVerdictByRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The newest verdict of a sample.</summary>
    Task<StoredVerdict?> GetLatestVerdictBySampleAsync(string sampleId, CancellationToken cancellationToken);

    Task<VerdictPage> ListVerdictsAsync(VerdictQuery query, CancellationToken cancellationToken);

    /// <summary>Verdicts with sequence &gt; <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredVerdict>> ReadVerdictsAfterAsync(long afterSequence, int max, CancellationToken cancellationToken);

    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>Moves a subscriber's acknowledgement forward (never backwards); returns the stored value.</summary>
    Task<long> AcknowledgeAsync(string subscriber, long upToSequence, CancellationToken cancellationToken);

    Task<long> GetAcknowledgedAsync(string subscriber, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes every content hash and chain link, checks every index column against the evidence it
    /// was copied from and the last record against the chain head, reporting the first broken record.
    /// </summary>
    Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="VerifyChainAsync(CancellationToken)"/>, from a checkpoint an earlier verification
    /// returned: the checkpoint's record is checked again, then every record after it, then the head.
    /// </summary>
    Task<ChainVerification> VerifyChainAsync(VerdictCheckpoint? from, CancellationToken cancellationToken);

    /// <summary>Stores readings; a reading id seen before is ignored (replays are harmless).</summary>
    Task AddReadingsAsync(IReadOnlyList<ReadingRecord> readings, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReadingRecord>> GetReadingsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the approval of a run's verdict unless the run has one already; returns the stored approval
    /// (the earlier one when there was one: an approval is never replaced).
    /// </summary>
    Task<RunApprovalRecord> ApproveRunAsync(RunApprovalRecord approval, CancellationToken cancellationToken);

    Task<RunApprovalRecord?> GetRunApprovalAsync(string runId, CancellationToken cancellationToken);
}
