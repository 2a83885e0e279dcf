namespace CableTest.Domain.Uncertainty;

/// <summary>
/// An instrument's accuracy specification for one quantity (from its profile's data file): the rows per range and
/// the conditions they hold under (calibration interval, temperature, integration time).
/// </summary>
/// <param name="Instrument">Profile name (e.g. "keithley-dmm6500").</param>
/// <param name="Quantity">The quantity with its unit in the name, as the profile's field: resistance_ohm, temperature_c, voltage_v, current_a.</param>
/// <param name="Unit">Display unit of the quantity (Ω, °C, V, A).</param>
/// <param name="Conditions">When the specification holds, e.g. "1 year, 23 °C ± 5 °C, 4-wire, NPLC 1".</param>
/// <param name="Rows">One row per range, ascending by <see cref="AccuracyRow.RangeMax"/>.</param>
public sealed record InstrumentAccuracy(string Instrument, string Quantity, string Unit, string Conditions, IReadOnlyList<AccuracyRow> Rows)
{
    /// <summary>
    /// The row that applies: the range <paramref name="rangeMax"/> when given (the smallest row at or above it), else the
    /// smallest range that holds |<paramref name="reading"/>|; null when no range does.
    /// </summary>
    public AccuracyRow? RowFor(decimal reading, decimal? rangeMax = null)
    {
        var wanted = rangeMax ?? Math.Abs(reading);
        return Rows.Where(r => r.RangeMax >= wanted).MinBy(r => r.RangeMax);
    }

    /// <summary>"keithley-dmm6500, 1 Ω range: ±(0.0085 % rdg + 0.02 % range) (1 year, ...), tag V1 [A1]".</summary>
    public string Describe(AccuracyRow row) =>
        FormattableString.Invariant($"{Instrument}, {DecimalText.Trim(row.RangeMax)} {Unit} range: {row.Describe(Unit)} ({Conditions}), tag {row.Tag}")
        + (row.SourceIds.Count == 0 ? "" : $" [{string.Join("][", row.SourceIds)}]");
}
