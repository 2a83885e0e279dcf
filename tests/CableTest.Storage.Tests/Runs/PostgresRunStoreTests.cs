using CableTest.Storage.Runs;
using CableTest.Testing;
using Npgsql;

namespace CableTest.Storage.Tests.Runs;

/// <summary>One real PostgreSQL for the collection; each test class instance gets a fresh database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;

[Collection("postgres")]
public sealed class PostgresRunStoreTests(PostgresFixture fixture) : RunStoreBehaviour
{
    private string connectionString = "";
    private PostgresRunStore? store;

    protected override async Task<IRunStore> CreateStoreAsync()
    {
        connectionString = await fixture.Server.CreateDatabaseAsync("t" + Guid.NewGuid().ToString("N"));
        store = PostgresRunStore.Create(connectionString, Time);
        return store;
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ChangeStamp_NotKept_SoEveryReadGoesToTheDatabase() => Assert.Null(await Store.GetChangeStampAsync(default));

    [Fact]
    public async Task TwoBenches_SharingOneDatabase_AppendOneGapFreeChain()
    {
        await using var benchB = PostgresRunStore.Create(connectionString, Time);
        await benchB.MigrateAsync(default);
        var appends = Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? Store : benchB).AppendVerdictAsync(
            TestEvidence.Verdict($"b{i}", $"r{i}", $"S{i}", "L", "pass", ["IEC 60228"], Time.GetUtcNow()), default));
        await Task.WhenAll(appends);

        var all = await Store.ReadVerdictsAfterAsync(0, 100, default);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Select(v => v.Sequence));
        Assert.True((await benchB.VerifyChainAsync(default)).Intact);
    }
}
