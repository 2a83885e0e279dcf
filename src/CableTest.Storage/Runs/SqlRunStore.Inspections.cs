namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    public async Task<bool> TryAddExternalInspectionAsync(ExternalInspectionRecord inspection, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var insert = Command(connection, null,
            """
            INSERT INTO external_inspections (inspection_id, sample_id, label, json, recorded_by, recorded_at_ms)
            VALUES (@id, @sample, @label, @j, @by, @t) ON CONFLICT (sample_id, label) DO NOTHING
            """,
            ("id", inspection.InspectionId), ("sample", inspection.SampleId), ("label", inspection.Label), ("j", inspection.Json),
            ("by", inspection.RecordedBy), ("t", inspection.RecordedAt.ToUnixTimeMilliseconds()));
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ExternalInspectionRecord>> ListExternalInspectionsAsync(string sampleId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using var cmd = Command(connection, null,
            """
            SELECT inspection_id, sample_id, label, json, recorded_by, recorded_at_ms FROM external_inspections
            WHERE sample_id = @sample ORDER BY recorded_at_ms, inspection_id
            """, ("sample", sampleId));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ExternalInspectionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ExternalInspectionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), FromMs(reader.GetInt64(5))));
        }

        return rows;
    }
}
