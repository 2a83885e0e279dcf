namespace CableTest.Domain.Uncertainty;

/// <summary>What the budget of a conductor resistance result needs besides the reading itself.</summary>
/// <param name="Meter">The resistance meter (accuracy for resistance_ohm) and the range the reading was taken on.</param>
/// <param name="Thermometer">The temperature sensor the conductor temperature came from (accuracy for temperature_c); null: no temperature component (stated as a warning).</param>
/// <param name="Length">The limit of error of the length between the potential terminals; null: no length component (stated as a warning).</param>
public sealed record ConductorUncertaintyInputs(InstrumentUse Meter, InstrumentUse? Thermometer, LengthTolerance? Length);
