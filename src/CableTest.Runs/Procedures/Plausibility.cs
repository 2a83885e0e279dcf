using System.Globalization;

namespace CableTest.Runs.Procedures;

/// <summary>Checks that an instrument's number can be a reading before it is journalled or judged.</summary>
internal static class Plausibility
{
    /// <summary>Larger magnitudes are no reading of any bench instrument (and would not convert to decimal).</summary>
    public const double MaxMagnitude = 1e25;

    /// <summary>True for a finite number within <see cref="MaxMagnitude"/>.</summary>
    public static bool IsPlausible(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;

    /// <summary>Returns <paramref name="value"/>, or throws <see cref="ImplausibleReadingException"/> naming the instrument and quantity.</summary>
    public static double Require(double value, string quantity, string instrumentId) => IsPlausible(value)
        ? value
        : throw new ImplausibleReadingException(string.Create(CultureInfo.InvariantCulture,
            $"{instrumentId} answered {quantity} = {value} without flagging over range: not a reading (garbled reply or wrong profile); check the instrument and its line"));
}
