using System.Text.Json.Nodes;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

/// <summary>
/// The optional uncertainty inputs of a case: an instrument by profile name (<c>meter_profile</c>, resolved by the
/// <see cref="AccuracyResolver"/> the caller gives, e.g. the CLI's instrument profiles) or inline (<c>meter_accuracy</c>:
/// one row {range, resolution, reading_pct, range_pct, offset, digits, tag}), the range used (<c>meter_range</c>), the
/// length's tolerance (<c>length_tolerance_mm</c> or <c>tape_class</c>) and the diameters' (<c>diameter_tolerance_mm</c>).
/// </summary>
public sealed partial class CaseEvaluator
{
    /// <summary>Finds a profile's accuracy for a quantity (profile name, quantity such as resistance_ohm); null when unknown.</summary>
    public Func<string, string, InstrumentAccuracy?>? AccuracyResolver { get; init; }

    private InstrumentUse? Instrument(CaseFields f, string prefix, string quantity, string unit)
    {
        var range = f.OptDecimal(prefix + "_range", prefix + "_range_" + unit);
        if (f.OptString(prefix + "_profile") is { } profile)
        {
            var accuracy = AccuracyResolver?.Invoke(profile, quantity)
                ?? throw new CaseInputException($"'{prefix}_profile': no instrument profile '{profile}' with an accuracy for {quantity}{(AccuracyResolver is null ? " (profiles are not loaded here)" : "")}");
            return new InstrumentUse(accuracy, range);
        }

        return f.OptObject(prefix + "_accuracy") is { } inline ? new InstrumentUse(Inline(inline, prefix, quantity, unit), range) : null;
    }

    private static InstrumentAccuracy Inline(JsonObject o, string prefix, string quantity, string unit)
    {
        var row = new CaseFields(o);
        var tag = row.OptString("tag") ?? "lab";
        return new InstrumentAccuracy(row.OptString("instrument") ?? prefix, quantity, unit, row.OptString("conditions") ?? "as given in the case",
        [
            new AccuracyRow(row.Decimal("range"), row.Decimal("resolution"), row.OptDecimal("reading_pct") ?? 0m, row.OptDecimal("range_pct") ?? 0m,
                row.OptDecimal("offset") ?? 0m, (int)(row.OptDecimal("digits") ?? 0m), tag, []),
        ]);
    }

    private static LengthTolerance? Length(CaseFields f, decimal lengthM) =>
        f.OptDecimal("length_tolerance_mm") is { } mm ? new LengthTolerance(mm, "length tolerance given in the case", "lab")
        : f.OptDecimal("tape_class") is { } tape ? LengthTolerance.Tape((int)tape, lengthM)
        : null;

    private ConductorUncertaintyInputs? ConductorUncertainty(CaseFields f, decimal lengthM) =>
        Instrument(f, "meter", "resistance_ohm", "ohm") is { } meter
            ? new ConductorUncertaintyInputs(meter, Instrument(f, "thermometer", "temperature_c", "c"), Length(f, lengthM))
            : null;

    private InsulationUncertaintyInputs? InsulationUncertainty(CaseFields f, decimal lengthM)
    {
        var diameters = f.OptDecimal("diameter_tolerance_mm") is { } mm ? new LengthTolerance(mm, "diameter tolerance given in the case", "lab") : null;
        if (f.OptString("meter_profile") is { } profile && AccuracyResolver?.Invoke(profile, "resistance_ohm") is null
            && AccuracyResolver?.Invoke(profile, "voltage_v") is { } source && AccuracyResolver(profile, "current_a") is { } ammeter)
        {
            return new InsulationUncertaintyInputs(null, new SourceMeasureUse(source, ammeter, f.OptDecimal("meter_range_a")), Length(f, lengthM), diameters);
        }

        return Instrument(f, "meter", "resistance_ohm", "ohm") is { } meter ? new InsulationUncertaintyInputs(meter, null, Length(f, lengthM), diameters) : null;
    }

    private WithstandUncertaintyInputs? WithstandUncertainty(CaseFields f) =>
        Instrument(f, "voltmeter", "voltage_v", "v") is { } voltmeter ? new WithstandUncertaintyInputs(voltmeter) : null;
}
