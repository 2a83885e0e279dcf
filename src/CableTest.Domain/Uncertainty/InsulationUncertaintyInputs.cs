namespace CableTest.Domain.Uncertainty;

/// <summary>What the budget of an insulation resistance result needs besides the reading itself.</summary>
/// <param name="Meter">A meter specified for resistance_ohm directly (megohmmeter); null when <paramref name="SourceMeasure"/> is given.</param>
/// <param name="SourceMeasure">A V-source / ammeter pair (R = V / I); null when <paramref name="Meter"/> is given.</param>
/// <param name="Length">The limit of error of the immersed length; null: not in the budget (warning).</param>
/// <param name="Diameters">The limit of error of each of d and D (caliper or micrometer, mm), for Ki and rho; null: not in the budget.</param>
/// <param name="Thermometer">The sensor the test temperature was measured with (the bath's PT100, or the ambient sensor in air): its
/// own budget beside the result's; null when the temperature was configured or assumed, or the sensor's accuracy is unknown.</param>
public sealed record InsulationUncertaintyInputs(InstrumentUse? Meter, SourceMeasureUse? SourceMeasure, LengthTolerance? Length, LengthTolerance? Diameters = null,
    InstrumentUse? Thermometer = null);
