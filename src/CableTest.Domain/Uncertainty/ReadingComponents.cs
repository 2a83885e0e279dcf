using System.Globalization;

namespace CableTest.Domain.Uncertainty;

/// <summary>The two components an instrument reading contributes: its limit of error on the range used and its resolution.</summary>
public static class ReadingComponents
{
    /// <summary>
    /// Accuracy and resolution of <paramref name="use"/> at <paramref name="reading"/> (in the accuracy's unit),
    /// propagated with <paramref name="sensitivity"/>; null when no range of the instrument holds the reading.
    /// </summary>
    public static IReadOnlyList<UncertaintyComponent>? Of(InstrumentUse use, decimal reading, string symbol, string what, double sensitivity, string sensitivityUnit)
    {
        ArgumentNullException.ThrowIfNull(use);
        var accuracy = use.Accuracy;
        if (accuracy.RowFor(reading, use.RangeMax) is not { } row)
        {
            return null;
        }

        var x = (double)reading;
        return
        [
            UncertaintyComponent.LimitOfError($"{what} accuracy", symbol, accuracy.Describe(row), row.HalfWidth(x), accuracy.Unit, sensitivity, sensitivityUnit, row.Tag),
            UncertaintyComponent.Resolution($"{what} resolution", symbol,
                string.Create(CultureInfo.InvariantCulture, $"{accuracy.Instrument}, {DecimalText.Trim(row.RangeMax)} {accuracy.Unit} range: resolution {DecimalText.Trim(row.Resolution)} {accuracy.Unit}"),
                (double)row.Resolution, accuracy.Unit, sensitivity, sensitivityUnit, row.Tag),
        ];
    }

    /// <summary>"the reading 150 Ω is above every range of keysight-34465a (largest 100 Ω): no budget of r20_ohm_per_km".</summary>
    public static string OutOfRange(InstrumentUse use, decimal reading, string quantity) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the reading {DecimalText.Trim(reading)} {use.Accuracy.Unit} is above every range of {use.Accuracy.Instrument} (largest {DecimalText.Trim(use.Accuracy.Rows.Count == 0 ? 0m : use.Accuracy.Rows.Max(r => r.RangeMax))} {use.Accuracy.Unit}, asked {(use.RangeMax is { } r ? DecimalText.Trim(r) : "auto")}): no uncertainty budget of {quantity}");
}
