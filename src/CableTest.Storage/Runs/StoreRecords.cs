namespace CableTest.Storage.Runs;

/// <summary>A registered sample: its id, LIMS order and the full registration as JSON.</summary>
public sealed record SampleRecord(string SampleId, string LimsOrder, string Json, DateTimeOffset RegisteredAt);

/// <summary>
/// A run's latest persisted state: enough to resume it at a step boundary after a crash, or to
/// close it as incomplete. <see cref="Json"/> is the service's run snapshot.
/// </summary>
public sealed record RunRecord(string RunId, string SampleId, string State, string Json, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DateTimeOffset UpdatedAt);

/// <summary>A verdict to append to the hash chain.</summary>
/// <param name="Standards">Standards the verdict's tests were judged against (for filtering).</param>
/// <param name="EvidenceJson">The canonical evidence document; its SHA-256 is the content hash.</param>
public sealed record NewVerdict(
    string VerdictId,
    string RunId,
    string SampleId,
    string LimsOrder,
    string Outcome,
    IReadOnlyList<string> Standards,
    DateTimeOffset EvaluatedAt,
    string EvidenceJson);

/// <summary>A verdict as stored: with its feed sequence and hash-chain links.</summary>
/// <param name="Sequence">Position in the verdict feed: 1, 2, 3... without gaps.</param>
/// <param name="ContentSha256">SHA-256 (hex) of <see cref="EvidenceJson"/>.</param>
/// <param name="PreviousSha256">Chain hash of the previous verdict ("" for the first).</param>
/// <param name="ChainSha256">SHA-256 over previous chain hash, sequence, verdict id and content hash.</param>
/// <remarks>
/// The index columns (ids, outcome, standards, evaluated_at) are copies of what the evidence states;
/// a record read through the store's query methods has been checked against its hashes and evidence.
/// </remarks>
public sealed record StoredVerdict(
    long Sequence,
    string VerdictId,
    string RunId,
    string SampleId,
    string LimsOrder,
    string Outcome,
    IReadOnlyList<string> Standards,
    DateTimeOffset EvaluatedAt,
    string EvidenceJson,
    string ContentSha256,
    string PreviousSha256,
    string ChainSha256);

/// <summary>Filters for listing verdicts; results come oldest first (by sequence), or newest first with <see cref="NewestFirst"/>.</summary>
public sealed record VerdictQuery
{
    public DateTimeOffset? EvaluatedFrom { get; init; }

    public DateTimeOffset? EvaluatedTo { get; init; }

    public string? SampleId { get; init; }

    public string? LimsOrder { get; init; }

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Substring of a standard name, e.g. "IEC 60228".</summary>
    public string? Standard { get; init; }

    /// <summary>Continue after this sequence (the page token), oldest first.</summary>
    public long AfterSequence { get; init; }

    /// <summary>Newest first: descending sequence, continuing below <see cref="BeforeSequence"/>.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Continue below this sequence (the page token), newest first; null for the first page.</summary>
    public long? BeforeSequence { get; init; }

    /// <summary>True when a verdict with <paramref name="sequence"/> falls in the range a page of this query covers (up to <paramref name="next"/>, the page's continuation).</summary>
    public bool Covers(long sequence, long? next) => NewestFirst
        ? (BeforeSequence is not { } before || sequence < before) && (next is not { } low || sequence >= low)
        : sequence > AfterSequence && (next is not { } end || sequence <= end);

    public int PageSize { get; init; } = 50;
}

/// <summary>One page of verdicts; <see cref="NextAfterSequence"/> (the sequence the next page continues from, in the query's order) is null on the last page.</summary>
public sealed record VerdictPage(IReadOnlyList<StoredVerdict> Verdicts, long? NextAfterSequence);

/// <summary>One reading kept locally (for reports and charts), keyed by its id.</summary>
/// <param name="TimeUnixNs">Reading time, Unix nanoseconds.</param>
/// <param name="StepTimeS">Instrument time since the step started (electrification or dwell time).</param>
public sealed record ReadingRecord(
    string ReadingId,
    string RunId,
    string StepId,
    string Core,
    string InstrumentId,
    string Quantity,
    double Value,
    long TimeUnixNs,
    double StepTimeS);

/// <summary>Result of walking the verdict hash chain.</summary>
/// <param name="FirstBrokenSequence">Sequence of the first record whose content or link does not match, null when intact.</param>
public sealed record ChainVerification(bool Intact, long VerifiedRecords, long? FirstBrokenSequence, string Detail)
{
    /// <summary>When intact: the last record verified, from which the next verification can resume.</summary>
    public VerdictCheckpoint? Checkpoint { get; init; }
}

/// <summary>
/// The approval of a run's verdict for its report: bound to the verdict (id and content hash) it approved.
/// </summary>
/// <param name="CheckedBy">The person who checked the results (may be empty).</param>
/// <param name="ApprovedBy">The person who approved the report (the signatory).</param>
/// <param name="Credential">The name of the API credential that made the approval (for the audit trail).</param>
public sealed record RunApprovalRecord(
    string RunId,
    string VerdictId,
    string ContentSha256,
    string CheckedBy,
    string ApprovedBy,
    string Credential,
    string Comment,
    DateTimeOffset ApprovedAt);
