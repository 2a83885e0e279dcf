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

    /// <summary>
    /// Relays one HTTP/1.1 connection to the internal endpoint and back, until the internal endpoint
    /// closes it: its answers are what the client is owed, so they are copied to the end before the
    /// client's side is closed. The internal endpoint closes after a request it refuses before reading it
    /// all (414 for a request line too long, 400 "request body too large", other 400s): the client may still be
    /// sending then, so its further bytes are read and dropped, and after the answer and the close went
    /// out they are read for up to <see cref="LingerTime"/> more. Closing a TCP socket with unread bytes
    /// makes the kernel send a reset, and a reset arriving first makes the client drop the answer
    /// ("response ended prematurely", "broken pipe"); before this, the relay ended as soon as either
    /// direction did and cut up to one answer in five to such requests (CleartextRelayTests).
    /// </summary>
    private static async Task RelayToHttp1Async(ConnectionContext connection, string socketPath)
    {
        var closed = connection.ConnectionClosed;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), closed).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var preamble = Encoding.ASCII.GetBytes($"CTFWD {connection.RemoteEndPoint?.ToString() ?? "unknown"}\n");
        await stream.WriteAsync(preamble, closed).ConfigureAwait(false);

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(closed);
        var upstream = RelayRequestsAsync(connection.Transport.Input, stream, socket, reading.Token);
        try
        {
            await stream.CopyToAsync(connection.Transport.Output, closed).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            // The client went away: nothing more to answer.
        }

        await connection.Transport.Output.CompleteAsync().ConfigureAwait(false);
        reading.CancelAfter(LingerTime);
        await Quietly(upstream).ConfigureAwait(false);
    }

    /// <summary>How long the client's further bytes are still read after its connection was answered and closed.</summary>
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The client's bytes to the internal endpoint; once the client has sent all it will (end of its
    /// stream) the internal endpoint is told so. If the internal endpoint stops taking them (it closed
    /// after refusing a request), the rest is read and dropped until the client stops or is cancelled.
    /// </summary>
    private static async Task RelayRequestsAsync(PipeReader input, NetworkStream stream, Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await input.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
            return;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The internal endpoint closed its side: drop what else the client sends.
        }

        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    private static bool IsConnectionEnd(Exception e) =>
        e is IOException or OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException;

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            // The client went away, or stopped sending within the linger time.
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
