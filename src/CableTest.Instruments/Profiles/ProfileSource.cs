namespace CableTest.Instruments.Profiles;

/// <summary>Where a profile's command strings or register map come from.</summary>
/// <param name="Manufacturer">Instrument maker.</param>
/// <param name="Model">Model (series).</param>
/// <param name="Manual">The public manual (title, document number, edition) the profile follows.</param>
/// <param name="Tag">How well it is backed, as in the standards data: V2/V1 (checked against the manual), D (documented elsewhere), M (from memory: unverified), sim (the simulator's own).</param>
/// <param name="Notes">What was checked, what was not.</param>
public sealed record ProfileSource(string Manufacturer, string Model, string Manual, string Tag, string? Notes)
{
    /// <summary>True when the profile has not been checked against its manual (tag M): the product flags it.</summary>
    public bool IsUnverified => Tag == "M";
}
