using System.Net.Http.Headers;
using CableTest.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CableTest.Cli.Remote;

/// <summary>One gRPC channel (h2c or TLS) and one HTTP client to the service, both carrying the API key.</summary>
internal sealed class ServiceConnection : IDisposable
{
    private readonly GrpcChannel channel;

    private ServiceConnection(Uri address, string? apiKey)
    {
        Address = address;
        channel = GrpcChannel.ForAddress(address);
        CallInvoker invoker = channel.CreateCallInvoker();
        if (apiKey is not null)
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("x-api-key", apiKey);
                return metadata;
            });
        }

        Bench = new BenchService.BenchServiceClient(invoker);
        Verdicts = new VerdictService.VerdictServiceClient(invoker);
        Replay = new ReplayService.ReplayServiceClient(invoker);
        Standards = new StandardsService.StandardsServiceClient(invoker);
        Inspections = new InspectionService.InspectionServiceClient(invoker);
        Risk = new RiskService.RiskServiceClient(invoker);
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("cabletest-cli", "1"));
        if (apiKey is not null)
        {
            Http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }
    }

    /// <summary>The service address as given (for messages).</summary>
    public Uri Address { get; }

    public BenchService.BenchServiceClient Bench { get; }

    public VerdictService.VerdictServiceClient Verdicts { get; }

    public ReplayService.ReplayServiceClient Replay { get; }

    public StandardsService.StandardsServiceClient Standards { get; }

    public InspectionService.InspectionServiceClient Inspections { get; }

    public RiskService.RiskServiceClient Risk { get; }

    public HttpClient Http { get; }

    /// <summary>Opens a connection (no I/O yet); <see cref="UriFormatException"/> when <paramref name="server"/> is not an http(s) URL.</summary>
    public static ServiceConnection Open(string server, string? apiKey)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new UriFormatException($"--server \"{server}\" is not an http:// or https:// address");
        }

        return new ServiceConnection(address, apiKey);
    }

    public void Dispose()
    {
        Http.Dispose();
        channel.Dispose();
    }
}
