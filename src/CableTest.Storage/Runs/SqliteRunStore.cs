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
    private readonly Lock probeGate = new();
    private SqliteConnection? probe;
    private SQLitePCL.sqlite3_stmt? dataVersion;
    private long probeArrivals;
    private long lastProbeCovers;
    private long? lastStamp;

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
        CloseProbe();
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// SQLite's <c>PRAGMA data_version</c> on one connection kept open for it and never used to write: it
    /// changes whenever another connection (any of this store's, or sqlite3 on the file) commits. Callers
    /// that queue while a probe runs take the value of the first probe that began after they arrived (it
    /// saw every commit before their arrival) instead of probing again one by one. A failing probe
    /// answers null, so the caller reads the store and meets the fault there.
    /// </summary>
    public override ValueTask<long?> GetChangeStampAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var arrival = Interlocked.Increment(ref probeArrivals);
        lock (probeGate)
        {
            if (lastProbeCovers >= arrival)
            {
                return ValueTask.FromResult(lastStamp);
            }

            var covers = Volatile.Read(ref probeArrivals);
            lastStamp = Probe();
            lastProbeCovers = covers;
            return ValueTask.FromResult(lastStamp);
        }
    }

    /// <summary>
    /// One step of <c>PRAGMA data_version</c>, prepared once on the kept connection and stepped through SQLite's own
    /// API: the statement answers one row, and ADO.NET's reader around it would cost more than the step.
    /// </summary>
    private long? Probe()
    {
        try
        {
            if (dataVersion is null)
            {
                var connection = new SqliteConnection(connectionString);
                lock (openGate)
                {
                    connection.Open();
                }

                probe = connection;
                Check(SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out var statement), connection);
                dataVersion = statement;
            }

            var step = SQLitePCL.raw.sqlite3_step(dataVersion);
            var version = step == SQLitePCL.raw.SQLITE_ROW ? SQLitePCL.raw.sqlite3_column_int64(dataVersion, 0) : (long?)null;
            Check(SQLitePCL.raw.sqlite3_reset(dataVersion), probe!);
            if (version is null)
            {
                throw new InvalidOperationException($"PRAGMA data_version answered no row (SQLite result {step})");
            }

            return version;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            CloseProbe();
            return null;
        }
    }

    private static void Check(int result, SqliteConnection connection) => SqliteException.ThrowExceptionForRC(result, connection.Handle);

    private void CloseProbe()
    {
        lock (probeGate)
        {
            dataVersion?.Dispose();
            probe?.Dispose();
            (dataVersion, probe) = (null, null);
        }
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
