using System.Runtime.InteropServices;
using System.Text;
using CableTest.Transports.Unix;

namespace CableTest.Transports;

/// <summary>
/// A pseudo-terminal pair made with openpty(3): the owner (the hardware simulator, a test) drives the
/// master through <see cref="Master"/>; instruments' drivers open <see cref="SlavePath"/> (or the
/// stable <see cref="LinkPath"/>) as if it were a serial port. Both sides are in raw mode. The pair
/// keeps a slave descriptor of its own, so a driver closing and reopening the port is a reconnect,
/// not a hang-up of the master.
/// </summary>
public sealed class PseudoTerminal : IAsyncDisposable
{
    private readonly FileDescriptor slaveKeepAlive;

    private PseudoTerminal(UnixTtyChannel master, FileDescriptor slave, string slavePath, string? linkPath)
    {
        Master = master;
        slaveKeepAlive = slave;
        SlavePath = slavePath;
        LinkPath = linkPath;
    }

    /// <summary>The owner's end.</summary>
    public UnixTtyChannel Master { get; }

    /// <summary>The device path of the other end, e.g. <c>/dev/pts/7</c>.</summary>
    public string SlavePath { get; }

    /// <summary>A stable symlink to <see cref="SlavePath"/>, when one was asked for.</summary>
    public string? LinkPath { get; }

    /// <summary>The path drivers should open: the link when there is one.</summary>
    public string DevicePath => LinkPath ?? SlavePath;

    /// <summary>Opens a pair; <paramref name="linkPath"/> (optional) becomes a symlink to the slave.</summary>
    public static unsafe PseudoTerminal Open(string? linkPath = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("pseudo-terminals are created through openpty on Linux");
        }

        int master, slave;
        if (LibC.OpenPty(&master, &slave, null, null, null) != 0)
        {
            throw LibC.Failure("openpty", Marshal.GetLastPInvokeError());
        }

        var masterFd = new FileDescriptor(master);
        var slaveFd = new FileDescriptor(slave);
        try
        {
            var name = stackalloc byte[128];
            if (LibC.PtsNameR(master, name, 128) != 0)
            {
                throw LibC.Failure("ptsname_r", Marshal.GetLastPInvokeError());
            }

            var slavePath = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(name, 128).TrimEnd((byte)0).ToArray());
            TtyConfigurator.MakeRaw(slave, null);
            TtyConfigurator.MakeRaw(master, null);
            SetNonBlocking(master);
            if (linkPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(linkPath))!);
                if (File.Exists(linkPath) || Directory.Exists(linkPath) || new FileInfo(linkPath).LinkTarget is not null)
                {
                    File.Delete(linkPath);
                }

                File.CreateSymbolicLink(linkPath, slavePath);
            }

            return new PseudoTerminal(new UnixTtyChannel(masterFd, "pty:" + (linkPath ?? slavePath)), slaveFd, slavePath, linkPath);
        }
        catch
        {
            masterFd.Dispose();
            slaveFd.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Master.DisposeAsync().ConfigureAwait(false);
        slaveKeepAlive.Dispose();
        if (LinkPath is not null && new FileInfo(LinkPath).LinkTarget == SlavePath)
        {
            File.Delete(LinkPath);
        }
    }

    private static void SetNonBlocking(int fd)
    {
        const int F_GETFL = 3, F_SETFL = 4;
        var flags = LibC.Fcntl(fd, F_GETFL, 0);
        if (flags < 0 || LibC.Fcntl(fd, F_SETFL, flags | LibC.O_NONBLOCK) < 0)
        {
            throw LibC.Failure("fcntl O_NONBLOCK", Marshal.GetLastPInvokeError());
        }
    }
}
