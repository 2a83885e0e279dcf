using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Recording;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.HardwareSim.Tests;

internal static class BenchHelpers
{
    public static readonly InstrumentProfile HipotProfile = ProfileCatalogue.LoadDefault().Get("sim-hipot");

    public static async Task<SimulatedBench> StartAsync(string directory, string scenario = "good-bv-2.5", double timeScale = 60, int seed = 1, Action<SimulatedBenchOptions>? configure = null)
    {
        var options = new SimulatedBenchOptions { Scenario = scenario, TimeScale = timeScale, Seed = seed, WorkDirectory = directory };
        configure?.Invoke(options);
        return await SimulatedBench.StartAsync(options, CancellationToken.None);
    }

    public static ScpiSession Scpi(SimulatedBench bench, string role, IExchangeRecorder? recorder = null) =>
        new(ChannelEndpoint.Parse(bench.Endpoint(role).Endpoint).CreateChannel(), new ScpiSessionOptions { Device = role, Timeout = TimeSpan.FromSeconds(2) }, recorder);

    public static ModbusTcpMaster Tcp(SimulatedBench bench, IExchangeRecorder? recorder = null, int retries = 0)
    {
        var endpoint = ChannelEndpoint.Parse(bench.Endpoint("withstand_tester", "modbus-tcp").Endpoint);
        var options = new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), Retries = retries };
        options.Units[SimulatedBench.WithstandUnitId] = new ModbusUnitOptions { Name = "withstand_tester" };
        return new ModbusTcpMaster(endpoint.Host!, endpoint.Port, options, recorder);
    }

    public static ModbusRtuMaster Rtu(SimulatedBench bench, IExchangeRecorder? recorder = null, int retries = 0) =>
        new(ChannelEndpoint.Parse(bench.Endpoint("withstand_tester", "modbus-rtu").Endpoint).CreateChannel(),
            new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), Retries = retries }, recorder);

    public static double Read(ushort[] block, string point)
    {
        var p = HipotProfile.Modbus!.Points[point];
        return p.Codec.Decode(block.AsSpan(p.Address, p.Codec.RegisterCount));
    }

    public static async Task WriteAsync(IModbusMaster master, string point, double value)
    {
        var p = HipotProfile.Modbus!.Points[point];
        var registers = new ushort[p.Codec.RegisterCount];
        p.Codec.Encode(value, registers);
        await master.WriteMultipleRegistersAsync(SimulatedBench.WithstandUnitId, p.Address, registers);
    }

    public static int Code(string name) => HipotProfile.Modbus!.Codes[name];

    public static async Task<ushort[]> StatusAsync(IModbusMaster master) => await master.ReadInputRegistersAsync(SimulatedBench.WithstandUnitId, 0, 14);
}
