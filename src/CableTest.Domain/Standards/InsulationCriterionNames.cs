namespace CableTest.Domain.Standards;

/// <summary>Wire names and units of <see cref="InsulationCriterion"/>.</summary>
public static class InsulationCriterionNames
{
    public static string ToWireName(this InsulationCriterion criterion) => criterion switch
    {
        InsulationCriterion.ResistanceLength => "R_L",
        InsulationCriterion.Ki => "Ki",
        InsulationCriterion.Rho => "rho",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>"MOhm.km" or "Ohm.cm".</summary>
    public static string Unit(this InsulationCriterion criterion) =>
        criterion == InsulationCriterion.Rho ? "Ohm.cm" : "MOhm.km";

    public static bool TryParse(string? name, out InsulationCriterion criterion)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "R_L" or "RL" or "R*L" or "R.L":
                criterion = InsulationCriterion.ResistanceLength;
                return true;
            case "KI":
                criterion = InsulationCriterion.Ki;
                return true;
            case "RHO" or "ρ":
                criterion = InsulationCriterion.Rho;
                return true;
            default:
                criterion = default;
                return false;
        }
    }
}
