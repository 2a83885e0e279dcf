namespace CableTest.Instruments;

/// <summary>
/// Communication with an instrument broke (no reply, a garbage reply, the instrument reported an error).
/// A failing cable is never an exception: it is a verdict.
/// </summary>
public class InstrumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InstrumentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InstrumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InstrumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when retrying the same request later may succeed (timeout, line dropped, device busy).</summary>
    public virtual bool IsTransient => false;
}
