namespace CableTest.Domain.Standards;

/// <summary>Wire names of <see cref="KtMethod"/> ("alpha20", "iec60228_tableB1").</summary>
public static class KtMethodNames
{
    public const string Alpha20 = "alpha20";
    public const string Iec60228TableB1 = "iec60228_tableB1";

    public static string ToWireName(this KtMethod method) => method switch
    {
        KtMethod.Alpha20 => Alpha20,
        KtMethod.Iec60228TableB1 => Iec60228TableB1,
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static bool TryParse(string? name, out KtMethod method)
    {
        switch (name?.Trim())
        {
            case Alpha20:
                method = KtMethod.Alpha20;
                return true;
            case Iec60228TableB1:
                method = KtMethod.Iec60228TableB1;
                return true;
            default:
                method = default;
                return false;
        }
    }
}
