namespace CableTest.Domain.Comparison;

/// <summary>An external results file that cannot be used: the field (a JSON path such as <c>results[1].unit</c>) and what is wrong with it.</summary>
public sealed class ExternalInspectionException : Exception
{
    public ExternalInspectionException(string field, string problem)
        : base(field.Length == 0 ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public ExternalInspectionException()
        : this("", "not a results file")
    {
    }

    public ExternalInspectionException(string message)
        : this("", message)
    {
    }

    public ExternalInspectionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
        Problem = message;
    }

    /// <summary>JSON path of the field, e.g. "results[1].expanded_uncertainty" ("" for the document itself).</summary>
    public string Field { get; }

    public string Problem { get; }
}
