using System.Data.Common;
using CableTest.Domain.Risk;
using CableTest.Domain.Verdicts;

namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    private const int BackfillBatch = 1_000;

    public async Task<IReadOnlyList<RiskObservation>> ListRiskObservationsAsync(RiskQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        AddSamplingFilter(where, parameters, query.Manufacturer, query.SpecId, query.EvaluatedFrom, "m.evaluated_at_ms");

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT m.sample_id, s.spec_id, s.manufacturer, m.evaluated_at_ms, m.outcome, m.conductor_r20_ratio, m.insulation_ratio " +
            "FROM sampling_records s JOIN verdict_margins m ON m.sample_id = s.sample_id" +
            (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY m.sequence", [.. parameters]);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<RiskObservation>();
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new RiskObservation(reader.GetString(0), reader.GetString(1), reader.GetString(2), FromMs(reader.GetInt64(3)),
                OutcomeOf(reader.GetString(4), outcomes), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        }

        return rows;
    }

    /// <summary>Migration 5: the margins of every verdict stored before it, read from their evidence in batches.</summary>
    internal static async Task BackfillMarginsAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var batch = new List<(long Sequence, string SampleId, string Outcome, long EvaluatedAtMs, string Json)>(BackfillBatch);
            using (var read = Command(connection, tx,
                "SELECT sequence, sample_id, outcome, evaluated_at_ms, evidence_json FROM verdicts WHERE sequence > @after ORDER BY sequence LIMIT @limit",
                ("after", after), ("limit", BackfillBatch)))
            using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4)));
                }
            }

            foreach (var row in batch)
            {
                await InsertMarginsAsync(connection, tx, row.Sequence, row.SampleId, row.Outcome, row.EvaluatedAtMs, VerdictMargins.Read(row.Json),
                    cancellationToken).ConfigureAwait(false);
            }

            if (batch.Count < BackfillBatch)
            {
                return;
            }

            after = batch[^1].Sequence;
        }
    }

    private static async Task InsertMarginsAsync(DbConnection connection, DbTransaction tx, long sequence, string sampleId, string outcome,
        long evaluatedAtMs, VerdictMargins margins, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, tx,
            "INSERT INTO verdict_margins (sequence, sample_id, outcome, evaluated_at_ms, conductor_r20_ratio, insulation_ratio) " +
            "VALUES (@seq, @sample, @outcome, @t, @c, @i)",
            ("seq", sequence), ("sample", sampleId), ("outcome", outcome), ("t", evaluatedAtMs),
            ("c", margins.ConductorR20Ratio), ("i", margins.InsulationRatio));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A wire name ("conditional_fail") as the outcome; an unknown name decides nothing (incomplete).</summary>
    private static Outcome OutcomeOf(string wireName, Dictionary<string, Outcome> known)
    {
        if (known.Count == 0)
        {
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                known[outcome.ToWireName()] = outcome;
            }
        }

        return known.GetValueOrDefault(wireName, Outcome.Incomplete);
    }
}
