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

        // The head first: a verdict appended while the walk runs (its record and the head move together) lies beyond
        // it and is left to the next check, instead of reading as 'verdicts deleted' when the head is read last.
        var (hasHead, head) = await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
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

            foreach (var v in batch)
            {
                var problem = v.Sequence != expected ? $"sequence {expected} is missing (next record is {v.Sequence})"
                    : !string.Equals(v.PreviousSha256, previousChain, StringComparison.Ordinal) ? $"verdict {v.VerdictId}: link to the previous record is broken"
                    : VerdictRecordCheck.Problem(v) is { } p ? $"verdict {v.VerdictId}: {p}"
                    : null;
                if (problem is not null)
                {
                    return new ChainVerification(false, verified, expected, problem);
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

        if (hasHead && await RecordsBehindHeadAsync(head!, cancellationToken).ConfigureAwait(false) is { } beyond)
        {
            return new ChainVerification(false, verified, head!.Sequence + 1,
                $"the chain head says the last verdict is {head.Sequence}, but the store holds {beyond} after it (head record altered, or verdicts added by an older CableTest)");
        }

        return new ChainVerification(true, verified, null,
            $"{last} verdict records intact ({verified} checked{(start.Sequence > 0 ? $" after the checkpoint at {start.Sequence}" : "")}), "
            + (hasHead ? $"chain head at {last}" : "no chain head yet (the store was written by an earlier CableTest; the service adds it when it next starts)"))
        {
            Checkpoint = new VerdictCheckpoint(last, previousChain),
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
    private async Task<long?> RecordsBehindHeadAsync(VerdictCheckpoint head, CancellationToken cancellationToken)
    {
        var after = (await QueryVerdictsAsync("WHERE sequence > @after ORDER BY sequence LIMIT 1", [("after", head.Sequence)], verify: false, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();
        if (after is null)
        {
            return null;
        }

        var (_, now) = await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        return now is not null && now.Sequence >= after.Sequence ? null : after.Sequence;
    }

    /// <summary>
    /// The chain head. HasHead is false for a store still at schema version 1 (written before the head
    /// existed, not yet migrated: `cabletest verify` does not migrate); Head is null when the head
    /// should exist and does not.
    /// </summary>
    private async Task<(bool HasHead, VerdictCheckpoint? Head)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using (var version = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        {
            if (Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) < 2)
            {
                return (false, null);
            }
        }

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
}
