namespace CableTest.Service.Grpc;

/// <summary>One reason the bench cannot do what was asked: a google.rpc PreconditionFailure violation.</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);

/// <summary>
/// The request is well formed but the bench cannot do it now (busy, instrument unavailable,
/// calibration overdue, run not awaiting that prompt); becomes FAILED_PRECONDITION with a
/// PreconditionFailure detail listing every <see cref="Violations"/> entry.
/// </summary>
public sealed class PreconditionFailedException : Exception
{
    public PreconditionFailedException(string type, string subject, string message)
        : base(message)
    {
        Violations = [new PreconditionViolation(type, subject, message)];
    }

    public PreconditionFailedException(IReadOnlyList<PreconditionViolation> violations)
        : base(string.Join("; ", violations.Select(v => v.Description)))
    {
        Violations = violations;
    }

    public string Type => Violations[0].Type;

    public string Subject => Violations[0].Subject;

    public IReadOnlyList<PreconditionViolation> Violations { get; }
}
