using BenchmarkDotNet.Running;
using CableTest.Benchmarks.Storage;

// Custom end-to-end drivers (used by bench/*/run.sh, compared with ../shared/peers in the same run);
// everything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "influx-e2e" => await InfluxEndToEnd.RunAsync(args[1..]),
    "serial-rt" => await CableTest.Benchmarks.Serial.ScpiRoundTrip.RunAsync(args[1..]),
    "modbus-line-rate" => await CableTest.Benchmarks.Modbus.ModbusLineRate.RunAsync(args[1..]),
    "modbus-rt" => await CableTest.Benchmarks.Modbus.ModbusRoundTrip.RunAsync(args[1..]),
    "run-soak" => await CableTest.Benchmarks.Service.RunSoakBenchmark.RunAsync(args[1..]),
    "grpc-verdicts" => await CableTest.Benchmarks.Service.GrpcVerdictsBenchmark.RunAsync(args[1..]),
    "risk-summary" => await CableTest.Benchmarks.Service.RiskSummaryBenchmark.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(LineProtocolBenchmarks).Assembly).Run(args);
    return 0;
}
