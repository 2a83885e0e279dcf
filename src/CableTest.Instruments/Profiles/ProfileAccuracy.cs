using CableTest.Domain.Uncertainty;

namespace CableTest.Instruments.Profiles;

/// <summary>
/// A profile's accuracy specification: per quantity (resistance_ohm, temperature_c, voltage_v, current_a...) the rows per
/// range with their tags, the sources the rows cite by id, and what is still unconfirmed.
/// </summary>
/// <param name="Quantities">The specification of each quantity the instrument measures or sources.</param>
/// <param name="Sources">The public sources, by id (A1, A2...).</param>
/// <param name="Unconfirmed">What could not be confirmed (every profile with an M row lists it).</param>
public sealed record ProfileAccuracy(
    IReadOnlyDictionary<string, InstrumentAccuracy> Quantities,
    IReadOnlyDictionary<string, ProfileReference> Sources,
    IReadOnlyList<string> Unconfirmed)
{
    public static ProfileAccuracy None { get; } = new(new Dictionary<string, InstrumentAccuracy>(), new Dictionary<string, ProfileReference>(), []);

    /// <summary>The specification for <paramref name="quantity"/>, or null when the profile states none.</summary>
    public InstrumentAccuracy? For(string quantity) => Quantities.TryGetValue(quantity, out var accuracy) ? accuracy : null;
}
