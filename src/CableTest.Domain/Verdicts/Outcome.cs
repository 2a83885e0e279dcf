namespace CableTest.Domain.Verdicts;

/// <summary>Outcome of one test or of a sample, in ILAC-G8:09/2019 terms (mirrors cabletest.v1.Outcome).</summary>
public enum Outcome
{
    Pass,
    ConditionalPass,
    ConditionalFail,
    Fail,

    /// <summary>The measurement does not qualify (procedure not followed). Never a pass.</summary>
    Invalid,

    /// <summary>Measured, but no statement can be given (conditions outside the method's window...). Never a pass.</summary>
    Inconclusive,

    /// <summary>No evaluation possible (no limit defined, bad input).</summary>
    Error,

    /// <summary>Repeat the test (flashover at a termination).</summary>
    Retest,

    /// <summary>Sample level only: some test is invalid, inconclusive, error, retest or missing.</summary>
    Incomplete,
}
