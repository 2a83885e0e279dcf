using CableTest.Contracts.V1;

namespace CableTest.Service.Tests.Sampling;

/// <summary>
/// The embedded default lets loopback callers in without credentials with every role: the bench PC's dashboard, the
/// technician's station. Such a caller never sees a sealed sampling record; one configured by name with a sealed role does.
/// </summary>
public sealed class AnonymousSamplingTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Auth:AnonymousRoles:0=technician" }, false)]
    [InlineData(new[] { "--Auth:AnonymousRoles:0=supervisor" }, true)]
    public async Task GetSampleAndReport_AnonymousLoopback_RecordOnlyWhenASealedRoleIsConfigured(string[] roles, bool sees)
    {
        await using var service = await InProcessService.StartAsync(true, roles);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var request = Runs.RunOnSimulatedBenchTests.Bv25("ANON-SEALED-1");
        request.SamplingRecord = SealedSampleFixture.Record();
        await bench.RegisterSampleAsync(request, InProcessService.ApiKey(InProcessService.LimsKey));

        var sample = await bench.GetSampleAsync(new GetSampleRequest { SampleId = "ANON-SEALED-1" });
        var json = await service.Http.GetStringAsync("/v1/samples/ANON-SEALED-1");

        Assert.Equal(sees, sample.SamplingRecord is not null);
        Assert.Equal(sees, json.Contains("Sealwire Cable Works", StringComparison.Ordinal));
        Assert.Equal("LIMS-ANON-SEALED-1", sample.LimsOrder);
    }
}
