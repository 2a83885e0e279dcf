using System.Net.Http.Headers;
using CableTest.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CableTest.Cli.Remote;

/// <summary>
/// One gRPC channel (h2c or TLS) and one HTTP client to the service, both carrying the API key. Every unary call and
/// HTTP request waits at most <c>--timeout</c> for its answer, so a lost response (docs/service.md, "The lost HTTP/2
/// response") ends the command with a message instead of leaving it waiting. Not bounded: a replay (it drives a
/// whole run again) and the streams that follow a run (they last as long as the run).
/// </summary>
internal sealed class ServiceConnection : IDisposable
{
    /// <summary>How long a call waits for its answer by default (<c>--timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly GrpcChannel channel;

    private ServiceConnection(Uri address, string? apiKey, TimeSpan? timeout)
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

        var reads = timeout is { } limit ? invoker.Intercept(new UnaryDeadline(limit)) : invoker;
        Bench = new BenchService.BenchServiceClient(reads);
        Verdicts = new VerdictService.VerdictServiceClient(reads);
        Replay = new ReplayService.ReplayServiceClient(invoker);
        Standards = new StandardsService.StandardsServiceClient(reads);
        Inspections = new InspectionService.InspectionServiceClient(reads);
        Risk = new RiskService.RiskServiceClient(reads);
        Http = new HttpClient { BaseAddress = address, Timeout = timeout ?? System.Threading.Timeout.InfiniteTimeSpan };
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
    public static ServiceConnection Open(string server, string? apiKey, TimeSpan? timeout)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new UriFormatException($"--server \"{server}\" is not an http:// or https:// address");
        }

        return new ServiceConnection(address, apiKey, timeout);
    }

    public void Dispose()
    {
        Http.Dispose();
        channel.Dispose();
    }

    /// <summary>Gives a unary call that has no deadline of its own one <paramref name="limit"/> from now.</summary>
    private sealed class UnaryDeadline(TimeSpan limit) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, context.Options.Deadline is null
                ? new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(TimeProvider.System.GetUtcNow().UtcDateTime + limit))
                : context);
    }
}
