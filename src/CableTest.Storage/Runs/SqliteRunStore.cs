using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CableTest.Storage.Runs;

/// <summary>
/// The run store in one SQLite file: WAL journal, synchronous=FULL (a committed verdict survives a
/// power cut), writers serialised by BEGIN IMMEDIATE.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    private readonly string connectionString;

    public SqliteRunStore(string path, TimeProvider time)
        : base(time)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL";
        wal.ExecuteNonQuery();
    }

    public override string Kind => "sqlite";

    /// <summary>Closes the connections this store keeps pooled (and their file handles): for a store whose file is about to be deleted.</summary>
    public void ReleaseConnections()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already holds the write lock.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task LockForVerdictAppendAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;
}
