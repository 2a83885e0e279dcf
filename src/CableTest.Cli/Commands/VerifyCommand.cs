using System.CommandLine;
using System.Security.Cryptography;
using CableTest.Storage;
using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest verify [--data-dir DIR] [--db FILE] [--postgres CONNECTION]`: recomputes every verdict's
/// content hash and chain link in the run store and reports the first broken record. The service has
/// no verification endpoint (and a verification that trusts the server it checks proves little), so
/// this reads the store itself: the service's SQLite file (default: DATA_DIR/cabletest.db, DATA_DIR
/// defaulting as the service's does) or a shared PostgreSQL store. Read-only; safe while the service runs (WAL).
/// Then the bench's signed chain anchors (DATA_DIR/verdict-anchors.jsonl, or --anchors FILE, e.g. the ones a LIMS
/// fetched from /evidence/anchors; with --postgres only when --anchors or --data-dir is given, since the default
/// directory's anchors are the local SQLite store's) are checked against the store with the bench's public key (--public-key PEM; default
/// the bench's key file under DATA_DIR): a store rewritten with every hash recomputed passes the chain but not its anchors.
/// Exit code: 0 intact, 1 broken (chain or anchors), 2 store, anchors or key not found or unreadable.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "The service's DataDirectory (default: " + StoragePaths.DefaultDataDirectory + ")" };
        var db = new Option<string?>("--db") { Description = "The SQLite file (Store:SqlitePath; relative to --data-dir; default cabletest.db)" };
        var postgres = new Option<string?>("--postgres") { Description = "Verify a PostgreSQL store instead (Store:ConnectionString)" };
        var anchors = new Option<string?>("--anchors") { Description = "The bench's signed chain anchors (default: DATA_DIR/" + ChainAnchorLog.FileName + " when it exists)" };
        var publicKey = new Option<string?>("--public-key") { Description = "The bench's public key, PEM (GET /evidence/public-key.pem; default: the key file under DATA_DIR)" };
        var command = new Command("verify", "Verify the verdict hash chain in the service's run store, and the bench's signed anchors of it") { dataDir, db, postgres, anchors, publicKey };
        command.SetAction((parse, token) => RunAsync(
            new VerifyArguments(parse.GetValue(dataDir), parse.GetValue(db), parse.GetValue(postgres), parse.GetValue(anchors), parse.GetValue(publicKey)), stdout, stderr, token));
        return command;
    }

    internal static async Task<int> RunAsync(VerifyArguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (dataDir, db, postgres) = (arguments.DataDir, arguments.Db, arguments.Postgres);
        var directory = string.IsNullOrWhiteSpace(dataDir) ? StoragePaths.DefaultDataDirectory : Path.GetFullPath(dataDir);
        IRunStore store;
        string where;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            store = PostgresRunStore.Create(postgres, TimeProvider.System);
            where = "PostgreSQL store";
        }
        else
        {
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
            if (!result.Intact)
            {
                await stdout.WriteLineAsync($"HASH CHAIN BROKEN at sequence {result.FirstBrokenSequence}: {result.Detail} ({result.VerifiedRecords} record(s) before it verified) in {where}");
                return ExitCodes.Failed;
            }

            await stdout.WriteLineAsync($"hash chain intact: {result.VerifiedRecords} verdict record(s) verified in {where}");
            return await VerifyAnchorsAsync(store, directory, arguments, stdout, stderr, cancellationToken);
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

    /// <summary>The signed anchors against the store: 0 all that could be checked match (or there are none), 1 one does not, 2 the anchors or the key cannot be read.</summary>
    private static async Task<int> VerifyAnchorsAsync(IRunStore store, string directory, VerifyArguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(arguments.Anchors) && !string.IsNullOrWhiteSpace(arguments.Postgres) && string.IsNullOrWhiteSpace(arguments.DataDir))
        {
            // The default data directory's anchors belong to the local SQLite store, not to this database.
            await stdout.WriteLineAsync("signed anchors not checked: give --anchors FILE (GET /evidence/anchors) or the service's --data-dir");
            return ExitCodes.Ok;
        }

        var path = string.IsNullOrWhiteSpace(arguments.Anchors) ? Path.Combine(directory, ChainAnchorLog.FileName) : Path.GetFullPath(arguments.Anchors);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(arguments.Anchors))
            {
                await stderr.WriteLineAsync($"cabletest verify: no anchors file at {path}");
                return ExitCodes.NoVerdict;
            }

            await stdout.WriteLineAsync($"no signed anchors at {path}: the chain is checked against itself only");
            return ExitCodes.Ok;
        }

        var keyPath = string.IsNullOrWhiteSpace(arguments.PublicKey) ? StoragePaths.Resolve(directory, BenchSigningKey.DefaultPath) : Path.GetFullPath(arguments.PublicKey);
        ECDsa key;
        try
        {
            key = ChainAnchorCheck.PublicKeyFromPem(await File.ReadAllTextAsync(keyPath, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            await stderr.WriteLineAsync($"cabletest verify: cannot read the bench's public key {keyPath} ({e.Message}); give it with --public-key (GET /evidence/public-key.pem)");
            return ExitCodes.NoVerdict;
        }

        using (key)
        {
            var keyId = BenchSigningKey.KeyIdOf(key.ExportSubjectPublicKeyInfo());
            var (anchors, unreadable) = ChainAnchorLog.Read(path);
            var failed = false;
            foreach (var line in unreadable)
            {
                await stdout.WriteLineAsync($"ANCHOR UNREADABLE: line {line} of {path} is not a signed anchor (the file was edited or cut)");
                failed = true;
            }

            var mine = anchors.Where(a => a.KeyId == keyId).ToList();
            foreach (var anchor in mine)
            {
                if (await ChainAnchorCheck.ProblemAsync(store, anchor, key, cancellationToken) is { } problem)
                {
                    await stdout.WriteLineAsync($"ANCHOR MISMATCH at sequence {anchor.Sequence}: {problem}");
                    failed = true;
                }
            }

            var others = anchors.Where(a => a.KeyId != keyId).Select(a => a.KeyId).Distinct(StringComparer.Ordinal).ToList();
            if (others.Count > 0)
            {
                await stdout.WriteLineAsync($"{anchors.Count - mine.Count} anchor(s) signed by another key ({string.Join(", ", others)}) not checked: give that key with --public-key");
            }

            if (!failed)
            {
                await stdout.WriteLineAsync(mine.Count == 0
                    ? $"no anchors signed by key {keyId} in {path}"
                    : $"signed anchors match: {mine.Count} checked with key {keyId}, the latest at sequence {mine[^1].Sequence} signed {mine[^1].SignedAt}");
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        }
    }
}
