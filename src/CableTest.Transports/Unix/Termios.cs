using System.Runtime.InteropServices;

namespace CableTest.Transports.Unix;

/// <summary>glibc's <c>struct termios</c> on Linux (x86_64 and aarch64): 60 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios
{
    public const int VTIME = 5;
    public const int VMIN = 6;

    public const uint CSIZE = 0x30;
    public const uint CS5 = 0x00;
    public const uint CS6 = 0x10;
    public const uint CS7 = 0x20;
    public const uint CS8 = 0x30;
    public const uint CSTOPB = 0x40;
    public const uint CREAD = 0x80;
    public const uint PARENB = 0x100;
    public const uint PARODD = 0x200;
    public const uint HUPCL = 0x400;
    public const uint CLOCAL = 0x800;
    public const uint CBAUD = 0x100F;
    public const uint BOTHER = 0x1000;
    public const uint CRTSCTS = 0x80000000;
    public const uint INPCK = 0x10;
    public const uint IXON = 0x400;
    public const uint IXOFF = 0x1000;

    public uint IFlag;
    public uint OFlag;
    public uint CFlag;
    public uint LFlag;
    public byte Line;
    public fixed byte CC[32];
    public uint ISpeed;
    public uint OSpeed;
}

/// <summary>Linux's <c>struct termios2</c> (for arbitrary baud rates with BOTHER): 44 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios2
{
    public uint IFlag;
    public uint OFlag;
    public uint CFlag;
    public uint LFlag;
    public byte Line;
    public fixed byte CC[19];
    public uint ISpeed;
    public uint OSpeed;
}
