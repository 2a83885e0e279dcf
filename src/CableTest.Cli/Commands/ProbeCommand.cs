using System.CommandLine;

namespace CableTest.Cli.Commands;

/// <summary>`cabletest probe ...`: talk to one instrument directly (Modbus, SCPI), bypassing the service.</summary>
internal static class ProbeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("probe", "Talk to an instrument directly (diagnostics)")
        {
            ProbeModbusCommand.Create(stdout, stderr),
            ProbeScpiCommand.Create(stdout, stderr),
        };
}
