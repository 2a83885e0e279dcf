namespace CableTest.Service.Grpc;

/// <summary>Something with that id exists already; becomes ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string kind, string id) : Exception($"{kind} '{CableTest.Domain.Inputs.InputEcho.Prefix(id)}' already exists")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
