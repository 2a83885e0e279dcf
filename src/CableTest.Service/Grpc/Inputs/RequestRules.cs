using CableTest.Domain.Inputs;

namespace CableTest.Service.Grpc.Inputs;

/// <summary>
/// Collects the violations of the shared input policy (<see cref="IdRule"/>, <see cref="TextRule"/>,
/// <see cref="PhysicalRange"/>) for one request, field by field, and throws them all at once as
/// INVALID_ARGUMENT. The gRPC and JSON routes share it, because both reach the same service method.
/// </summary>
internal sealed class RequestRules
{
    private readonly List<FieldViolation> violations = [];

    /// <summary>A required id (<see cref="IdRule"/>).</summary>
    public RequestRules Id(string value, string field) => OptionalId(value, field, required: true);

    /// <summary>An id that may be empty (a filter, a client-chosen request id).</summary>
    public RequestRules OptionalId(string value, string field, bool required = false)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                violations.Add(new(field, "required: " + IdRule.Description));
            }
        }
        else if (!IdRule.IsValid(value))
        {
            violations.Add(new(field, IdRule.Description));
        }

        return this;
    }

    /// <summary>Free text within its <paramref name="rule"/>.</summary>
    public RequestRules Text(string value, TextRule rule, string field)
    {
        if (rule.Problem(value) is { } problem)
        {
            violations.Add(new(field, problem));
        }

        return this;
    }

    /// <summary>A finite number in its physical <paramref name="range"/>.</summary>
    public RequestRules Number(double value, PhysicalRange range, string field)
    {
        if (range.Problem(value) is { } problem)
        {
            violations.Add(new(field, problem));
        }

        return this;
    }

    /// <summary>A violation found by the caller.</summary>
    public RequestRules Add(string field, string description)
    {
        violations.Add(new(field, description));
        return this;
    }

    /// <summary>Throws INVALID_ARGUMENT with every violation found, if any.</summary>
    public void ThrowIfAny()
    {
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }
    }
}
