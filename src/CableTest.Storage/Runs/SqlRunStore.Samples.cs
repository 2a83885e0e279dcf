using System.Data.Common;

namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    public Task<bool> TryAddSampleAsync(SampleRecord sample, CancellationToken cancellationToken) =>
        TryAddSampleAsync(sample, null, cancellationToken);

    public async Task<SampleRecord?> GetSampleAsync(string sampleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT sample_id, lims_order, json, registered_at_ms FROM samples WHERE sample_id = @id", ("id", sampleId));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SampleRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), FromMs(reader.GetInt64(3)))
            : null;
    }

    public async Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            """
            INSERT INTO runs (run_id, sample_id, state, json, started_at_ms, ended_at_ms, updated_at_ms)
            VALUES (@id, @s, @st, @j, @start, @end, @upd)
            ON CONFLICT (run_id) DO UPDATE SET state = excluded.state, json = excluded.json,
                ended_at_ms = excluded.ended_at_ms, updated_at_ms = excluded.updated_at_ms
            """,
            ("id", run.RunId), ("s", run.SampleId), ("st", run.State), ("j", run.Json),
            ("start", run.StartedAt.ToUnixTimeMilliseconds()), ("end", run.EndedAt?.ToUnixTimeMilliseconds()),
            ("upd", run.UpdatedAt.ToUnixTimeMilliseconds()));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var runs = await QueryRunsAsync("WHERE run_id = @id", [("id", runId)], cancellationToken).ConfigureAwait(false);
        return runs.FirstOrDefault();
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(string? sampleId, IReadOnlyCollection<string>? states, int limit, int offset, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("limit", limit), ("offset", offset) };
        if (!string.IsNullOrEmpty(sampleId))
        {
            where.Add("sample_id = @sample");
            parameters.Add(("sample", sampleId));
        }

        if (states is { Count: > 0 })
        {
            var names = states.Select((s, i) => (Name: $"st{i}", Value: s)).ToList();
            where.Add($"state IN ({string.Join(", ", names.Select(n => "@" + n.Name))})");
            parameters.AddRange(names.Select(n => (n.Name, (object?)n.Value)));
        }

        var clause = (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY started_at_ms DESC, run_id DESC LIMIT @limit OFFSET @offset";
        return QueryRunsAsync(clause, [.. parameters], cancellationToken);
    }

    public async Task<string> ClaimStartRequestAsync(string requestId, string runId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using (var insert = Command(connection, null,
            "INSERT INTO start_requests (request_id, run_id) VALUES (@r, @run) ON CONFLICT (request_id) DO NOTHING",
            ("r", requestId), ("run", runId)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var select = Command(connection, null, "SELECT run_id FROM start_requests WHERE request_id = @r", ("r", requestId));
        return (string)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<IReadOnlyList<RunRecord>> QueryRunsAsync(string clause, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT run_id, sample_id, state, json, started_at_ms, ended_at_ms, updated_at_ms FROM runs " + clause, parameters);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new RunRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                FromMs(reader.GetInt64(4)), reader.IsDBNull(5) ? null : FromMs(reader.GetInt64(5)), FromMs(reader.GetInt64(6))));
        }

        return result;
    }

    public async Task AddReadingsAsync(IReadOnlyList<ReadingRecord> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        await using var connectionScope = connection.ConfigureAwait(false);
        using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in readings)
        {
            using var cmd = Command(connection, tx,
                """
                INSERT INTO readings (reading_id, run_id, step_id, core, instrument_id, quantity, value, time_unix_ns, step_time_s)
                VALUES (@id, @run, @step, @core, @inst, @q, @v, @t, @st) ON CONFLICT (reading_id) DO NOTHING
                """,
                ("id", r.ReadingId), ("run", r.RunId), ("step", r.StepId), ("core", r.Core), ("inst", r.InstrumentId),
                ("q", r.Quantity), ("v", r.Value), ("t", r.TimeUnixNs), ("st", r.StepTimeS));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReadingRecord>> GetReadingsAsync(string runId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            """
            SELECT reading_id, run_id, step_id, core, instrument_id, quantity, value, time_unix_ns, step_time_s
            FROM readings WHERE run_id = @run ORDER BY time_unix_ns, reading_id
            """, ("run", runId));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ReadingRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ReadingRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetDouble(6), reader.GetInt64(7), reader.GetDouble(8)));
        }

        return result;
    }
}
