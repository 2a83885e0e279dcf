namespace CableTest.Protocols.Modbus;

/// <summary>
/// The Modbus RTU CRC-16: polynomial 0xA001 (0x8005 reflected), initial value 0xFFFF, sent low byte
/// first. Table-driven, one lookup per byte.
/// </summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/> as a number (low byte goes on the wire first).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        var table = Table;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(byte)(crc ^ b)]);
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="data"/> to <paramref name="destination"/> (2 bytes, low first).</summary>
    public static void Write(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var crc = Compute(data);
        destination[0] = (byte)crc;
        destination[1] = (byte)(crc >> 8);
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 3)
        {
            return false;
        }

        var crc = Compute(frame[..^2]);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
