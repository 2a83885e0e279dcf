namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    public async Task<bool> TryAddSampleAsync(SampleRecord sample, SealedSamplingRecord? sampling, CancellationToken cancellationToken)
    {
        if (sampling is not null && !string.Equals(sampling.SampleId, sample.SampleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the sampling record is for sample {sampling.SampleId}, not {sample.SampleId}", nameof(sampling));
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var cmd = Command(connection, tx,
            "INSERT INTO samples (sample_id, lims_order, json, registered_at_ms) VALUES (@id, @o, @j, @t) ON CONFLICT (sample_id) DO NOTHING",
            ("id", sample.SampleId), ("o", sample.LimsOrder), ("j", sample.Json), ("t", sample.RegisteredAt.ToUnixTimeMilliseconds())))
        {
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false; // disposing the transaction rolls it back: nothing changed
            }
        }

        if (sampling is not null)
        {
            using var insert = Command(connection, tx,
                "INSERT INTO sampling_records (sample_id, spec_id, manufacturer, json, recorded_at_ms) VALUES (@id, @spec, @m, @j, @t)",
                ("id", sampling.SampleId), ("spec", sampling.SpecId), ("m", sampling.Manufacturer), ("j", sampling.Json),
                ("t", sampling.RecordedAt.ToUnixTimeMilliseconds()));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<SealedSamplingRecord?> GetSamplingRecordAsync(string sampleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT sample_id, spec_id, manufacturer, json, recorded_at_ms FROM sampling_records WHERE sample_id = @id", ("id", sampleId));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SealedSamplingRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), FromMs(reader.GetInt64(4)))
            : null;
    }
}
