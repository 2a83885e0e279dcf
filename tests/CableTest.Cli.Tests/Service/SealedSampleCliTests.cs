using CableTest.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace CableTest.Cli.Tests.Service;

/// <summary>
/// Issue 13 item 1 at the terminal: a sample the LIMS registered with its sealed sampling record, run, shown and
/// reported through the CLI with a technician's key: the output names the coded sample, never the manufacturer or
/// the seal; the same report fetched with a lims key has them.
/// </summary>
public sealed class SealedSampleCliTests
{
    private const string LimsKey = "cli-lims-key-0123456789abc";
    private const string TechnicianKey = "cli-technician-key-0123456789";
    private static readonly string[] SealedWords = ["Sealwire Cable Works", "SEAL-0042-XJ", "Provincial SAMR"];

    [Fact]
    public async Task RunShowAndReport_TechnicianKey_CodedSampleOnly_LimsReportHasTheRecord()
    {
        await using var service = await CliServiceHost.StartAsync("--Auth:AllowAnonymousLoopback=false",
            "--Auth:ApiKeys:0:Name=lims", $"--Auth:ApiKeys:0:Secret={LimsKey}", "--Auth:ApiKeys:0:Roles:0=lims",
            "--Auth:ApiKeys:1:Name=bench-pc", $"--Auth:ApiKeys:1:Secret={TechnicianKey}", "--Auth:ApiKeys:1:Roles:0=technician");
        using (var channel = GrpcChannel.ForAddress(service.Address))
        {
            await new BenchService.BenchServiceClient(channel).RegisterSampleAsync(new RegisterSampleRequest
            {
                SampleId = "SPOT-CLI-1", LimsOrder = "LIMS-SPOT-CLI-1", SpecId = "gbt5023.3-227iec01-bv-450/750", CrossSectionMm2 = 2.5, Cores = 1,
                LengthM = 100, ConductorClass = 1, ConductorDiameterMm = 1.78, InsulationOuterDiameterMm = 3.38,
                SamplingRecord = new SamplingRecord
                {
                    SamplingBody = "Provincial SAMR", Sampler = "Inspector Qian", Manufacturer = "Sealwire Cable Works", SealNumber = "SEAL-0042-XJ",
                    SampledAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)),
                },
            }, new Metadata { { "x-api-key", LimsKey } });
        }

        var run = await CliResult.RunAsync([.. CliResult.Bv25(service.Address, "SPOT-CLI-1", "--yes"), "--api-key", TechnicianKey]);
        Assert.True(run.Code == ExitCodes.Ok, run.ToString());
        var show = await CliResult.Of("verdicts", "show", run.RunId, "--server", service.Address, "--api-key", TechnicianKey);
        var report = await CliResult.Of("report", run.RunId, "--output", "-", "--server", service.Address, "--api-key", TechnicianKey);
        var limsReport = await CliResult.Of("report", run.RunId, "--output", "-", "--server", service.Address, "--api-key", LimsKey);

        foreach (var (name, result) in new[] { ("run", run), ("verdicts show", show), ("report", report) })
        {
            Assert.True(result.Code == ExitCodes.Ok, name + ": " + result);
            Assert.Contains("SPOT-CLI-1", result.Out, StringComparison.Ordinal);
            foreach (var word in SealedWords)
            {
                Assert.False(result.Out.Contains(word, StringComparison.Ordinal) || result.Err.Contains(word, StringComparison.Ordinal), $"`cabletest {name}` shows '{word}' to a technician");
            }
        }

        Assert.True(limsReport.Code == ExitCodes.Ok, limsReport.ToString());
        Assert.All(SealedWords, word => Assert.Contains(word, limsReport.Out, StringComparison.Ordinal));
    }
}
