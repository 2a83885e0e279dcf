using System.CommandLine;
using CableTest.Storage;
using CableTest.Storage.Runs;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest verify [--data-dir DIR] [--db FILE] [--postgres CONNECTION]`: recomputes every verdict's
/// content hash and chain link in the run store and reports the first broken record. The service has
/// no verification endpoint (and a verification that trusts the server it checks proves little), so
/// this reads the store itself: the service's SQLite file (default: DATA_DIR/cabletest.db, DATA_DIR
/// defaulting as the service's does) or a shared PostgreSQL store. Read-only; safe while the service runs (WAL).
/// Exit code: 0 intact, 1 broken, 2 store not found or unreadable.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "The service's DataDirectory (default: " + StoragePaths.DefaultDataDirectory + ")" };
        var db = new Option<string?>("--db") { Description = "The SQLite file (Store:SqlitePath; relative to --data-dir; default cabletest.db)" };
        var postgres = new Option<string?>("--postgres") { Description = "Verify a PostgreSQL store instead (Store:ConnectionString)" };
        var command = new Command("verify", "Verify the verdict hash chain in the service's run store") { dataDir, db, postgres };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(dataDir), parse.GetValue(db), parse.GetValue(postgres), stdout, stderr, token));
        return command;
    }

    internal static async Task<int> RunAsync(string? dataDir, string? db, string? postgres, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        IRunStore store;
        string where;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            store = PostgresRunStore.Create(postgres, TimeProvider.System);
            where = "PostgreSQL store";
        }
        else
        {
            var directory = string.IsNullOrWhiteSpace(dataDir) ? StoragePaths.DefaultDataDirectory : Path.GetFullPath(dataDir);
            where = StoragePaths.Resolve(directory, string.IsNullOrWhiteSpace(db) ? new StoreOptions().SqlitePath : db);
            if (!File.Exists(where))
            {
                await stderr.WriteLineAsync($"cabletest verify: no run store at {where} (give the service's --data-dir, or --db)");
                return ExitCodes.NoVerdict;
            }

            store = new SqliteRunStore(where, TimeProvider.System);
        }

        try
        {
            var result = await store.VerifyChainAsync(cancellationToken);
            if (result.Intact)
            {
                await stdout.WriteLineAsync($"hash chain intact: {result.VerifiedRecords} verdict record(s) verified in {where}");
                return ExitCodes.Ok;
            }

            await stdout.WriteLineAsync($"HASH CHAIN BROKEN at sequence {result.FirstBrokenSequence}: {result.Detail} ({result.VerifiedRecords} record(s) before it verified) in {where}");
            return ExitCodes.Failed;
        }
        catch (System.Data.Common.DbException e)
        {
            await stderr.WriteLineAsync($"cabletest verify: cannot read the run store {where}: {e.Message}");
            return ExitCodes.NoVerdict;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
