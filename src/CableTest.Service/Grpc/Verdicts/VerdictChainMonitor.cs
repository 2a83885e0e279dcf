using System.Text.Json;
using CableTest.Storage;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Verifies the verdict hash chain at start and then every <see cref="VerdictIntegrityOptions.ChainCheckInterval"/>,
/// each time from the last verified checkpoint (kept in DataDirectory/verdict-checkpoint.json, so a
/// restart re-checks the checkpoint's record and walks only what was added since). A broken chain is
/// reported to <see cref="VerdictIntegrity"/> (logged, alarmed, NOT_SERVING). A store that cannot be
/// read is retried at the next interval.
/// </summary>
internal sealed partial class VerdictChainMonitor(
    IRunStore store,
    VerdictIntegrity integrity,
    IOptions<VerdictIntegrityOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<VerdictChainMonitor> logger) : BackgroundService
{
    private string CheckpointPath => Path.Combine(
        configuration[StoragePaths.DataDirectoryKey] is { Length: > 0 } d ? Path.GetFullPath(d) : StoragePaths.DefaultDataDirectory,
        "verdict-checkpoint.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoint = ReadCheckpoint();
        while (!stoppingToken.IsCancellationRequested && integrity.FirstFailure is null)
        {
            try
            {
                var result = await store.VerifyChainAsync(checkpoint, stoppingToken).ConfigureAwait(false);
                if (!result.Intact)
                {
                    integrity.Report(result.FirstBrokenSequence ?? 0, result.Detail, "chain check");
                    return;
                }

                if (result.Checkpoint is { } next && next != checkpoint)
                {
                    checkpoint = next;
                    WriteCheckpoint(next);
                }

                integrity.Verified(checkpoint?.Sequence ?? 0);
                LogVerified(logger, result.Detail);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
            {
                LogUnreadable(logger, e.Message);
            }

            try
            {
                await Task.Delay(options.Value.ChainCheckInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private VerdictCheckpoint? ReadCheckpoint()
    {
        try
        {
            return File.Exists(CheckpointPath) ? JsonSerializer.Deserialize<VerdictCheckpoint>(File.ReadAllText(CheckpointPath)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // Walk the whole chain instead.
            LogUnreadable(logger, $"checkpoint {CheckpointPath}: {e.Message}");
            return null;
        }
    }

    private void WriteCheckpoint(VerdictCheckpoint checkpoint)
    {
        var temp = CheckpointPath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(CheckpointPath)!);
        File.WriteAllText(temp, JsonSerializer.Serialize(checkpoint));
        File.Move(temp, CheckpointPath, overwrite: true);
    }

    [LoggerMessage(EventId = 3312, Level = LogLevel.Information, Message = "Verdict chain check: {Detail}")]
    private static partial void LogVerified(ILogger logger, string detail);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Warning, Message = "Verdict chain check could not read the store (retried at the next interval): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
