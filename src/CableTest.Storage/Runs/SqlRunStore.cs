using System.Data.Common;

namespace CableTest.Storage.Runs;

/// <summary>
/// The run store over portable SQL; the SQLite and PostgreSQL stores add connections and locking.
/// Verdict appends are serialised by the database (an exclusive write), which keeps the feed
/// sequence gap-free and the hash chain linear even when several benches share one PostgreSQL.
/// </summary>
public abstract partial class SqlRunStore(TimeProvider time) : IRunStore
{
    protected TimeProvider Time { get; } = time;

    public abstract string Kind { get; }

    /// <summary>An open connection, configured for this database.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lock that serialises schema migrations inside <paramref name="tx"/>.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken);

    /// <summary>Takes the lock that serialises verdict appends inside <paramref name="tx"/>.</summary>
    protected abstract Task LockForVerdictAppendAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        using (var create = Command(connection, null, Migrations.CreateHistory))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockForMigrationAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<long>();
        using (var read = Command(connection, tx, "SELECT version FROM schema_migrations"))
        using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var newest = Migrations.All.Max(m => m.Version);
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"the {Kind} store has schema version {applied.Max()}, newer than this CableTest knows ({newest}); upgrade CableTest");
        }

        foreach (var migration in Migrations.All.Where(m => !applied.Contains(m.Version)))
        {
            foreach (var statement in migration.Statements)
            {
                using var ddl = Command(connection, tx, statement);
                await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (migration.Backfill is { } backfill)
            {
                await backfill(connection, tx, cancellationToken).ConfigureAwait(false);
            }

            using var record = Command(connection, tx,
                "INSERT INTO schema_migrations (version, description, applied_at_ms) VALUES (@v, @d, @t)",
                ("v", migration.Version), ("d", migration.Description), ("t", Now()));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            using var cmd = Command(connection, null, "SELECT 1");
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    protected long Now() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    protected static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    protected static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
