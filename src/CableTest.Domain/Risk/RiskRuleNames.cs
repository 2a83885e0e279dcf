namespace CableTest.Domain.Risk;

/// <summary>Stable names of the warning rules (on the wire and in configuration).</summary>
public static class RiskRuleNames
{
    /// <summary>Median R20/limit over the last N samples above the threshold: passing, but just (copper-saving).</summary>
    public const string ConductorMarginThin = "conductor_margin_thin";

    /// <summary>Median insulation R/minimum over the last N samples below the threshold.</summary>
    public const string InsulationMarginThin = "insulation_margin_thin";

    /// <summary>The Wilson 95 % lower bound of the failure rate above the threshold: failing more than chance explains.</summary>
    public const string FailureRateHigh = "failure_rate_high";
}
