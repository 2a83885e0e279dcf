namespace CableTest.Domain.Evaluation;

/// <summary>A case line lacks a field or holds one that is not usable; becomes an "error" result, never a crash.</summary>
public sealed class CaseInputException : Exception
{
    public CaseInputException()
    {
    }

    public CaseInputException(string message)
        : base(message)
    {
    }

    public CaseInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CaseInputException(string reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    public string ReasonCode { get; } = ReasonCodes.InvalidInput;
}
