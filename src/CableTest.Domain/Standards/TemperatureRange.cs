namespace CableTest.Domain.Standards;

/// <summary>A closed temperature interval [MinC, MaxC], with the provenance of its bounds.</summary>
public sealed record TemperatureRange(decimal MinC, decimal MaxC, Provenance? Provenance = null)
{
    public bool Contains(decimal temperatureC) => temperatureC >= MinC && temperatureC <= MaxC;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{MinC}, {MaxC}] degC");
}
