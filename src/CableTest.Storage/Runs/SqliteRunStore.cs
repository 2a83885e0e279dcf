using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CableTest.Storage.Runs;

/// <summary>
/// The run store in one SQLite file: WAL journal, synchronous=FULL (a committed verdict survives a
/// power cut), writers serialised by BEGIN IMMEDIATE.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    private static readonly object Configured = new();
    private readonly string connectionString;
    private readonly Lock openGate = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();

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

    /// <summary>
    /// Opens one pooled connection at a time: Microsoft.Data.Sqlite's pool can lend one native
    /// connection to two concurrent openers (dotnet/efcore#39008, reproduced on 10.0.11; the fix is
    /// not in every 10.0.x), and two requests sharing a native connection is the kind of fault that
    /// leaves one of them waiting. A pooled open takes microseconds, so the lock costs little.
    /// The pragmas are set once per native connection, not on every open.
    /// </summary>
    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = new SqliteConnection(connectionString);
        try
        {
            lock (openGate)
            {
                connection.Open(); // Microsoft.Data.Sqlite opens synchronously whichever method is called
            }

            var handle = connection.Handle!;
            if (!configured.TryGetValue(handle, out _))
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000";
                pragma.ExecuteNonQuery();
                configured.AddOrUpdate(handle, Configured);
            }

            return Task.FromResult<DbConnection>(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already holds the write lock.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task LockForVerdictAppendAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;
}
