namespace CableTest.Cli;

/// <summary>Exit codes of `cabletest` commands (documented in docs/verdicts.md).</summary>
public static class ExitCodes
{
    /// <summary>Every input line was evaluated (whatever the verdicts, including "error" answers for bad lines).</summary>
    public const int Ok = 0;

    /// <summary>Command-line usage error (unknown option, missing --input).</summary>
    public const int Usage = 1;

    /// <summary>The input file cannot be read, or the output file cannot be written.</summary>
    public const int InputOutput = 2;

    /// <summary>The standards catalogue (shipped plus --catalogue-dir) failed to load.</summary>
    public const int Catalogue = 3;

    /// <summary>`probe`: at least one exchange with the instrument failed (timeout, exception reply, broken line).</summary>
    public const int Communication = 4;
}
