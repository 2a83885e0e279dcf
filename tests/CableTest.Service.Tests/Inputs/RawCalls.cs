using Grpc.Core;
using Grpc.Net.Client;
using MethodDescriptor = Google.Protobuf.Reflection.MethodDescriptor;

namespace CableTest.Service.Tests.Inputs;

/// <summary>gRPC calls with a request body of raw bytes (any message, or none at all), as a hostile client sends them.</summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Sends <paramref name="body"/> to <paramref name="method"/> and returns the call's final status (OK when it answered).</summary>
    public static async Task<Status> SendAsync(GrpcChannel channel, MethodDescriptor method, byte[] body, Metadata headers, int maxStreamed = 3, double streamForS = 2)
    {
        var invoker = channel.CreateCallInvoker();
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // A live stream with nothing to send waits for ever: its deadline ends it (DEADLINE_EXCEEDED, an honest answer).
        var deadline = method.IsServerStreaming ? TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(streamForS) : (DateTime?)null;
        var options = new CallOptions(headers, deadline, cts.Token);
        try
        {
            if (method.IsServerStreaming)
            {
                using var call = invoker.AsyncServerStreamingCall(raw, null, options, body);
                // A stream that answers may go on for ever (a live verdict feed): a few messages show it serves.
                for (var i = 0; i < maxStreamed && await call.ResponseStream.MoveNext(cts.Token); i++)
                {
                }

                return call.GetStatus();
            }

            using var unary = invoker.AsyncUnaryCall(raw, null, options, body);
            await unary.ResponseAsync;
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
        catch (InvalidOperationException)
        {
            // GetStatus before the stream ended: it was still serving.
            return Status.DefaultSuccess;
        }
    }
}
