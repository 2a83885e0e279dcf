namespace CableTest.Service.Grpc;

/// <summary>
/// The request is well formed but the bench cannot do it now (busy, instrument unavailable,
/// calibration overdue, run not awaiting that prompt); becomes FAILED_PRECONDITION with a
/// PreconditionFailure detail of <paramref name="type"/> / <paramref name="subject"/>.
/// </summary>
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    public string Type { get; } = type;

    public string Subject { get; } = subject;
}
