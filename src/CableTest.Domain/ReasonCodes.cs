namespace CableTest.Domain;

/// <summary>
/// Machine-readable reasons carried by invalid, inconclusive, error, retest and fail verdicts
/// (the "error" word of `cabletest evaluate`, reason_code over gRPC). Stable: clients match them.
/// </summary>
public static class ReasonCodes
{
    /// <summary>The tables hold no limit for this conductor / cable type / temperature / rating (error).</summary>
    public const string NoLimitDefined = "no_limit_defined";

    /// <summary>An input value is missing, not a number, or physically impossible (D &lt;= d, L &lt;= 0...) (error).</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The input line is not a JSON object or names an unknown test (error).</summary>
    public const string MalformedCase = "malformed_case";

    /// <summary>Conductor temperature outside the correction's validity or the method's ambient window (inconclusive).</summary>
    public const string InvalidConditions = "invalid_conditions";

    /// <summary>Insulation-resistance reading taken before the minimum electrification time (invalid).</summary>
    public const string ElectrificationTimeTooShort = "electrification_time_too_short";

    /// <summary>Insulation-resistance reading taken after the maximum electrification time (invalid).</summary>
    public const string ElectrificationTimeTooLong = "electrification_time_too_long";

    /// <summary>Insulation-resistance test voltage outside DC 80-500 V (invalid).</summary>
    public const string TestVoltageOutOfRange = "test_voltage_out_of_range";

    /// <summary>Withstand voltage held for less than the required duration (invalid, retest).</summary>
    public const string DurationTooShort = "duration_too_short";

    /// <summary>Withstand voltage below the tolerance of the required level (invalid, retest).</summary>
    public const string VoltageTooLow = "voltage_too_low";

    /// <summary>Withstand voltage above the tolerance of the required level (invalid: the sample was over-stressed).</summary>
    public const string VoltageTooHigh = "voltage_too_high";

    /// <summary>AC test frequency outside 49-61 Hz (invalid, retest).</summary>
    public const string FrequencyOutOfRange = "frequency_out_of_range";

    /// <summary>The dwell was interrupted (invalid, retest).</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Insulation breakdown during the withstand test (fail).</summary>
    public const string Breakdown = "breakdown";

    /// <summary>Flashover at a termination, not an insulation breakdown: re-make the termination and repeat (retest).</summary>
    public const string FlashoverAtTermination = "flashover_at_termination";

    /// <summary>
    /// The decision rule takes U from the result's uncertainty budget and the result has none (no accuracy data for the
    /// instrument or range) (inconclusive: a guard band is never silently 0).
    /// </summary>
    public const string NoUncertaintyBudget = "no_uncertainty_budget";
}
