using System.Globalization;

namespace CableTest.Runs.Procedures.Ambient;

/// <summary>The ambient check's rules: mean, spread, window and settling, and the note for the log.</summary>
public static class AmbientSettling
{
    /// <summary>Mean and spread (max − min) of the temperatures.</summary>
    public static (double MeanC, double SpreadK) Summarise(IReadOnlyList<double> temperaturesC)
    {
        ArgumentNullException.ThrowIfNull(temperaturesC);
        if (temperaturesC.Count == 0)
        {
            throw new ArgumentException("no ambient readings", nameof(temperaturesC));
        }

        return (temperaturesC.Average(), temperaturesC.Max() - temperaturesC.Min());
    }

    /// <summary>The mean lies within [MinC, MaxC].</summary>
    public static bool IsInsideWindow(double meanC, AmbientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !(meanC < options.MinC || meanC > options.MaxC) && double.IsFinite(meanC);
    }

    /// <summary>The spread is at most MaxSpreadK.</summary>
    public static bool IsSettled(double spreadK, AmbientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !(spreadK > options.MaxSpreadK) && double.IsFinite(spreadK);
    }

    /// <summary>"ambient 20.0 °C (spread 0.10 K)", with ": outside the method's 15–25 °C or not settled" when it is not acceptable.</summary>
    public static string Note(double meanC, double spreadK, bool acceptable, AmbientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var note = string.Create(CultureInfo.InvariantCulture, $"ambient {meanC:0.0} °C (spread {spreadK:0.00} K)");
        if (!acceptable)
        {
            note += string.Create(CultureInfo.InvariantCulture, $": outside the method's {options.MinC:0}–{options.MaxC:0} °C or not settled");
        }

        return note;
    }
}
