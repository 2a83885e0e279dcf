using CableTest.HardwareSim;
using CableTest.Instruments.Drivers;

namespace CableTest.Service.Tests.Runs;

/// <summary>A service configured as a real bench on the standalone simulator's lines, and waiting for that bench to be ready.</summary>
internal static class StandaloneBench
{
    public static readonly InstrumentRole[] AllRoles = Enum.GetValues<InstrumentRole>();

    /// <summary>Every role but the optional bath thermometer.</summary>
    public static readonly InstrumentRole[] RequiredRoles = [.. AllRoles.Where(r => r != InstrumentRole.BathThermometer)];

    /// <summary>
    /// The simulator's devices as Bench:Instruments: the hipot on the RS-485 bus it shares with the ambient sensor and
    /// (unless <paramref name="withBath"/> is false: the configured fallback) the bath thermometer.
    /// </summary>
    public static string[] Arguments(SimulatedBench sim, bool withBath = true)
    {
        (string Id, SimulatedEndpoint Endpoint)[] instruments =
        [
            ("OHM-1", sim.Endpoint("conductor_resistance_meter")),
            ("IR-1", sim.Endpoint("insulation_tester")),
            ("HV-1", sim.Endpoint("withstand_tester", "modbus-rtu")),
            ("TH-1", sim.Endpoint("ambient_sensor")),
            .. withBath ? [("BATH-1", sim.Endpoint("bath_thermometer"))] : Array.Empty<(string, SimulatedEndpoint)>(),
        ];
        return
        [
            .. RunOnSimulatedBenchTests.FastBench,
            .. instruments.SelectMany((x, i) => new[]
            {
                $"--Bench:Instruments:{i}:Id={x.Id}",
                $"--Bench:Instruments:{i}:Role={x.Endpoint.Role}",
                $"--Bench:Instruments:{i}:Profile={x.Endpoint.Profile}",
                $"--Bench:Instruments:{i}:Endpoint={x.Endpoint.Endpoint}",
                $"--Bench:Instruments:{i}:UnitId={Math.Max(1, x.Endpoint.UnitId)}",
                $"--Bench:Instruments:{i}:CalibrationDue=2099-12-31",
            }),
        ];
    }

    /// <summary>
    /// Asks until the bench is ready for <paramref name="roles"/>, for at most a minute (a Modbus unit that timed out
    /// is fast-failed by its master for 1 s, doubling); the last answer.
    /// </summary>
    public static async Task<IReadOnlyList<Service.Bench.BenchProblem>> ReadyAsync(Service.Bench.Bench bench, IEnumerable<InstrumentRole>? roles = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var problems = await bench.ReadinessAsync(roles ?? AllRoles, CancellationToken.None);
            if (problems.Count == 0 || deadline.IsCancellationRequested)
            {
                return problems;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }
}
