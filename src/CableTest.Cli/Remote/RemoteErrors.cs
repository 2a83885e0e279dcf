using System.Net.Sockets;
using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Cli.Remote;

/// <summary>
/// Failures talking to the service as text for people: one line when the service cannot be reached
/// (naming the address), otherwise the gRPC status, its message and any field violations or
/// precondition failures the service attached (google.rpc details).
/// </summary>
internal static class RemoteErrors
{
    /// <summary>True for exceptions this class describes (communication with the service).</summary>
    public static bool IsRemote(Exception e) => e is RpcException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException };

    public static string Describe(Exception e, Uri server)
    {
        if (IsUnreachable(e))
        {
            return $"cannot reach the CableTest service at {server.GetLeftPart(UriPartial.Authority)} ({Innermost(e).Message.TrimEnd('.')}); is it running? (--server)";
        }

        return e switch
        {
            RpcException rpc => DescribeRpc(rpc),
            HttpRequestException { StatusCode: { } code } http => $"HTTP {(int)code} {code}: {http.Message}",
            TaskCanceledException => $"the service at {server.GetLeftPart(UriPartial.Authority)} did not answer in time",
            _ => e.Message,
        };
    }

    private static bool IsUnreachable(Exception e) => e switch
    {
        RpcException { StatusCode: StatusCode.Unavailable } rpc => rpc.Status.DebugException is not null || Innermost(e) is SocketException,
        HttpRequestException { StatusCode: null } => true,
        _ => false,
    };

    private static Exception Innermost(Exception e)
    {
        if (e is RpcException { Status.DebugException: { } debug })
        {
            e = debug;
        }

        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string DescribeRpc(RpcException rpc)
    {
        var text = new StringBuilder();
        text.Append(rpc.StatusCode).Append(": ").Append(rpc.Status.Detail);
        Google.Rpc.Status? status = null;
        try
        {
            status = rpc.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
        }

        if (status is null)
        {
            return text.ToString();
        }

        if (status.GetDetail<BadRequest>() is { } bad)
        {
            foreach (var v in bad.FieldViolations)
            {
                text.Append(Environment.NewLine).Append("  - ").Append(v.Field).Append(": ").Append(v.Description);
            }
        }

        if (status.GetDetail<PreconditionFailure>() is { } failure)
        {
            foreach (var v in failure.Violations.Where(v => v.Description != rpc.Status.Detail))
            {
                text.Append(Environment.NewLine).Append("  - ").Append(v.Subject).Append(": ").Append(v.Description);
            }
        }

        return text.ToString();
    }
}
