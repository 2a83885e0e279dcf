using System.Net.Http.Headers;
using System.Text;
using CableTest.Storage.Runs;
using Grpc.Core;

namespace CableTest.Service.Tests.Inputs;

/// <summary>One in-process service (real Kestrel, embedded simulated bench, SQLite) for the hostile-input tests, and what they need to look at its store.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public InProcessService Service { get; private set; } = null!;

    public static Metadata Engineer => InProcessService.ApiKey(InProcessService.EngineerKey);

    public async Task InitializeAsync() => Service = await InProcessService.StartAsync(allowAnonymousLoopback: false);

    public async Task DisposeAsync() => await Service.DisposeAsync();

    /// <summary>An HTTP/1.1 JSON request as the dashboard or a LIMS script sends it, with the engineer's key.</summary>
    public async Task<(int Status, string Body)> JsonAsync(HttpMethod method, string pathAndQuery, string? json = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Add("x-api-key", InProcessService.EngineerKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await Service.Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What a refused request must leave unchanged: runs, verdicts and the LIMS cursor.</summary>
    public async Task<StoreSnapshot> SnapshotAsync()
    {
        var store = Service.Store;
        var runs = await store.ListRunsAsync(null, null, 10_000, 0, CancellationToken.None);
        return new StoreSnapshot(runs.Count, await store.GetLastSequenceAsync(CancellationToken.None));
    }

    public Task<SampleRecord?> SampleAsync(string id) => Service.Store.GetSampleAsync(id, CancellationToken.None);
}

public sealed record StoreSnapshot(int Runs, long LastSequence);

[CollectionDefinition(Name)]
public sealed class HostileInputCollection : ICollectionFixture<HostileInputFixture>
{
    public const string Name = "hostile input";
}
