namespace CableTest.Service.Grpc;

/// <summary>An id the caller named does not exist; becomes NOT_FOUND.</summary>
public sealed class NotFoundException(string kind, string id) : Exception($"{kind} '{CableTest.Domain.Inputs.InputEcho.Prefix(id)}' not found")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
