using System.Globalization;

namespace CableTest.Transports;

/// <summary>Parity of a serial character frame.</summary>
public enum SerialParity
{
    None,
    Even,
    Odd,
}

/// <summary>
/// Character format and speed of a serial line: baud rate, data bits, parity, stop bits (no
/// handshake: RS-232 instruments and RS-485 buses here use none).
/// </summary>
public sealed record SerialSettings
{
    public int BaudRate { get; init; } = 9600;

    public int DataBits { get; init; } = 8;

    public SerialParity Parity { get; init; } = SerialParity.None;

    public int StopBits { get; init; } = 1;

    /// <summary>Bits on the wire per character: start + data + parity + stop (e.g. 10 for 8N1, 11 for 8E1).</summary>
    public int BitsPerCharacter => 1 + DataBits + (Parity == SerialParity.None ? 0 : 1) + StopBits;

    /// <summary>Time one character occupies on the wire.</summary>
    public TimeSpan CharacterTime => TimeSpan.FromSeconds((double)BitsPerCharacter / BaudRate);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public SerialSettings Validate()
    {
        if (BaudRate is < 50 or > 4_000_000)
        {
            throw new ArgumentException($"baud rate {BaudRate} is outside 50..4000000");
        }

        if (DataBits is < 5 or > 8)
        {
            throw new ArgumentException($"data bits {DataBits} must be 5..8");
        }

        if (StopBits is not (1 or 2))
        {
            throw new ArgumentException($"stop bits {StopBits} must be 1 or 2");
        }

        return this;
    }

    /// <summary>e.g. <c>9600 8N1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{BaudRate} {DataBits}{Parity switch { SerialParity.Even => 'E', SerialParity.Odd => 'O', _ => 'N' }}{StopBits}");
}
