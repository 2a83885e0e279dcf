namespace CableTest.Domain.Standards;

/// <summary>
/// The result of a catalogue lookup: the value, or why there is none (a reason code such as
/// "no_limit_defined" and a message). A lookup never falls back to another row.
/// </summary>
public sealed class Lookup<T>
    where T : class
{
    private Lookup(T? value, string? reasonCode, string? detail)
    {
        Value = value;
        ReasonCode = reasonCode;
        Detail = detail;
    }

    public T? Value { get; }

    public string? ReasonCode { get; }

    public string? Detail { get; }

    public bool Found => Value is not null;

    public static Lookup<T> Of(T value) => new(value, null, null);

    public static Lookup<T> Missing(string reasonCode, string detail) => new(null, reasonCode, detail);
}
