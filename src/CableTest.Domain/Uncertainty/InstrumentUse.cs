namespace CableTest.Domain.Uncertainty;

/// <summary>An instrument as it was used for a reading: its accuracy for the quantity and the range it was on.</summary>
/// <param name="Accuracy">The accuracy specification (from the instrument's profile).</param>
/// <param name="RangeMax">The range the reading was taken on; null: the smallest range that holds the reading (autorange).</param>
public sealed record InstrumentUse(InstrumentAccuracy Accuracy, decimal? RangeMax = null);
