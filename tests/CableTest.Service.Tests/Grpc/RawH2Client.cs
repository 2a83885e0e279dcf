using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// A minimal HTTP/2 (h2c, prior knowledge) client that issues unary gRPC calls on ONE connection and watches
/// frames, not messages: which streams ended, which got nothing. It reads the socket as slowly as asked and
/// grants flow-control credit as configured, so a test can put the server's output under back pressure.
/// </summary>
internal sealed class RawH2Client : IAsyncDisposable
{
    private const byte Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8;
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private int nextStreamId = 1;

    private RawH2Client(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Streams that ended (END_STREAM seen), by id.</summary>
    public HashSet<int> Ended { get; } = [];

    /// <summary>Bytes of DATA received, by stream id.</summary>
    public Dictionary<int, long> DataBytes { get; } = [];

    public static async Task<RawH2Client> ConnectAsync(int port, int receiveBufferBytes, uint initialStreamWindow)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBufferBytes };
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var client = new RawH2Client(socket);
        var settings = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(settings, 0x4); // SETTINGS_INITIAL_WINDOW_SIZE
        BinaryPrimitives.WriteUInt32BigEndian(settings.AsSpan(2), initialStreamWindow);
        await client.stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
        await client.WriteFrameAsync(Settings, 0, 0, settings);
        return client;
    }

    /// <summary>Sends one unary call (HEADERS, then DATA with END_STREAM); returns its stream id.</summary>
    public async Task<int> SendUnaryAsync(string path, string apiKey, byte[] message)
    {
        var id = Interlocked.Add(ref nextStreamId, 2) - 2;
        var block = new List<byte> { 0x83, 0x86 }; // :method POST, :scheme http
        Literal(block, 0x04, null, path); // :path
        Literal(block, 0x01, null, "127.0.0.1"); // :authority
        Literal(block, 0x0F, null, "application/grpc", extraIndex: 16); // content-type (static index 31)
        Literal(block, 0x00, "te", "trailers");
        Literal(block, 0x00, "x-api-key", apiKey);
        var body = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)message.Length);
        message.CopyTo(body, 5);
        await WriteFrameAsync(Headers, 0x4, id, [.. block]);
        await WriteFrameAsync(Data, 0x1, id, body);
        return id;
    }

    /// <summary>Grants <paramref name="bytes"/> of credit to the connection (stream 0) or one stream.</summary>
    public Task GrantAsync(int streamId, int bytes)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)bytes);
        return WriteFrameAsync(WindowUpdate, 0, streamId, payload);
    }

    /// <summary>Reads the next frame, answering SETTINGS and PING; returns its type, flags, stream and length, or null at the end.</summary>
    public async Task<(byte Type, byte Flags, int StreamId, int Length)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var header = new byte[9];
        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var (type, flags) = (header[3], header[4]);
        var id = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7FFF_FFFF);
        var payload = new byte[length];
        if (!await FillAsync(payload, cancellationToken))
        {
            return null;
        }

        if (type == Settings && (flags & 1) == 0)
        {
            await WriteFrameAsync(Settings, 1, 0, []);
        }
        else if (type == Ping && (flags & 1) == 0)
        {
            await WriteFrameAsync(Ping, 1, 0, payload);
        }
        else if (type == Data)
        {
            DataBytes[id] = DataBytes.GetValueOrDefault(id) + length;
        }

        if (type is Data or Headers or RstStream && ((flags & 1) != 0 || type == RstStream))
        {
            Ended.Add(id);
        }

        return type == GoAway ? null : (type, flags, id, length);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        writeLock.Dispose();
    }

    private static void Literal(List<byte> block, byte indexed, string? name, string value, byte extraIndex = 0)
    {
        block.Add(indexed);
        if (indexed == 0x0F)
        {
            block.Add(extraIndex);
        }

        if (name is not null)
        {
            block.Add((byte)name.Length);
            block.AddRange(Encoding.ASCII.GetBytes(name));
        }

        block.Add((byte)value.Length);
        block.AddRange(Encoding.ASCII.GetBytes(value));
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private async Task WriteFrameAsync(byte type, byte flags, int streamId, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(5), (uint)streamId);
        payload.CopyTo(frame, 9);
        await writeLock.WaitAsync();
        try
        {
            await stream.WriteAsync(frame);
        }
        finally
        {
            writeLock.Release();
        }
    }
}
