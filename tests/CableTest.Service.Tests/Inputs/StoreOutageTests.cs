using System.Net.Sockets;
using CableTest.Contracts.V1;
using CableTest.Service.Grpc;
using CableTest.Testing;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using Npgsql;

namespace CableTest.Service.Tests.Inputs;

/// <summary>A run store that is down answers UNAVAILABLE (gRPC) / 503 (JSON), which a client retries, not INTERNAL / 500.</summary>
public sealed class StoreOutageTests
{
    public static TheoryData<string> Outages() => ["sqlite-cantopen", "sqlite-busy", "sqlite-ioerr", "pg-admin-shutdown", "pg-cannot-connect-now", "npgsql-socket"];

    [Theory]
    [MemberData(nameof(Outages))]
    public void Map_StoreOutage_Unavailable(string outage)
    {
        Exception e = outage switch
        {
            "sqlite-cantopen" => new SqliteException("unable to open database file", 14),
            "sqlite-busy" => new SqliteException("database is locked", 5),
            "sqlite-ioerr" => new SqliteException("disk I/O error", 10),
            "pg-admin-shutdown" => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
            "pg-cannot-connect-now" => new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
            _ => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        };
        Assert.Equal(StatusCode.Unavailable, Map(e).StatusCode);
    }

    [Fact]
    public void Map_ConstraintViolation_StaysInternal()
    {
        // A broken invariant is a bug to look at, not an outage to retry.
        Assert.Equal(StatusCode.Internal, Map(new SqliteException("UNIQUE constraint failed", 19)).StatusCode);
        Assert.Equal(StatusCode.Internal, Map(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")).StatusCode);
    }

    [Fact]
    public void Map_HugeMessage_BoundedEcho()
    {
        var e = Map(new NotFoundException("run", new string('x', 1 << 20)));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.True(e.Status.Detail.Length <= 1_024);
    }

    [Fact]
    public async Task PostgresStopped_ReadsAnswerUnavailableAnd503_ServiceStillServes()
    {
        await using var postgres = new PostgresServer();
        await postgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage" + Guid.NewGuid().ToString("N"));
        await using var service = await InProcessService.StartAsync(false, "--Store:Provider=PostgreSql", $"--Store:ConnectionString={connectionString}");
        var verdicts = new VerdictService.VerdictServiceClient(service.Channel);
        var key = InProcessService.ApiKey(InProcessService.LimsKey);
        var before = await Assert.ThrowsAsync<RpcException>(() => verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = "run-1" }, key).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, before.StatusCode);

        await postgres.StopAsync();

        var during = await Assert.ThrowsAsync<RpcException>(() => verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = "run-1" }, key).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, during.StatusCode);
        var list = await Assert.ThrowsAsync<RpcException>(() => verdicts.ListVerdictsAsync(new ListVerdictsRequest(), key).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, list.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/verdicts");
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        using var response = await service.Http.SendAsync(request);
        Assert.Equal(503, (int)response.StatusCode);

        // The rest of the service answers: the bench status says the store is down.
        var status = await new BenchService.BenchServiceClient(service.Channel).GetBenchStatusAsync(new GetBenchStatusRequest(), key);
        Assert.False(status.StoreHealthy);
    }

    private static RpcException Map(Exception e)
    {
        var context = new Mock<ServerCallContext>();
        context.Protected().Setup<string>("MethodCore").Returns("/cabletest.v1.VerdictService/GetVerdict");
        context.Protected().Setup<CancellationToken>("CancellationTokenCore").Returns(CancellationToken.None);
        return new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance).Map(e, context.Object);
    }
}
