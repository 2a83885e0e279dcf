namespace CableTest.Instruments;

/// <summary>No complete reply arrived before the exchange's deadline.</summary>
public sealed class InstrumentTimeoutException : InstrumentException
{
    /// <summary>Creates the exception.</summary>
    public InstrumentTimeoutException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InstrumentTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InstrumentTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
