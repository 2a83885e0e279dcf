namespace CableTest.Runs.Model;

/// <summary>A state change the run's rules forbid (a bug in the caller, never an outcome).</summary>
public sealed class IllegalRunTransitionException : InvalidOperationException
{
    public IllegalRunTransitionException()
    {
    }

    public IllegalRunTransitionException(string message)
        : base(message)
    {
    }

    public IllegalRunTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
