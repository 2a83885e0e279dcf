namespace CableTest.Storage.Runs;

/// <summary>
/// A verdict record read from the store does not match its hashes (edited evidence, an edited index
/// column, a forged link): it must not be served. <see cref="Sequence"/> names the record.
/// </summary>
public sealed class VerdictIntegrityException : Exception
{
    public VerdictIntegrityException(long sequence, string detail)
        : base($"verdict record at sequence {sequence} does not match its hashes: {detail}")
    {
        Sequence = sequence;
        Detail = detail;
    }

    public VerdictIntegrityException()
    {
        Detail = "";
    }

    public VerdictIntegrityException(string message)
        : base(message)
    {
        Detail = message;
    }

    public VerdictIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public long Sequence { get; }

    public string Detail { get; }
}
