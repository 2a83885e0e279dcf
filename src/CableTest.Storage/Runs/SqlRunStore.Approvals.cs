namespace CableTest.Storage.Runs;

public abstract partial class SqlRunStore
{
    public async Task<RunApprovalRecord> ApproveRunAsync(RunApprovalRecord approval, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using (var insert = Command(connection, null,
            """
            INSERT INTO run_approvals (run_id, verdict_id, content_sha256, checked_by, approved_by, credential, comment, approved_at_ms)
            VALUES (@run, @v, @h, @c, @a, @cred, @note, @t) ON CONFLICT (run_id) DO NOTHING
            """,
            ("run", approval.RunId), ("v", approval.VerdictId), ("h", approval.ContentSha256), ("c", approval.CheckedBy),
            ("a", approval.ApprovedBy), ("cred", approval.Credential), ("note", approval.Comment), ("t", approval.ApprovedAt.ToUnixTimeMilliseconds())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadApprovalAsync(connection, approval.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the approval of run {approval.RunId} was not stored");
    }

    public async Task<RunApprovalRecord?> GetRunApprovalAsync(string runId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await ReadApprovalAsync(connection, runId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RunApprovalRecord?> ReadApprovalAsync(System.Data.Common.DbConnection connection, string runId, CancellationToken cancellationToken)
    {
        using var cmd = Command(connection, null,
            """
            SELECT run_id, verdict_id, content_sha256, checked_by, approved_by, credential, comment, approved_at_ms
            FROM run_approvals WHERE run_id = @run
            """, ("run", runId));
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RunApprovalRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), FromMs(reader.GetInt64(7)))
            : null;
    }
}
