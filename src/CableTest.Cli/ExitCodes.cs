namespace CableTest.Cli;

/// <summary>
/// Exit codes of `cabletest` commands (documented in docs/verdicts.md and the README "CLI" section).
/// Commands whose exit code carries a verdict (`run`, `watch`) use 0 / 1 / 2 only: a usage error
/// there is 2, so a script never mistakes a typo for a failed cable.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every input line was evaluated (whatever the verdicts, including "error" answers for bad lines); `run`/`watch`: pass or conditional pass.</summary>
    public const int Ok = 0;

    /// <summary>Command-line usage error (unknown option, missing --input).</summary>
    public const int Usage = 1;

    /// <summary>The input file cannot be read, or the output file cannot be written.</summary>
    public const int InputOutput = 2;

    /// <summary>The standards catalogue (shipped plus --catalogue-dir) failed to load.</summary>
    public const int Catalogue = 3;

    /// <summary>`probe`: at least one exchange with the instrument failed (timeout, exception reply, broken line).</summary>
    public const int Communication = 4;

    /// <summary>`replay`: the requests made during the replay diverged from the recording.</summary>
    public const int Diverged = 1;

    /// <summary>`run`/`watch`: the sample failed (fail or conditional fail). `verify`: the hash chain is broken.</summary>
    public const int Failed = 1;

    /// <summary>
    /// `run`/`watch`: no pass/fail statement (run aborted or incomplete; invalid, inconclusive, error or
    /// retest outcome) or the command could not do its job. Every service command: the service is
    /// unreachable or refused the request.
    /// </summary>
    public const int NoVerdict = 2;

    /// <summary>The service is unreachable or answered with an error (same value as <see cref="NoVerdict"/>).</summary>
    public const int Service = 2;

    /// <summary>
    /// Commands whose 1 is a finding a script acts on (`run`/`watch`: failed cable, `compare`: not consistent, `risk
    /// --fail-on-warning`: a warning): a usage error there is <see cref="NoVerdict"/> (2), never 1.
    /// </summary>
    public static bool OneIsAFinding(string command) => command is "run" or "watch" or "compare" or "risk";
}
