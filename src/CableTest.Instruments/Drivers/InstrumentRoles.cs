namespace CableTest.Instruments.Drivers;

/// <summary>Wire names of <see cref="InstrumentRole"/>.</summary>
public static class InstrumentRoles
{
    /// <summary>The snake_case name used in profiles, manifests and the gRPC contract.</summary>
    public static string Name(InstrumentRole role) => role switch
    {
        InstrumentRole.ConductorResistanceMeter => "conductor_resistance_meter",
        InstrumentRole.InsulationTester => "insulation_tester",
        InstrumentRole.WithstandTester => "withstand_tester",
        InstrumentRole.BathThermometer => "bath_thermometer",
        _ => "ambient_sensor",
    };

    /// <summary>Parses a snake_case role name.</summary>
    public static bool TryParse(string? name, out InstrumentRole role)
    {
        foreach (var candidate in Enum.GetValues<InstrumentRole>())
        {
            if (Name(candidate) == name)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
