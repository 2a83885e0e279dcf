namespace CableTest.Service.Grpc;

/// <summary>A request field that is missing or out of range; becomes INVALID_ARGUMENT with a BadRequest detail.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>A bad request: every violation found, not only the first.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
