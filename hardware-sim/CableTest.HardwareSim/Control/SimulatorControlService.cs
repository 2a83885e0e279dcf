using CableTest.Contracts.V1;
using CableTest.HardwareSim.Scenarios;
using CableTest.HardwareSim.Serving;
using Grpc.Core;

namespace CableTest.HardwareSim.Control;

/// <summary>
/// The SimulatorControl gRPC service over a <see cref="SimulatedBench"/>: maps and delegates. Unknown roles, fault
/// kinds and bad samples are INVALID_ARGUMENT, unknown scenarios NOT_FOUND, control of what a replay lacks
/// FAILED_PRECONDITION. Any host can map it (the simulator program; the Service hosting an embedded bench).
/// </summary>
public sealed class SimulatorControlService(SimulatedBench bench) : SimulatorControl.SimulatorControlBase
{
    public override Task<GetEndpointsResponse> GetEndpoints(GetEndpointsRequest request, ServerCallContext context)
    {
        var response = new GetEndpointsResponse { Scenario = bench.ScenarioName, TimeScale = bench.TimeScale, Seed = bench.Seed };
        response.Endpoints.AddRange(bench.Endpoints.Select(e => new Endpoint
        {
            Role = e.Role, Protocol = e.Protocol, Address = e.Address, UnitId = e.UnitId, Profile = e.Profile, Endpoint_ = e.Endpoint,
        }));
        return Task.FromResult(response);
    }

    public override Task<InjectFaultResponse> InjectFault(InjectFaultRequest request, ServerCallContext context) => Guard(() =>
    {
        if (!FaultKinds.TryParse(request.Kind, out var kind))
        {
            throw new ArgumentException($"unknown fault kind \"{request.Kind}\" (known: {FaultKinds.Known})");
        }

        if (request.Count < 0)
        {
            throw new ArgumentException("count must be ≥ 0 (0: until cleared)");
        }

        return new InjectFaultResponse { FaultId = bench.InjectFault(request.Role, kind, request.Parameter, request.Count) };
    });

    public override Task<ClearFaultsResponse> ClearFaults(ClearFaultsRequest request, ServerCallContext context) =>
        Guard(() => new ClearFaultsResponse { Cleared = bench.ClearFaults(request.Role) });

    public override Task<SetInterlockResponse> SetInterlock(SetInterlockRequest request, ServerCallContext context) =>
        Guard(() => new SetInterlockResponse { Closed = request.Closed, OutputDropped = bench.SetInterlock(request.Closed) });

    public override Task<SetSampleResponse> SetSample(SetSampleRequest request, ServerCallContext context) => Guard(() => new SetSampleResponse
    {
        Description = request.SampleCase switch
        {
            SetSampleRequest.SampleOneofCase.Name => bench.SetSample(request.Name),
            SetSampleRequest.SampleOneofCase.Json => bench.SetSampleJson(request.Json),
            _ => throw new ArgumentException("give a sample name or json"),
        },
    });

    public override Task<SelectCoreResponse> SelectCore(SelectCoreRequest request, ServerCallContext context) => Guard(() =>
    {
        bench.SelectCore(request.Core);
        return new SelectCoreResponse { Core = request.Core, Cores = bench.GroundTruth().Cores };
    });

    public override Task<GroundTruth> GetGroundTruth(GetGroundTruthRequest request, ServerCallContext context)
    {
        var truth = bench.GroundTruth();
        var response = new GroundTruth
        {
            TrueResistanceOhm = truth.TrueResistanceOhm,
            TrueInsulationResistanceMohm = truth.TrueInsulationResistanceMOhm,
            AmbientTemperatureC = truth.AmbientTemperatureC,
            HumidityPct = truth.HumidityRh,
            InterlockClosed = truth.InterlockClosed,
            HighVoltageOn = truth.HighVoltageOn,
            OutputVoltageKv = truth.OutputVoltageKv,
            InstrumentTimeS = truth.InstrumentTimeS,
            Exchanges = truth.Exchanges,
            ConductorTemperatureC = truth.ConductorTemperatureC,
            SelectedCore = truth.SelectedCore,
        };
        response.Events.AddRange(truth.Events);
        return Task.FromResult(response);
    }

    private static Task<T> Guard<T>(Func<T> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (KeyNotFoundException e)
        {
            throw new RpcException(new Status(StatusCode.NotFound, e.Message));
        }
        catch (Exception e) when (e is ArgumentException or ScenarioLoadException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }
}
