using System.Data.Common;

namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    private const string VerdictColumns =
        "sequence, verdict_id, run_id, sample_id, lims_order, outcome, standards, evaluated_at_ms, evidence_json, content_sha256, previous_sha256, chain_sha256";

    public VerdictFeedSignal VerdictAppended { get; } = new();

    public async Task<StoredVerdict> AppendVerdictAsync(NewVerdict verdict, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockForVerdictAppendAsync(connection, tx, cancellationToken).ConfigureAwait(false);

        var (previousSequence, previousChain) = await ReadTailAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        var sequence = previousSequence + 1;
        var content = VerdictHashing.ContentHash(verdict.EvidenceJson);
        var chain = VerdictHashing.ChainHash(previousChain, sequence, verdict.VerdictId, content);
        var stored = new StoredVerdict(sequence, verdict.VerdictId, verdict.RunId, verdict.SampleId, verdict.LimsOrder, verdict.Outcome,
            verdict.Standards, verdict.EvaluatedAt, verdict.EvidenceJson, content, previousChain, chain);
        using (var insert = Command(connection, tx,
            $"INSERT INTO verdicts ({VerdictColumns}) VALUES (@seq, @id, @run, @sample, @order, @outcome, @std, @t, @json, @content, @prev, @chain)",
            ("seq", sequence), ("id", verdict.VerdictId), ("run", verdict.RunId), ("sample", verdict.SampleId), ("order", verdict.LimsOrder),
            ("outcome", verdict.Outcome), ("std", string.Join('\n', verdict.Standards)), ("t", verdict.EvaluatedAt.ToUnixTimeMilliseconds()),
            ("json", verdict.EvidenceJson), ("content", content), ("prev", previousChain), ("chain", chain)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertMarginsAsync(connection, tx, sequence, verdict.SampleId, verdict.Outcome, verdict.EvaluatedAt.ToUnixTimeMilliseconds(),
            VerdictMargins.Read(verdict.EvidenceJson), cancellationToken).ConfigureAwait(false);
        await WriteHeadAsync(connection, tx, sequence, chain, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        VerdictAppended.Publish(sequence);
        return stored;
    }

    public Task<StoredVerdict?> GetVerdictByIdAsync(string verdictId, CancellationToken cancellationToken) =>
        SingleVerdictAsync("WHERE verdict_id = @k", verdictId, cancellationToken);

    public virtual ValueTask<long?> GetChangeStampAsync(CancellationToken cancellationToken) => ValueTask.FromResult<long?>(null);

    public Task<StoredVerdict?> GetVerdictByRunAsync(string runId, CancellationToken cancellationToken) =>
        SingleVerdictAsync("WHERE run_id = @k ORDER BY sequence DESC", runId, cancellationToken);

    public Task<StoredVerdict?> GetLatestVerdictBySampleAsync(string sampleId, CancellationToken cancellationToken) =>
        SingleVerdictAsync("WHERE sample_id = @k ORDER BY sequence DESC", sampleId, cancellationToken);

    public async Task<VerdictPage> ListVerdictsAsync(VerdictQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("limit", pageSize + 1) };
        if (!query.NewestFirst)
        {
            where.Add("sequence > @after");
            parameters.Add(("after", query.AfterSequence));
        }
        else if (query.BeforeSequence is { } before)
        {
            where.Add("sequence < @before");
            parameters.Add(("before", before));
        }

        if (query.EvaluatedFrom is { } from)
        {
            where.Add("evaluated_at_ms >= @from");
            parameters.Add(("from", from.ToUnixTimeMilliseconds()));
        }

        if (query.EvaluatedTo is { } to)
        {
            where.Add("evaluated_at_ms < @to");
            parameters.Add(("to", to.ToUnixTimeMilliseconds()));
        }

        if (!string.IsNullOrEmpty(query.SampleId))
        {
            where.Add("sample_id = @sample");
            parameters.Add(("sample", query.SampleId));
        }

        if (!string.IsNullOrEmpty(query.LimsOrder))
        {
            where.Add("lims_order = @order");
            parameters.Add(("order", query.LimsOrder));
        }

        if (query.Outcomes.Count > 0)
        {
            var names = query.Outcomes.Select((o, i) => (Name: $"o{i}", Value: o)).ToList();
            where.Add($"outcome IN ({string.Join(", ", names.Select(n => "@" + n.Name))})");
            parameters.AddRange(names.Select(n => (n.Name, (object?)n.Value)));
        }

        if (!string.IsNullOrEmpty(query.Standard))
        {
            where.Add("standards LIKE @std");
            parameters.Add(("std", "%" + query.Standard.Replace("%", "", StringComparison.Ordinal) + "%"));
        }

        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        var rows = await QueryVerdictsAsync(
            $"{filter} ORDER BY sequence {(query.NewestFirst ? "DESC" : "ASC")} LIMIT @limit", [.. parameters], verify: true, cancellationToken).ConfigureAwait(false);
        return rows.Count > pageSize
            ? new VerdictPage(rows.Take(pageSize).ToList(), rows[pageSize - 1].Sequence)
            : new VerdictPage(rows, null);
    }

    public Task<IReadOnlyList<StoredVerdict>> ReadVerdictsAfterAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
        QueryVerdictsAsync("WHERE sequence > @after ORDER BY sequence LIMIT @limit", [("after", afterSequence), ("limit", max)], verify: true, cancellationToken);

    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null, "SELECT COALESCE(MAX(sequence), 0) FROM verdicts");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> AcknowledgeAsync(string subscriber, long upToSequence, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using (var cmd = Command(connection, null,
            """
            INSERT INTO acknowledgements (subscriber, sequence, updated_at_ms) VALUES (@s, @q, @t)
            ON CONFLICT (subscriber) DO UPDATE SET sequence = excluded.sequence, updated_at_ms = excluded.updated_at_ms
            WHERE excluded.sequence > acknowledgements.sequence
            """, ("s", subscriber), ("q", upToSequence), ("t", Now())))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await GetAcknowledgedAsync(connection, subscriber, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> GetAcknowledgedAsync(string subscriber, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await GetAcknowledgedAsync(connection, subscriber, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last record's sequence and chain hash, or the head's when the head is further on (a deleted last record leaves its gap).</summary>
    private async Task<(long Sequence, string Chain)> ReadTailAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        (long Sequence, string Chain) tail = (0, "");
        using (var last = Command(connection, tx, "SELECT sequence, chain_sha256 FROM verdicts ORDER BY sequence DESC LIMIT 1"))
        using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tail = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        using (var headCommand = Command(connection, tx, "SELECT sequence, chain_sha256 FROM verdict_head WHERE id = 1"))
        using (var reader = await headCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) > tail.Sequence)
            {
                tail = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        return tail;
    }

    private static async Task WriteHeadAsync(DbConnection connection, DbTransaction tx, long sequence, string chain, CancellationToken cancellationToken)
    {
        using var update = Command(connection, tx, "UPDATE verdict_head SET sequence = @seq, chain_sha256 = @chain WHERE id = 1", ("seq", sequence), ("chain", chain));
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            using var insert = Command(connection, tx, "INSERT INTO verdict_head (id, sequence, chain_sha256) VALUES (1, @seq, @chain)", ("seq", sequence), ("chain", chain));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> GetAcknowledgedAsync(DbConnection connection, string subscriber, CancellationToken cancellationToken)
    {
        using var cmd = Command(connection, null, "SELECT sequence FROM acknowledgements WHERE subscriber = @s", ("s", subscriber));
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<StoredVerdict?> SingleVerdictAsync(string clause, string key, CancellationToken cancellationToken)
    {
        var rows = await QueryVerdictsAsync(clause + " LIMIT 1", [("k", key)], verify: true, cancellationToken).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// Reads verdict records; with <paramref name="verify"/>, each is checked on its own
    /// (<see cref="VerdictRecordCheck"/>) and a record that does not match throws
    /// <see cref="VerdictIntegrityException"/> instead of being returned.
    /// </summary>
    private async Task<IReadOnlyList<StoredVerdict>> QueryVerdictsAsync(string clause, (string, object?)[] parameters, bool verify, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT {VerdictColumns} FROM verdicts {clause}", parameters);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredVerdict>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadVerdict(reader, verify));
        }

        return result;
    }

    /// <summary>The verdict in the first twelve columns (<see cref="VerdictColumns"/>), checked on its own when <paramref name="verify"/>.</summary>
    private static StoredVerdict ReadVerdict(DbDataReader reader, bool verify)
    {
        var standards = reader.GetString(6);
        var verdict = new StoredVerdict(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), standards.Length == 0 ? [] : standards.Split('\n'), FromMs(reader.GetInt64(7)), reader.GetString(8),
            reader.GetString(9), reader.GetString(10), reader.GetString(11));
        return verify && VerdictRecordCheck.Problem(verdict) is { } problem
            ? throw new VerdictIntegrityException(verdict.Sequence, problem)
            : verdict;
    }
}
