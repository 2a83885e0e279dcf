namespace CableTest.Instruments.Scpi;

/// <summary>How a SCPI session talks to one instrument.</summary>
public sealed class ScpiSessionOptions
{
    /// <summary>Device identity in logs and recordings (e.g. the role or the configured instrument id).</summary>
    public string Device { get; set; } = "scpi";

    /// <summary>Appended to every command: "\n" (default) or "\r\n".</summary>
    public string WriteTerminator { get; set; } = "\n";

    /// <summary>Byte that ends a reply line (LF by default; a CR before it is dropped).</summary>
    public byte ReadTerminator { get; set; } = (byte)'\n';

    /// <summary>Deadline for one reply. Finite always.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Read <c>SYST:ERR?</c> after each command so a rejected setting is an error, not a silent no-op.</summary>
    public bool CheckErrorsAfterCommand { get; set; } = true;

    /// <summary>Longest reply line accepted before the reply counts as garbage.</summary>
    public int MaxReplyBytes { get; set; } = 4096;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"{nameof(Timeout)} must be within (0, 10 min], was {Timeout}");
        }

        if (string.IsNullOrEmpty(WriteTerminator))
        {
            throw new ArgumentException($"{nameof(WriteTerminator)} must not be empty");
        }

        if (MaxReplyBytes is < 16 or > 1 << 20)
        {
            throw new ArgumentException($"{nameof(MaxReplyBytes)} must be within [16, 1 MiB]");
        }
    }
}
