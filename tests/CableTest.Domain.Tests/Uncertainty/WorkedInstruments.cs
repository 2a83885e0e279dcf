using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Tests.Uncertainty;

/// <summary>
/// The accuracy rows the worked cases use, as the instrument profiles state them (src/CableTest.Instruments/Profiles/Data;
/// ProfileAccuracyTests in CableTest.Instruments.Tests checks the profiles say the same).
/// </summary>
internal static class WorkedInstruments
{
    private static AccuracyRow Row(decimal range, decimal resolution, decimal readingPct, decimal rangePct, string tag, decimal offset = 0m, int digits = 0) =>
        new(range, resolution, readingPct, rangePct, offset, digits, tag, ["A1"]);

    /// <summary>Keithley DMM6500, 4-wire ohms, 1 year (data sheet; V1): 1 Ω range ±(0.0085 % rdg + 0.0200 % range), resolution 1 µΩ.</summary>
    public static InstrumentAccuracy Dmm6500 { get; } = new("keithley-dmm6500", "resistance_ohm", "Ω", "1 year, 23 °C ± 5 °C, 4-wire",
        [Row(1m, 0.000001m, 0.0085m, 0.0200m, "V1"), Row(10m, 0.00001m, 0.0085m, 0.0020m, "V1"), Row(100m, 0.0001m, 0.0085m, 0.0020m, "V1")]);

    /// <summary>Keysight 34465A, 4-wire ohms, 1 year (M): 100 Ω range ±(0.0100 % rdg + 0.0040 % range), resolution 100 µΩ.</summary>
    public static InstrumentAccuracy Keysight34465A { get; } = new("keysight-34465a", "resistance_ohm", "Ω", "1 year, 23 °C ± 5 °C, 4-wire",
        [Row(100m, 0.0001m, 0.0100m, 0.0040m, "M"), Row(1000m, 0.001m, 0.0100m, 0.0010m, "M")]);

    /// <summary>XY-MD02 (SHT20 inside, D): ±0.3 °C, resolution 0.1 °C (register ×10).</summary>
    public static InstrumentAccuracy XyMd02 { get; } = new("xymd02", "temperature_c", "°C", "SHT20 typical tolerance at 25 °C",
        [Row(125m, 0.1m, 0m, 0m, "D", offset: 0.3m)]);

    /// <summary>Renke RS-WS-N01-8, B grade (V1): ±0.5 °C at 25 °C, resolution 0.1 °C.</summary>
    public static InstrumentAccuracy RenkeRsWsN01 { get; } = new("renke-rs-ws-n01", "temperature_c", "°C", "B grade (default), 25 °C",
        [Row(80m, 0.1m, 0m, 0m, "V1", offset: 0.5m)]);

    /// <summary>The simulator's bath PT100 (sim-bath profile, tag sim): 200 °C range, ±0.2 °C, resolution 0.1 °C.</summary>
    public static InstrumentAccuracy SimBath { get; } = new("sim-bath", "temperature_c", "°C", "SIM-PT100-1 design",
        [Row(200m, 0.1m, 0m, 0m, "sim", offset: 0.2m)]);

    /// <summary>Keithley 6517B V-source (M): 1000 V range ±(0.15 % setting + 100 mV).</summary>
    public static InstrumentAccuracy K6517BSource { get; } = new("keithley-6517b", "voltage_v", "V", "1 year, 18-28 °C",
        [Row(100m, 0.005m, 0.15m, 0m, "M", offset: 0.01m), Row(1000m, 0.05m, 0.15m, 0m, "M", offset: 0.1m)]);

    /// <summary>Keithley 6517B ammeter, 1 year (data sheet, V1): 200 µA range ±(0.1 % + 5 nA), resolution 100 pA.</summary>
    public static InstrumentAccuracy K6517BAmmeter { get; } = new("keithley-6517b", "current_a", "A", "1 year, 18-28 °C, 6½ digits, 1 PLC",
        [Row(0.00002m, 0.00000000001m, 0.1m, 0m, "V1", offset: 0.0000000005m), Row(0.0002m, 0.0000000001m, 0.1m, 0m, "V1", offset: 0.000000005m)]);

    /// <summary>HIOKI SM7110 (M): source ±(0.1 % setting + 0.05 % of the 100 V range); current 2 nA range ±(0.5 % rdg + 20 dgt), digit 10 fA.</summary>
    public static InstrumentAccuracy Sm7110Source { get; } = new("hioki-sm7110", "voltage_v", "V", "manual's worked example (Appx. 3)",
        [Row(100m, 0.1m, 0.1m, 0.05m, "M"), Row(1000m, 1m, 0.1m, 0.05m, "M")]);

    public static InstrumentAccuracy Sm7110Ammeter { get; } = new("hioki-sm7110", "current_a", "A", "manual's worked example (Appx. 3)",
        [Row(0.000000002m, 0.00000000000001m, 0.5m, 0m, "M", digits: 20)]);

    /// <summary>GW Instek GPT-9800 AC voltmeter (M): 5 kV ±(1 % rdg + 5 V), resolution 1 V.</summary>
    public static InstrumentAccuracy Gpt9800 { get; } = new("gwinstek-gpt9800", "voltage_v", "V", "AC withstand voltmeter",
        [Row(5000m, 1m, 1m, 0m, "M", offset: 5m)]);

    /// <summary>Chroma 19032 AC voltmeter (M): 5 kV ±(1 % rdg + 0.1 % range), resolution 1 V.</summary>
    public static InstrumentAccuracy Chroma19032 { get; } = new("chroma-19032", "voltage_v", "V", "AC withstand voltmeter",
        [Row(5000m, 1m, 1m, 0.1m, "M")]);
}
