using System.Text.Json;
using CableTest.Service.Evidence;
using CableTest.Storage;
using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Verifies the verdict hash chain at start and then every <see cref="VerdictIntegrityOptions.ChainCheckInterval"/>,
/// each time from the last verified checkpoint (kept in DataDirectory/verdict-checkpoint.json, so a
/// restart re-checks the checkpoint's record and walks only what was added since). A broken chain is
/// reported to <see cref="VerdictIntegrity"/> (logged, alarmed, NOT_SERVING). A store that cannot be
/// read is retried at the next interval.
/// Each time it verifies further, the bench signs the new chain head and appends it to
/// DataDirectory/verdict-anchors.jsonl (<see cref="ChainAnchor"/>); at start the last anchor is checked
/// against the store, so records rewritten with every hash recomputed are caught as well.
/// </summary>
internal sealed partial class VerdictChainMonitor(
    IRunStore store,
    VerdictIntegrity integrity,
    IOptions<VerdictIntegrityOptions> options,
    IOptions<CableTest.Service.Bench.BenchOptions> bench,
    BenchSigner signer,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<VerdictChainMonitor> logger) : BackgroundService
{
    private string DataDirectory => StoragePaths.DataDirectory(configuration);

    private string CheckpointPath => Path.Combine(DataDirectory, "verdict-checkpoint.json");

    private string AnchorsPath => Path.Combine(DataDirectory, ChainAnchorLog.FileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoint = ReadCheckpoint();
        // The last anchor this bench's key signed: checked against the store once the chain holds, and not signed again.
        // Anchors of an earlier key (before a rotation) are checked by `cabletest verify --public-key OLD.pem`.
        var lastAnchor = ChainAnchorLog.Read(AnchorsPath).Anchors.LastOrDefault(a => a.KeyId == signer.Key.KeyId);
        var anchorToCheck = lastAnchor;
        var lastAnchored = lastAnchor is null ? null : new VerdictCheckpoint(lastAnchor.Sequence, lastAnchor.ChainSha256);
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

                if (anchorToCheck is not null)
                {
                    if (await AnchorProblemAsync(anchorToCheck, stoppingToken).ConfigureAwait(false) is { } problem)
                    {
                        integrity.Report(anchorToCheck.Sequence, problem, "anchor check");
                        return;
                    }

                    anchorToCheck = null;
                }

                if (result.Checkpoint is { } next && next != checkpoint)
                {
                    checkpoint = next;
                    WriteCheckpoint(next);
                }

                if (result.Checkpoint is { Sequence: > 0 } verified && !verified.SameRecord(lastAnchored))
                {
                    lastAnchored = verified;
                    ChainAnchorLog.Append(AnchorsPath, ChainAnchor.Sign(signer.Key, bench.Value.BenchId, verified.Sequence, verified.ChainSha256, time.GetUtcNow()));
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

    /// <summary>What is wrong with <paramref name="anchor"/> against the store (signature with the bench's key, chain hash at its sequence), or null.</summary>
    private async Task<string?> AnchorProblemAsync(ChainAnchor anchor, CancellationToken cancellationToken)
    {
        using var publicKey = ChainAnchorCheck.PublicKeyFromPem(signer.Key.PublicKeyPem);
        return await ChainAnchorCheck.ProblemAsync(store, anchor, publicKey, cancellationToken).ConfigureAwait(false);
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
