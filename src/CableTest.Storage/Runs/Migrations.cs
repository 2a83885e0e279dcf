using System.Data.Common;

namespace CableTest.Storage.Runs;

/// <summary>
/// Versioned schema migrations, applied in order at start (portable SQL: SQLite and PostgreSQL).
/// A migration is never edited once released: add the next version instead.
/// </summary>
internal static class Migrations
{
    /// <param name="Backfill">Run after <paramref name="Statements"/> in the same transaction, for data SQL alone cannot derive portably.</param>
    public sealed record Migration(int Version, string Description, string[] Statements,
        Func<DbConnection, DbTransaction, CancellationToken, Task>? Backfill = null);

    public static readonly Migration[] All =
    [
        new(1, "samples, runs, start requests, hash-chained verdicts, acknowledgements, readings",
        [
            """
            CREATE TABLE samples (
                sample_id TEXT PRIMARY KEY,
                lims_order TEXT NOT NULL,
                json TEXT NOT NULL,
                registered_at_ms BIGINT NOT NULL)
            """,
            """
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY,
                sample_id TEXT NOT NULL,
                state TEXT NOT NULL,
                json TEXT NOT NULL,
                started_at_ms BIGINT NOT NULL,
                ended_at_ms BIGINT NULL,
                updated_at_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX runs_by_sample ON runs (sample_id, started_at_ms)",
            "CREATE INDEX runs_by_state ON runs (state)",
            """
            CREATE TABLE start_requests (
                request_id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL)
            """,
            """
            CREATE TABLE verdicts (
                sequence BIGINT PRIMARY KEY,
                verdict_id TEXT NOT NULL UNIQUE,
                run_id TEXT NOT NULL,
                sample_id TEXT NOT NULL,
                lims_order TEXT NOT NULL,
                outcome TEXT NOT NULL,
                standards TEXT NOT NULL,
                evaluated_at_ms BIGINT NOT NULL,
                evidence_json TEXT NOT NULL,
                content_sha256 TEXT NOT NULL,
                previous_sha256 TEXT NOT NULL,
                chain_sha256 TEXT NOT NULL)
            """,
            "CREATE INDEX verdicts_by_run ON verdicts (run_id)",
            "CREATE INDEX verdicts_by_sample ON verdicts (sample_id, sequence)",
            "CREATE INDEX verdicts_by_order ON verdicts (lims_order, sequence)",
            "CREATE INDEX verdicts_by_time ON verdicts (evaluated_at_ms)",
            """
            CREATE TABLE acknowledgements (
                subscriber TEXT PRIMARY KEY,
                sequence BIGINT NOT NULL,
                updated_at_ms BIGINT NOT NULL)
            """,
            """
            CREATE TABLE readings (
                reading_id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                step_id TEXT NOT NULL,
                core TEXT NOT NULL,
                instrument_id TEXT NOT NULL,
                quantity TEXT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                time_unix_ns BIGINT NOT NULL,
                step_time_s DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX readings_by_run ON readings (run_id, time_unix_ns)",
        ]),
        new(2, "verdict chain head: the last sequence and chain hash, so a deleted last verdict is detected",
        [
            """
            CREATE TABLE verdict_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sequence BIGINT NOT NULL,
                chain_sha256 TEXT NOT NULL)
            """,
            """
            INSERT INTO verdict_head (id, sequence, chain_sha256)
            SELECT 1, COALESCE(MAX(sequence), 0), COALESCE((SELECT chain_sha256 FROM verdicts ORDER BY sequence DESC LIMIT 1), '') FROM verdicts
            """,
        ]),
        new(3, "run approvals: who checked and approved a run's verdict for its signed report, bound to the verdict's content hash",
        [
            """
            CREATE TABLE run_approvals (
                run_id TEXT PRIMARY KEY,
                verdict_id TEXT NOT NULL,
                content_sha256 TEXT NOT NULL,
                checked_by TEXT NOT NULL,
                approved_by TEXT NOT NULL,
                credential TEXT NOT NULL,
                comment TEXT NOT NULL,
                approved_at_ms BIGINT NOT NULL)
            """,
        ]),
        new(4, "sealed sampling records: who sampled a sample, from which manufacturer, under which seal; kept apart from the coded sample",
        [
            """
            CREATE TABLE sampling_records (
                sample_id TEXT PRIMARY KEY,
                spec_id TEXT NOT NULL,
                manufacturer TEXT NOT NULL,
                json TEXT NOT NULL,
                recorded_at_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX sampling_by_manufacturer ON sampling_records (manufacturer, sample_id)",
            "CREATE INDEX sampling_by_spec ON sampling_records (spec_id, sample_id)",
        ]),
        new(5, "verdict margins: per verdict its outcome, time and margins to the limit (worst conductor R20/limit, worst insulation R/minimum), for risk summaries without reading evidence; backfilled from the evidence",
        [
            """
            CREATE TABLE verdict_margins (
                sequence BIGINT PRIMARY KEY,
                sample_id TEXT NOT NULL,
                outcome TEXT NOT NULL,
                evaluated_at_ms BIGINT NOT NULL,
                conductor_r20_ratio DOUBLE PRECISION NULL,
                insulation_ratio DOUBLE PRECISION NULL)
            """,
            "CREATE INDEX margins_by_sample ON verdict_margins (sample_id, sequence)",
        ], SqlRunStore.BackfillMarginsAsync),
        new(6, "external inspections: another lab's results recorded with a sample (cabletest.external-inspection/1), one per lab report",
        [
            """
            CREATE TABLE external_inspections (
                inspection_id TEXT PRIMARY KEY,
                sample_id TEXT NOT NULL,
                label TEXT NOT NULL,
                json TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at_ms BIGINT NOT NULL,
                UNIQUE (sample_id, label))
            """,
        ]),
        new(7, "risk query covering indexes: verdict_margins in sequence order and by sample, sampling_records by sample, manufacturer and spec, each with every column the risk query reads, so it reads indexes only",
        [
            "CREATE INDEX margins_risk_by_sequence ON verdict_margins (sequence, sample_id, evaluated_at_ms, outcome, conductor_r20_ratio, insulation_ratio)",
            "DROP INDEX margins_by_sample",
            "CREATE INDEX margins_risk_by_sample ON verdict_margins (sample_id, sequence, evaluated_at_ms, outcome, conductor_r20_ratio, insulation_ratio)",
            "CREATE INDEX sampling_risk_by_sample ON sampling_records (sample_id, spec_id, manufacturer)",
            "DROP INDEX sampling_by_manufacturer",
            "CREATE INDEX sampling_risk_by_manufacturer ON sampling_records (manufacturer, sample_id, spec_id)",
            "DROP INDEX sampling_by_spec",
            "CREATE INDEX sampling_risk_by_spec ON sampling_records (spec_id, sample_id, manufacturer)",
        ]),
    ];

    public const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at_ms BIGINT NOT NULL)
        """;
}
