using System.Data.Common;
using Npgsql;

namespace CableTest.Storage.Runs;

/// <summary>
/// The run store in PostgreSQL, shared by several benches: migrations under an advisory lock,
/// verdict appends under an exclusive table lock so sequences stay gap-free and the chain linear.
/// </summary>
public sealed class PostgresRunStore(NpgsqlDataSource dataSource, TimeProvider time) : SqlRunStore(time), IAsyncDisposable
{
    private const long MigrationLockKey = 0x4361_626C_6554;

    public override string Kind => "postgresql";

    public static PostgresRunStore Create(string connectionString, TimeProvider time) =>
        new(NpgsqlDataSource.Create(connectionString), time);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        using var cmd = Command(connection, tx, "SELECT pg_advisory_xact_lock(@k)", ("k", MigrationLockKey));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task LockForVerdictAppendAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        using var cmd = Command(connection, tx, "LOCK TABLE verdicts IN EXCLUSIVE MODE");
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
