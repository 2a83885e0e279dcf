namespace CableTest.Instruments.Profiles;

/// <summary>Where a profile's command strings or register map come from.</summary>
/// <param name="Manufacturer">Instrument maker.</param>
/// <param name="Model">Model (series).</param>
/// <param name="Manual">The public manual (title, document number, edition) the profile follows.</param>
/// <param name="Tag">How well it is backed, as in the standards data: V2 (two independent public sources agree), V1 (one), D (documented elsewhere), M (from memory or only partly confirmed: flagged at use), sim (the simulator's own).</param>
/// <param name="Notes">What was checked and how, in our own words.</param>
/// <param name="Sources">The public sources checked and what each confirms (required for V1, V2 and D; at least two for V2).</param>
/// <param name="Unconfirmed">What could not be confirmed (forbidden for V1 and V2; every shipped M profile lists it).</param>
public sealed record ProfileSource(
    string Manufacturer,
    string Model,
    string Manual,
    string Tag,
    string? Notes,
    IReadOnlyList<ProfileReference> Sources,
    IReadOnlyList<string> Unconfirmed)
{
    /// <summary>True when the profile has not been fully checked against public sources (tag M): the product flags it.</summary>
    public bool IsUnverified => Tag == "M";
}
