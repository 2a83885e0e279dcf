using CableTest.Instruments;

namespace CableTest.Runs.Procedures;

/// <summary>
/// An instrument answered with a number that cannot be a reading (NaN, infinity, beyond any range) without
/// flagging it as over range: a garbled or misparsed reply. The step ends with this fault, never with a verdict.
/// </summary>
public sealed class ImplausibleReadingException : InstrumentException
{
    public ImplausibleReadingException()
    {
    }

    public ImplausibleReadingException(string message)
        : base(message)
    {
    }

    public ImplausibleReadingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
