namespace CableTest.Domain.Verdicts;

/// <summary>ILAC-G8:09/2019 4.2 decision rules.</summary>
public enum DecisionRuleKind
{
    /// <summary>4.2.1 binary statement, w = 0 (shared risk). Wire name "simple_acceptance".</summary>
    SimpleAcceptance,

    /// <summary>4.2.2 binary statement with guard band w. Wire name "binary_guard_band".</summary>
    BinaryGuardBand,

    /// <summary>4.2.3 non-binary statement (pass, conditional pass, conditional fail, fail). Wire name "non_binary_guard_band".</summary>
    NonBinaryGuardBand,
}
