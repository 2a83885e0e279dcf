using System.IO.Compression;
using CableTest.Testing;

namespace CableTest.Cli.Tests.Service;

/// <summary>
/// Issue 12 item 4 end to end: `cabletest evidence export` fetches the bundle of a run done on the simulated bench through
/// the service, `cabletest evidence verify` checks it without the service, and a byte flipped in any member is named (exit 1).
/// </summary>
[Collection(GoodBenchCollection.Name)]
public sealed class EvidenceCommandTests(GoodBenchFixture bench)
{
    private async Task<string> ExportAsync(TempDirectory dir)
    {
        var path = Path.Combine(dir.Path, "run.zip");
        var export = await CliResult.RunAsync(["evidence", "export", bench.FirstRun.RunId, "-o", path, "--server", bench.Service.Address]);
        Assert.True(export.Code == ExitCodes.Ok, export.ToString());
        return path;
    }

    [Fact]
    public async Task ExportThenVerify_Intact_EveryMemberOfTheRun()
    {
        using var dir = new TempDirectory();
        var path = await ExportAsync(dir);

        var verify = await CliResult.RunAsync(["evidence", "verify", path]);

        Assert.True(verify.Code == ExitCodes.Ok, verify.ToString());
        Assert.Contains($"intact: run {bench.FirstRun.RunId}, signed by bench key", verify.Out, StringComparison.Ordinal);
        Assert.Contains("ok  checkpoint.json: chain head", verify.Out, StringComparison.Ordinal);
        Assert.Contains("ok  readings.jsonl: all ", verify.Out, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(
            ["manifest.json", "manifest.sig", "verdict.json", "readings.jsonl", "recording.jsonl", "calibration.json", "chain.json", "checkpoint.json", "public-key.pem"],
            zip.Entries.Select(e => e.FullName));
        Assert.True(zip.GetEntry("recording.jsonl")!.Length > 1000, "the run's exchange recording");
        Assert.True(File.Exists(Path.Combine(bench.Service.DataDirectory, "keys", "bench-signing-key.pem")), "the key created at the first start");
    }

    [Fact]
    public async Task Verify_OneByteFlippedInEachMemberInTurn_Exit1NamingIt()
    {
        using var dir = new TempDirectory();
        var original = await File.ReadAllBytesAsync(await ExportAsync(dir));
        using var source = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        foreach (var member in source.Entries.Select(e => e.FullName))
        {
            var path = Path.Combine(dir.Path, member + ".zip");
            await File.WriteAllBytesAsync(path, ZipMember.WithByteFlipped(original, member, length => length / 2, 0x20));

            var verify = await CliResult.RunAsync(["evidence", "verify", path]);

            Assert.True(verify.Code == 1, $"{member}: {verify}");
            Assert.Contains($"CHANGED  {member}:", verify.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_NoSuchFile_Exit2InTheUsersWords()
    {
        var verify = await CliResult.RunAsync(["evidence", "verify", "/nonexistent/run.zip"]);

        Assert.Equal(ExitCodes.InputOutput, verify.Code);
        Assert.StartsWith("cabletest evidence verify: cannot read '/nonexistent/run.zip'", verify.Err, StringComparison.Ordinal);
    }
}
