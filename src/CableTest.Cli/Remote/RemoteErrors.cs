using System.Net.Sockets;
using System.Text;
using CableTest.Presentation;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Cli.Remote;

/// <summary>
/// Failures talking to the service as text for people: one line when the service cannot be reached
/// (naming the address); one line per field violation (google.rpc.BadRequest) naming the flag the user
/// typed; otherwise the gRPC status, its message and any precondition failures the service attached.
/// </summary>
internal static class RemoteErrors
{
    /// <summary>True for exceptions this class describes (communication with the service).</summary>
    public static bool IsRemote(Exception e) => e is RpcException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException };

    public static string Describe(Exception e, Uri server) => string.Join(Environment.NewLine, Lines(e, server, FieldFlags.None));

    /// <summary>
    /// The failure as lines for people. A refused request with field violations gives one line per
    /// violation naming the flag (<paramref name="flags"/>), and nothing else: the status message repeats them.
    /// </summary>
    public static IReadOnlyList<string> Lines(Exception e, Uri server, FieldFlags flags)
    {
        if (e is RpcException rpc && Violations(rpc) is { Count: > 0 } violations)
        {
            return violations.Select(v => flags.Describe(v.Field, v.Description)).Distinct(StringComparer.Ordinal).ToList();
        }

        return [Single(e, server)];
    }

    /// <summary>The google.rpc.BadRequest field violations attached to <paramref name="rpc"/> (empty when none).</summary>
    public static IReadOnlyList<(string Field, string Description)> Violations(RpcException rpc)
    {
        if (rpc.StatusCode != StatusCode.InvalidArgument || Status(rpc)?.GetDetail<BadRequest>() is not { } bad)
        {
            return [];
        }

        return bad.FieldViolations.Select(v => (v.Field, v.Description)).ToList();
    }

    private static string Single(Exception e, Uri server)
    {
        if (IsUnreachable(e))
        {
            return $"cannot reach the CableTest service at {server.GetLeftPart(UriPartial.Authority)} ({Innermost(e).Message.TrimEnd('.')}); is it running? (--server)";
        }

        return e switch
        {
            RpcException { StatusCode: StatusCode.DeadlineExceeded } => $"the service at {server.GetLeftPart(UriPartial.Authority)} did not answer in time (--timeout)",
            RpcException rpc => DescribeRpc(rpc),
            HttpRequestException { StatusCode: { } code } http => $"HTTP {(int)code} {code}: {http.Message}",
            TaskCanceledException => $"the service at {server.GetLeftPart(UriPartial.Authority)} did not answer in time (--timeout)",
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
        text.Append(rpc.StatusCode).Append(": ").Append(UnitText.Normalize(rpc.Status.Detail));
        if (Status(rpc) is not { } status)
        {
            return text.ToString();
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

    private static Google.Rpc.Status? Status(RpcException rpc)
    {
        try
        {
            return rpc.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
