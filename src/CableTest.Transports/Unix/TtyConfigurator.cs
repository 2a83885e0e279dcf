using System.Runtime.InteropServices;

namespace CableTest.Transports.Unix;

/// <summary>Puts a tty in raw mode with the given speed and character format (termios).</summary>
internal static unsafe class TtyConfigurator
{
    private static readonly Dictionary<int, uint> StandardSpeeds = new()
    {
        [50] = 0x1, [75] = 0x2, [110] = 0x3, [134] = 0x4, [150] = 0x5, [200] = 0x6, [300] = 0x7, [600] = 0x8,
        [1200] = 0x9, [1800] = 0xA, [2400] = 0xB, [4800] = 0xC, [9600] = 0xD, [19200] = 0xE, [38400] = 0xF,
        [57600] = 0x1001, [115200] = 0x1002, [230400] = 0x1003, [460800] = 0x1004, [500000] = 0x1005,
        [576000] = 0x1006, [921600] = 0x1007, [1000000] = 0x1008, [1152000] = 0x1009, [1500000] = 0x100A,
        [2000000] = 0x100B, [2500000] = 0x100C, [3000000] = 0x100D, [3500000] = 0x100E, [4000000] = 0x100F,
    };

    /// <summary>
    /// Raw mode: no echo, no line editing, no translation. VMIN = 1, VTIME = 0 with O_NONBLOCK: a read
    /// returns what is there or EAGAIN (VMIN = 0 would make "no data" look like end-of-file).
    /// </summary>
    public static void MakeRaw(int fd, SerialSettings? settings)
    {
        Termios t;
        if (LibC.TcGetAttr(fd, &t) != 0)
        {
            throw LibC.Failure("tcgetattr", Marshal.GetLastPInvokeError());
        }

        LibC.CfMakeRaw(&t);
        t.CC[Termios.VMIN] = 1;
        t.CC[Termios.VTIME] = 0;
        t.IFlag &= ~(Termios.IXON | Termios.IXOFF);
        t.CFlag |= Termios.CREAD | Termios.CLOCAL;
        t.CFlag &= ~(Termios.CRTSCTS | Termios.HUPCL);
        uint? custom = null;
        if (settings is not null)
        {
            t.CFlag &= ~(Termios.CSIZE | Termios.CSTOPB | Termios.PARENB | Termios.PARODD);
            t.CFlag |= settings.DataBits switch { 5 => Termios.CS5, 6 => Termios.CS6, 7 => Termios.CS7, _ => Termios.CS8 };
            if (settings.StopBits == 2)
            {
                t.CFlag |= Termios.CSTOPB;
            }

            if (settings.Parity != SerialParity.None)
            {
                t.CFlag |= Termios.PARENB | (settings.Parity == SerialParity.Odd ? Termios.PARODD : 0);
                t.IFlag |= Termios.INPCK;
            }

            if (StandardSpeeds.TryGetValue(settings.BaudRate, out var code))
            {
                LibC.CfSetISpeed(&t, code);
                LibC.CfSetOSpeed(&t, code);
            }
            else
            {
                custom = (uint)settings.BaudRate;
            }
        }

        if (LibC.TcSetAttr(fd, LibC.TCSANOW, &t) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != LibC.EINVAL || (t.CFlag & Termios.PARENB) == 0 || !IsPseudoTerminal(fd))
            {
                throw LibC.Failure("tcsetattr", errno);
            }

            // A pseudo-terminal carries bytes, not bits: Linux's pty driver clears PARENB, and glibc's
            // tcsetattr then reports EINVAL because the kernel changed it. Configure what a pty allows
            // (its other end never sees a parity bit either), so a simulated RS-485 line with even
            // parity opens as often as a driver reconnects.
            t.CFlag &= ~(Termios.PARENB | Termios.PARODD);
            t.IFlag &= ~Termios.INPCK;
            if (LibC.TcSetAttr(fd, LibC.TCSANOW, &t) != 0)
            {
                throw LibC.Failure("tcsetattr", Marshal.GetLastPInvokeError());
            }
        }

        if (custom is { } baud)
        {
            SetCustomSpeed(fd, baud);
        }
    }

    /// <summary>True when <paramref name="fd"/> is a Unix98 pseudo-terminal (<c>/dev/pts/N</c>, or the master <c>/dev/ptmx</c>).</summary>
    public static bool IsPseudoTerminal(int fd)
    {
        var target = new FileInfo("/proc/self/fd/" + fd.ToString(System.Globalization.CultureInfo.InvariantCulture)).LinkTarget;
        return target is not null && (target.StartsWith("/dev/pts/", StringComparison.Ordinal) || target == "/dev/ptmx");
    }

    /// <summary>Linux termios2 with BOTHER: any baud rate the driver can divide to.</summary>
    private static void SetCustomSpeed(int fd, uint baud)
    {
        Termios2 t2;
        if (LibC.Ioctl(fd, LibC.TCGETS2, &t2) != 0)
        {
            throw LibC.Failure($"baud rate {baud} is not a standard rate and TCGETS2 failed", Marshal.GetLastPInvokeError());
        }

        t2.CFlag &= ~Termios.CBAUD;
        t2.CFlag |= Termios.BOTHER;
        t2.ISpeed = baud;
        t2.OSpeed = baud;
        if (LibC.Ioctl(fd, LibC.TCSETS2, &t2) != 0)
        {
            throw LibC.Failure($"baud rate {baud} rejected by the driver", Marshal.GetLastPInvokeError());
        }
    }
}
