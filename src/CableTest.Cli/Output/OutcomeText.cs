using CableTest.Contracts.V1;

namespace CableTest.Cli.Output;

/// <summary>Outcomes and test kinds as people and files spell them, and the exit code an outcome gives.</summary>
internal static class OutcomeText
{
    public static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.ConditionalPass => "conditional pass",
        Outcome.ConditionalFail => "conditional fail",
        Outcome.Fail => "fail",
        Outcome.Invalid => "invalid",
        Outcome.Inconclusive => "inconclusive",
        Outcome.Error => "error",
        Outcome.Retest => "retest",
        Outcome.Incomplete => "incomplete",
        _ => "unspecified",
    };

    /// <summary>Machine spelling (json/csv, --verdict filter): pass, conditional_pass, ...</summary>
    public static string Key(Outcome outcome) => Name(outcome).Replace(' ', '_');

    public static bool TryParse(string text, out Outcome outcome)
    {
        foreach (var candidate in Enum.GetValues<Outcome>())
        {
            if (candidate != Outcome.Unspecified && string.Equals(Key(candidate), text.Trim().Replace('-', '_').Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = Outcome.Unspecified;
        return false;
    }

    public static string Markup(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "[green]pass[/]",
        Outcome.ConditionalPass => "[yellow]conditional pass[/]",
        Outcome.ConditionalFail => "[darkorange]conditional fail[/]",
        Outcome.Fail => "[red]fail[/]",
        _ => "[grey]" + Name(outcome) + "[/]",
    };

    public static string Kind(TestKind kind) => kind switch
    {
        TestKind.ConductorResistance => "conductor_resistance",
        TestKind.InsulationResistance => "insulation_resistance",
        TestKind.VoltageWithstand => "voltage_withstand",
        _ => "unspecified",
    };

    /// <summary>`run`/`watch` exit code: 0 pass or conditional pass, 1 fail or conditional fail, 2 anything else.</summary>
    public static int ExitCode(Outcome outcome) => outcome switch
    {
        Outcome.Pass or Outcome.ConditionalPass => ExitCodes.Ok,
        Outcome.Fail or Outcome.ConditionalFail => ExitCodes.Failed,
        _ => ExitCodes.NoVerdict,
    };
}
