using System.Data.Common;

namespace CableTest.Storage.Runs;

/// <summary>The verdict hash chain walked from a checkpoint, and its head.</summary>
public abstract partial class SqlRunStore
{
    public Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken) => VerifyChainAsync(null, cancellationToken);

    public async Task<ChainVerification> VerifyChainAsync(VerdictCheckpoint? from, CancellationToken cancellationToken)
    {
        var start = from ?? VerdictCheckpoint.Start;
        var previousChain = start.ChainSha256;
        long verified = 0;
        if (start.Sequence > 0)
        {
            var anchor = (await QueryVerdictsAsync("WHERE sequence = @s", [("s", start.Sequence)], verify: false, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            var problem = anchor is null ? $"the checkpoint record (sequence {start.Sequence}) is missing"
                : !string.Equals(anchor.ChainSha256, start.ChainSha256, StringComparison.Ordinal) ? $"the checkpoint record (sequence {start.Sequence}) has another chain hash than when it was verified (record altered)"
                : VerdictRecordCheck.Problem(anchor) is { } p ? $"verdict {anchor.VerdictId}: {p}"
                : null;
            if (problem is not null)
            {
                return new ChainVerification(false, 0, start.Sequence, problem);
            }
        }

        // Risk margins rows up to the checkpoint were checked against their evidence then: unchanged since if their
        // digest is the same. If not, the walk starts over to name the row.
        var schema = await SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        var hasMargins = schema >= MarginsSchemaVersion;
        using var digest = hasMargins ? new MarginsDigest() : null;
        if (digest is not null && start.Sequence > 0)
        {
            await DigestMarginsAsync(digest, start.Sequence, cancellationToken).ConfigureAwait(false);
            if (start.MarginsSha256 is not null && !string.Equals(digest.Current(), start.MarginsSha256, StringComparison.Ordinal))
            {
                return await VerifyChainAsync(null, cancellationToken).ConfigureAwait(false);
            }
        }

        // The head first: a verdict appended while the walk runs (its record and the head move together) lies beyond
        // it and is left to the next check, instead of reading as 'verdicts deleted' when the head is read last.
        var (hasHead, head) = await ReadHeadAsync(schema, cancellationToken).ConfigureAwait(false);
        var upTo = hasHead && head is not null ? head.Sequence : long.MaxValue;
        var expected = start.Sequence + 1;
        while (true)
        {
            var batch = await QueryVerdictsAsync("WHERE sequence > @after AND sequence <= @upto ORDER BY sequence LIMIT @limit",
                [("after", expected - 1), ("upto", upTo), ("limit", 1000)], verify: false, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            var margins = hasMargins ? await ReadMarginsAsync(batch[0].Sequence, batch[^1].Sequence, cancellationToken).ConfigureAwait(false) : null;
            foreach (var v in batch)
            {
                StoredMargins? row = margins is not null && margins.TryGetValue(v.Sequence, out var m) ? m : null;
                var problem = v.Sequence != expected ? $"sequence {expected} is missing (next record is {v.Sequence})"
                    : !string.Equals(v.PreviousSha256, previousChain, StringComparison.Ordinal) ? $"verdict {v.VerdictId}: link to the previous record is broken"
                    : VerdictRecordCheck.Problem(v) is { } p ? $"verdict {v.VerdictId}: {p}"
                    : margins is not null && StoredMargins.Problem(v, row) is { } mp ? $"verdict {v.VerdictId}: {mp}"
                    : null;
                if (problem is not null)
                {
                    return new ChainVerification(false, verified, expected, problem);
                }

                if (row is { } checkedRow)
                {
                    digest?.Add(checkedRow);
                }

                previousChain = v.ChainSha256;
                expected++;
                verified++;
            }
        }

        var last = expected - 1;
        if (hasHead && HeadProblem(head, last, previousChain) is { } headProblem)
        {
            return new ChainVerification(false, verified, headProblem.FirstBroken, headProblem.Detail);
        }

        if (hasHead && await RecordsBehindHeadAsync(head!, schema, cancellationToken).ConfigureAwait(false) is { } beyond)
        {
            return new ChainVerification(false, verified, head!.Sequence + 1,
                $"the chain head says the last verdict is {head.Sequence}, but the store holds {beyond} after it (head record altered, or verdicts added by an older CableTest)");
        }

        if (hasMargins && await OrphanMarginsAsync(start.Sequence == 0 ? long.MinValue : start.Sequence, cancellationToken).ConfigureAwait(false) is { } orphan)
        {
            return new ChainVerification(false, verified, orphan,
                $"a risk margins row at sequence {orphan} has no verdict record (verdict_margins altered: it would count in risk summaries)");
        }

        return new ChainVerification(true, verified, null,
            $"{last} verdict records intact ({verified} checked{(start.Sequence > 0 ? $" after the checkpoint at {start.Sequence}" : "")}), "
            + (hasHead ? $"chain head at {last}" : "no chain head yet (the store was written by an earlier CableTest; the service adds it when it next starts)"))
        {
            Checkpoint = new VerdictCheckpoint(last, previousChain, digest?.Current()),
        };
    }

    /// <summary>What is wrong with the chain head, given the last record verified (sequence and chain hash); null when they agree.</summary>
    private static (long FirstBroken, string Detail)? HeadProblem(VerdictCheckpoint? head, long last, string lastChain)
    {
        if (head is null)
        {
            return (last, "the chain head record is missing (verdict_head altered)");
        }

        if (head.Sequence > last)
        {
            return (last + 1, $"sequence {last + 1} to {head.Sequence} are missing: the chain head says the last verdict is {head.Sequence} (verdicts deleted)");
        }

        if (head.Sequence < last)
        {
            return (head.Sequence + 1, $"the chain head says the last verdict is {head.Sequence}, but the store holds up to {last} (head record altered, or verdicts added by an older CableTest)");
        }

        return string.Equals(head.ChainSha256, lastChain, StringComparison.Ordinal)
            ? null
            : (last, $"the chain head's hash does not match verdict {last} (record or head altered)");
    }

    /// <summary>
    /// A record after <paramref name="head"/> that the head has still not reached when read again (null when there is
    /// none, or when the head moved on: an append during the walk, left to the next check).
    /// </summary>
    private async Task<long?> RecordsBehindHeadAsync(VerdictCheckpoint head, long schema, CancellationToken cancellationToken)
    {
        var after = (await QueryVerdictsAsync("WHERE sequence > @after ORDER BY sequence LIMIT 1", [("after", head.Sequence)], verify: false, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();
        if (after is null)
        {
            return null;
        }

        var (_, now) = await ReadHeadAsync(schema, cancellationToken).ConfigureAwait(false);
        return now is not null && now.Sequence >= after.Sequence ? null : after.Sequence;
    }

    /// <summary>
    /// The chain head of a store at <paramref name="schema"/>. HasHead is false for a store still at schema
    /// version 1 (written before the head existed, not yet migrated: `cabletest verify` does not migrate);
    /// Head is null when the head should exist and does not.
    /// </summary>
    private async Task<(bool HasHead, VerdictCheckpoint? Head)> ReadHeadAsync(long schema, CancellationToken cancellationToken)
    {
        if (schema < 2)
        {
            return (false, null);
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        try
        {
            using var cmd = Command(connection, null, "SELECT sequence, chain_sha256 FROM verdict_head WHERE id = 1");
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return (true, await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new VerdictCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null);
        }
        catch (DbException)
        {
            return (true, null); // the table was dropped
        }
    }

    /// <summary>The schema version that added verdict_margins (a store not yet migrated to it is walked without them).</summary>
    private const int MarginsSchemaVersion = 5;

    /// <summary>The highest migration applied (a store `cabletest verify` opens is not migrated).</summary>
    private async Task<long> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var version = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds every verdict_margins row up to <paramref name="last"/> to <paramref name="digest"/>, in sequence order (the risk index alone is read).</summary>
    private async Task DigestMarginsAsync(MarginsDigest digest, long last, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null, MarginsSql + " WHERE sequence <= @last ORDER BY sequence", ("last", last));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            digest.Add(ReadMargins(reader));
        }
    }

    /// <summary>The verdict_margins rows from <paramref name="first"/> to <paramref name="last"/>, by sequence.</summary>
    private async Task<Dictionary<long, StoredMargins>> ReadMarginsAsync(long first, long last, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null, MarginsSql + " WHERE sequence >= @a AND sequence <= @b", ("a", first), ("b", last));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<long, StoredMargins>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = ReadMargins(reader);
            rows[row.Sequence] = row;
        }

        return rows;
    }

    private const string MarginsSql = "SELECT sequence, sample_id, outcome, evaluated_at_ms, conductor_r20_ratio, insulation_ratio FROM verdict_margins";

    private static StoredMargins ReadMargins(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5));

    /// <summary>The first verdict_margins row after <paramref name="after"/> without a verdict record (rows of verdicts appended since the walk have theirs).</summary>
    private async Task<long?> OrphanMarginsAsync(long after, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT MIN(m.sequence) FROM verdict_margins m WHERE m.sequence > @after AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.sequence = m.sequence)",
            ("after", after));
        var found = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return found is null or DBNull ? null : Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
    }
}
