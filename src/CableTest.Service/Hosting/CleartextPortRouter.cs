using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace CableTest.Service.Hosting;

/// <summary>
/// Serves gRPC (HTTP/2 with prior knowledge) and browsers / JSON clients (HTTP/1.1) on ONE cleartext
/// port. Kestrel cannot: without TLS there is no ALPN, and an Http1AndHttp2 endpoint is downgraded
/// to HTTP/1.1 at bind time (dotnet/aspnetcore#56984, open for .NET 10). So the public endpoint is
/// HTTP/2-only, and this connection middleware inspects the first bytes: the RFC 9113 client preface
/// goes straight on to HTTP/2; anything else is relayed to an internal HTTP/1.1 endpoint on a Unix
/// socket, preceded by one preamble line carrying the client's real address (so "loopback only"
/// decisions still see the true peer).
/// </summary>
internal static class CleartextPortRouter
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    /// <summary>Middleware for the public cleartext endpoint (configured as HTTP/2 only).</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Router(string http1SocketPath) => next => async connection =>
    {
        if (await StartsWithPrefaceAsync(connection).ConfigureAwait(false))
        {
            await next(connection).ConfigureAwait(false);
            return;
        }

        await RelayToHttp1Async(connection, http1SocketPath).ConfigureAwait(false);
    };

    /// <summary>Middleware for the internal HTTP/1.1 endpoint: reads the preamble, restores the peer address.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> PreambleReader => next => async connection =>
    {
        var remote = await ReadPreambleAsync(connection.Transport.Input, connection.ConnectionClosed).ConfigureAwait(false);
        if (remote is null)
        {
            connection.Abort(new ConnectionAbortedException("internal HTTP/1.1 endpoint: missing forwarding preamble"));
            return;
        }

        connection.RemoteEndPoint = remote;
        await next(connection).ConfigureAwait(false);
    };

    private static async ValueTask<bool> StartsWithPrefaceAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var head = new byte[Preface.Length];
        while (true)
        {
            var result = await input.ReadAsync(connection.ConnectionClosed).ConfigureAwait(false);
            var buffer = result.Buffer;
            var length = (int)Math.Min(buffer.Length, Preface.Length);
            buffer.Slice(0, length).CopyTo(head);
            var matchesSoFar = head.AsSpan(0, length).SequenceEqual(Preface.AsSpan(0, length));
            var decided = !matchesSoFar || length == Preface.Length || result.IsCompleted || result.IsCanceled;
            if (decided)
            {
                // Nothing consumed, nothing examined: the next reader sees these bytes at once.
                input.AdvanceTo(buffer.Start);
                return matchesSoFar && length == Preface.Length;
            }

            // A prefix of the preface so far: wait for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task RelayToHttp1Async(ConnectionContext connection, string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), connection.ConnectionClosed).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var preamble = Encoding.ASCII.GetBytes($"CTFWD {connection.RemoteEndPoint?.ToString() ?? "unknown"}\n");
        await stream.WriteAsync(preamble, connection.ConnectionClosed).ConfigureAwait(false);

        var upstream = connection.Transport.Input.CopyToAsync(stream, connection.ConnectionClosed);
        var downstream = stream.CopyToAsync(connection.Transport.Output, connection.ConnectionClosed);
        try
        {
            await Task.WhenAny(upstream, downstream).ConfigureAwait(false);
        }
        finally
        {
            socket.Shutdown(SocketShutdown.Both);
            await connection.Transport.Output.CompleteAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(Quietly(upstream), Quietly(downstream)).ConfigureAwait(false);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // One side went away; the other is closed with it.
        }
    }

    private static async ValueTask<EndPoint?> ReadPreambleAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || buffer.Length > 256)
                {
                    return null;
                }

                continue;
            }

            var line = Encoding.ASCII.GetString(buffer.Slice(0, newline.Value));
            input.AdvanceTo(buffer.GetPosition(1, newline.Value));
            if (!line.StartsWith("CTFWD ", StringComparison.Ordinal))
            {
                return null;
            }

            var text = line["CTFWD ".Length..];
            return IPEndPoint.TryParse(text, out var ip) ? ip : new DnsEndPoint("unknown", 0);
        }
    }
}
