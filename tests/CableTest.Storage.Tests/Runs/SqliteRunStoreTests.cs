using CableTest.Storage.Runs;
using CableTest.Testing;
using Microsoft.Data.Sqlite;

namespace CableTest.Storage.Tests.Runs;

public sealed class SqliteRunStoreTests : RunStoreBehaviour
{
    private readonly TempDirectory dir = new("sqlite");

    private string DbPath => dir.File("nested/cabletest.db");

    protected override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new SqliteRunStore(DbPath, Time));

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reopen_KeepsVerdictsAndChain()
    {
        await Store.AppendVerdictAsync(new NewVerdict("v1", "r1", "S1", "L", "OUTCOME_PASS", ["IEC 60228"], Time.GetUtcNow(), "{}"), default);
        var reopened = new SqliteRunStore(DbPath, Time);
        await reopened.MigrateAsync(default);
        Assert.Equal(1, await reopened.GetLastSequenceAsync(default));
        Assert.True((await reopened.VerifyChainAsync(default)).Intact);
    }
}
