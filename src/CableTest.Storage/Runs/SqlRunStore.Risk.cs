using System.Data.Common;
using CableTest.Domain.Risk;
using CableTest.Domain.Verdicts;

namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    private const int BackfillBatch = 1_000;

    /// <summary>
    /// Two index-only reads instead of a join: the sampled samples' spec and manufacturer (sampling_risk_by_* indexes),
    /// then verdict_margins in sequence order (margins_risk_by_sequence), each row matched to its sample in memory. The
    /// join made SQLite look each row's sample up through the primary key and read the sampling record's row, JSON and
    /// all, for two short columns.
    /// </summary>
    public async Task<IReadOnlyList<RiskObservation>> ListRiskObservationsAsync(RiskQuery query, CancellationToken cancellationToken)
    {
        var sampleWhere = new List<string>();
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(query.Manufacturer))
        {
            sampleWhere.Add("manufacturer = @m");
            parameters.Add(("m", query.Manufacturer));
        }

        if (!string.IsNullOrEmpty(query.SpecId))
        {
            sampleWhere.Add("spec_id = @spec");
            parameters.Add(("spec", query.SpecId));
        }

        var sampleFilter = sampleWhere.Count == 0 ? "" : " WHERE " + string.Join(" AND ", sampleWhere);
        (string, object?)[] sampleParameters = [.. parameters];
        var marginWhere = new List<string>();
        if (query.EvaluatedFrom is { } from)
        {
            marginWhere.Add("evaluated_at_ms >= @from");
            parameters.Add(("from", from.ToUnixTimeMilliseconds()));
        }

        if (sampleWhere.Count > 0)
        {
            marginWhere.Add("sample_id IN (SELECT sample_id FROM sampling_records" + sampleFilter + ")");
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        // Spec and manufacturer strings are few and repeat on every sample: one instance of each is kept (the reader's
        // copy dies young), so a summary over 100,000 samples holds a few strings, not 200,000.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, (string SampleId, string Spec, string Manufacturer)>(StringComparer.Ordinal);
        using (var cmd = Command(connection, null, RiskSamplesSql(sampleFilter), sampleParameters))
        using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sampleId = reader.GetString(0);
                samples[sampleId] = (sampleId, Intern(names, reader.GetString(1)), Intern(names, reader.GetString(2)));
            }
        }

        var rows = new List<RiskObservation>(samples.Count);
        if (samples.Count == 0)
        {
            return rows;
        }

        // A missing ratio comes as -1 (ratios are positive): one column read per ratio instead of a null check and a read.
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        using (var cmd = Command(connection, null, RiskMarginsSql(marginWhere), [.. parameters]))
        using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (samples.TryGetValue(reader.GetString(0), out var sample))
                {
                    var conductor = reader.GetDouble(3);
                    var insulation = reader.GetDouble(4);
                    rows.Add(new RiskObservation(sample.SampleId, sample.Spec, sample.Manufacturer, FromMs(reader.GetInt64(1)), OutcomeOf(reader.GetString(2), outcomes),
                        conductor < 0 ? null : conductor, insulation < 0 ? null : insulation));
                }
            }
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

    /// <summary>The risk query's first read: sampled samples' spec and manufacturer (<paramref name="filter"/>: "" or " WHERE …").</summary>
    internal static string RiskSamplesSql(string filter) => "SELECT sample_id, spec_id, manufacturer FROM sampling_records" + filter;

    /// <summary>The risk query's second read: margins in sequence order; a missing ratio as -1.</summary>
    internal static string RiskMarginsSql(IReadOnlyList<string> where) =>
        "SELECT sample_id, evaluated_at_ms, outcome, COALESCE(conductor_r20_ratio, -1), COALESCE(insulation_ratio, -1) FROM verdict_margins" +
        (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY sequence";

    private static string Intern(Dictionary<string, string> names, string name)
    {
        ref var kept = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(names, name, out _);
        return kept ??= name;
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
