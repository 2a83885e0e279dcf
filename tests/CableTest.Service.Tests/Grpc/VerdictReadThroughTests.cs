using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Moq.Protected;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// GetVerdict reads the store again only when something was committed to it since the record was read
/// and checked (SQLite's data_version): a read between commits is served from the checked record; any
/// commit, by the service or by anyone editing the file, sends the next read to the store, where an
/// edited record is caught. The store is a real SQLite file; the mock only counts the calls into it.
/// </summary>
public sealed class VerdictReadThroughTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new("read-through");
    private readonly Mock<IRunStore> store = new(MockBehavior.Strict);
    private readonly VerdictCache cache = new(Options.Create(new GrpcOptions()));
    private readonly VerdictIntegrity integrity = new(NullLogger<VerdictIntegrity>.Instance);
    private SqliteRunStore sqlite = null!;
    private VerdictsService service = null!;

    private string DbPath => dir.File("cabletest.db");

    public async Task InitializeAsync()
    {
        sqlite = new SqliteRunStore(DbPath, TimeProvider.System);
        await sqlite.MigrateAsync(default);
        await VerdictSeeds.AppendAsync(sqlite, 1, 3);
        store.Setup(s => s.GetChangeStampAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken ct) => sqlite.GetChangeStampAsync(ct));
        store.Setup(s => s.GetVerdictByRunAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string run, CancellationToken ct) => sqlite.GetVerdictByRunAsync(run, ct));
        service = new VerdictsService(store.Object, cache, integrity, Options.Create(new GrpcOptions()), TimeProvider.System, NullLogger<VerdictsService>.Instance);
    }

    public Task DisposeAsync()
    {
        cache.Dispose();
        sqlite.ReleaseConnections();
        SqliteConnection.ClearAllPools();
        dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NothingCommittedSince_ServedWithoutReadingTheStoreAgain()
    {
        var first = await GetAsync("R-00002");
        var second = await GetAsync("R-00002");

        // A context not hosted by ASP.NET Core gets whole messages, each parsed from the one cached encoding.
        Assert.Equal(first, second);
        Assert.Equal("V-00002", second.VerdictId);
        store.Verify(s => s.GetVerdictByRunAsync("R-00002", It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.GetChangeStampAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task AnyCommitSince_ReadAgain()
    {
        await GetAsync("R-00002");
        await VerdictSeeds.AppendAsync(sqlite, 4, 1);

        Assert.Equal("V-00002", (await GetAsync("R-00002")).VerdictId);
        store.Verify(s => s.GetVerdictByRunAsync("R-00002", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task ColumnEditedInTheFileSince_ReadAgainAndRefusedWithDataLoss()
    {
        Assert.Equal(Outcome.Pass, (await GetAsync("R-00002")).Outcome);
        await using (var editor = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            await editor.OpenAsync();
            await using var update = editor.CreateCommand();
            update.CommandText = "UPDATE verdicts SET outcome = 'fail' WHERE sequence = 2";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => GetAsync("R-00002"));
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Contains("sequence 2", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordFoundBrokenElsewhere_NotServedFromWhatWasRead()
    {
        await GetAsync("R-00002");
        integrity.Report(2, "its chain hash does not match (record altered)", "chain check");

        var refused = await Assert.ThrowsAsync<RpcException>(() => GetAsync("R-00002"));
        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        store.Verify(s => s.GetVerdictByRunAsync("R-00002", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("V-00003", (await GetAsync("R-00003")).VerdictId);
    }

    private Task<Verdict> GetAsync(string runId)
    {
        var context = new Mock<ServerCallContext>();
        context.Protected().Setup<CancellationToken>("CancellationTokenCore").Returns(CancellationToken.None);
        return service.GetVerdict(new GetVerdictRequest { RunId = runId }, context.Object);
    }
}
