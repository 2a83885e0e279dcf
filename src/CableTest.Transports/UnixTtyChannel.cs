using System.Runtime.InteropServices;
using CableTest.Transports.Unix;

namespace CableTest.Transports;

/// <summary>
/// A Linux tty (serial port, USB adapter or pseudo-terminal) driven through termios and poll(2):
/// raw mode, the requested speed and character format, non-blocking I/O, and a read that wakes as
/// soon as bytes arrive. System.IO.Ports' Unix stream polls with 1 ms sleeps (about 285 round trips
/// per second on a pty); this path is limited by the kernel, not by a timer.
/// </summary>
public sealed class UnixTtyChannel : IByteChannel
{
    private readonly string? path;
    private readonly SerialSettings? settings;
    private FileDescriptor? fd;
    private ReadinessWaiter? waiter;
    private bool peerClosed;

    /// <summary>A tty opened by path, e.g. <c>/dev/ttyUSB0</c> or <c>/dev/pts/3</c>.</summary>
    public UnixTtyChannel(string path, SerialSettings settings)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the termios transport is for Linux; use SerialPortChannel (impl=ports) elsewhere");
        }

        this.path = path;
        this.settings = settings.Validate();
        Name = "serial:" + path;
    }

    /// <summary>An already open descriptor (the master side of a pseudo-terminal).</summary>
    internal UnixTtyChannel(FileDescriptor descriptor, string name)
    {
        fd = descriptor;
        Name = name;
        waiter = new ReadinessWaiter(descriptor.Fd, name);
    }

    public string Name { get; }

    public bool IsOpen => fd is not null && !peerClosed;

    public SerialSettings? Settings => settings;

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (path is null)
        {
            if (fd is null)
            {
                throw new TransportException($"{Name}: closed and cannot be reopened (it was created by its owner)", isTransient: false);
            }

            return ValueTask.CompletedTask;
        }

        if (fd is not null && !peerClosed)
        {
            return ValueTask.CompletedTask;
        }

        Release();
        var raw = LibC.Open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (raw < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ENOENT/ENXIO/EBUSY/EACCES can all clear (adapter replugged, another program closed it).
            throw new TransportException($"{Name}: cannot open: {LibC.Describe(errno)}", isTransient: true);
        }

        var descriptor = new FileDescriptor(raw);
        try
        {
            TtyConfigurator.MakeRaw(raw, settings);
            _ = LibC.TcFlush(raw, LibC.TCIOFLUSH);
            waiter = new ReadinessWaiter(raw, Name);
            fd = descriptor;
            peerClosed = false;
        }
        catch (IOException e)
        {
            descriptor.Dispose();
            throw new TransportException($"{Name}: cannot configure {settings}: {e.Message}", isTransient: false, e);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CloseAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var (descriptor, w) = Current();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = TryRead(descriptor, buffer.Span, out var errno);
            if (n > 0)
            {
                return n;
            }

            if (n == 0 || errno == LibC.EIO)
            {
                // EOF (the other side of a pty closed) or EIO (no slave open on a pty master).
                peerClosed = true;
                return 0;
            }

            if (errno is LibC.EAGAIN or LibC.EINTR)
            {
                // A reply usually follows a request within a few hundred microseconds: look again a few
                // times on this thread before handing the wait to the poll thread (a thread hop each way).
                if (SpinUntilReadable(descriptor))
                {
                    continue;
                }

                await w.WaitReadableAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new TransportException($"{Name}: read failed: {LibC.Describe(errno)}", isTransient: true);
        }
    }

    /// <summary>How long a read looks for bytes on its own thread before parking on the poll thread. Zero disables it.</summary>
    public TimeSpan SpinBeforeWait { get; init; } = TimeSpan.FromMicroseconds(300);

    private static unsafe bool Readable(FileDescriptor descriptor)
    {
        var fd = new LibC.PollFd { Fd = descriptor.Fd, Events = LibC.POLLIN };
        return LibC.Poll(&fd, 1, 0) > 0;
    }

    private bool SpinUntilReadable(FileDescriptor descriptor) => ReadSpin.Until(descriptor, static d => Readable(d), SpinBeforeWait);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var (descriptor, w) = Current();
        while (!data.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = TryWrite(descriptor, data.Span, out var errno);
            if (n > 0)
            {
                data = data[n..];
                continue;
            }

            if (errno is LibC.EAGAIN or LibC.EINTR)
            {
                await w.WaitWritableAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            peerClosed = errno == LibC.EIO;
            throw new TransportException($"{Name}: write failed: {LibC.Describe(errno)}", isTransient: true);
        }
    }

    public ValueTask DiscardInputAsync(CancellationToken cancellationToken)
    {
        var (descriptor, _) = Current();
        _ = LibC.TcFlush(descriptor.Fd, LibC.TCIFLUSH);
        Span<byte> scratch = stackalloc byte[256];
        while (TryRead(descriptor, scratch, out _) > 0)
        {
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private (FileDescriptor Fd, ReadinessWaiter Waiter) Current() =>
        fd is { } d && waiter is { } w ? (d, w) : throw new TransportException($"{Name}: not open", isTransient: true);

    private static unsafe int TryRead(FileDescriptor descriptor, Span<byte> buffer, out int errno)
    {
        fixed (byte* p = buffer)
        {
            var n = (int)LibC.Read(descriptor.Fd, p, buffer.Length);
            errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            return n;
        }
    }

    private static unsafe int TryWrite(FileDescriptor descriptor, ReadOnlySpan<byte> data, out int errno)
    {
        fixed (byte* p = data)
        {
            var n = (int)LibC.Write(descriptor.Fd, p, data.Length);
            errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            return n;
        }
    }

    private void Release()
    {
        waiter?.Dispose();
        waiter = null;
        if (path is not null)
        {
            fd?.Dispose();
            fd = null;
        }
    }
}
