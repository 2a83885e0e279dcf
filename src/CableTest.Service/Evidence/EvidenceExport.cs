using System.Text.Json.Nodes;
using CableTest.Service.Bench;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;
using Google.Protobuf;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Evidence;

/// <summary>Gathers a run's evidence bundle from the store, the recordings and the signing key.</summary>
public sealed class EvidenceExport(IRunStore store, Bench.Bench bench, BenchSigner signer, TimeProvider time)
{
    /// <summary>Records in one bundle's chain segment at most (from the verdict's on; the checkpoint signs the last).</summary>
    internal const int MaxSegment = 10_000;

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <summary>The bundle of <paramref name="runId"/>'s verdict written to <paramref name="output"/>; false when the run has no verdict.</summary>
    public async Task<bool> WriteAsync(string runId, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var stored = await store.GetVerdictByRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        var verdict = VerdictDocument.FromStored(stored);
        var readings = await store.GetReadingsAsync(runId, cancellationToken).ConfigureAwait(false);
        var recordingPath = Path.Combine(bench.DataDirectory, "recordings", runId + ".jsonl");
        var recording = File.Exists(recordingPath) ? await File.ReadAllBytesAsync(recordingPath, cancellationToken).ConfigureAwait(false) : null;
        var chain = await SegmentAsync(stored, cancellationToken).ConfigureAwait(false);
        var content = new EvidenceBundleContent(runId, bench.BenchId, Formatter.Format(verdict), readings, recording, Calibration(verdict), chain);
        using var buffer = new MemoryStream();
        EvidenceBundleWriter.Write(buffer, content, signer.Key, time.GetUtcNow());
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The chain records from the verdict's up to the head (at most <see cref="MaxSegment"/>).</summary>
    private async Task<List<StoredVerdict>> SegmentAsync(StoredVerdict verdict, CancellationToken cancellationToken)
    {
        var head = await store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var segment = new List<StoredVerdict>();
        var after = verdict.Sequence - 1;
        while (after < head && segment.Count < MaxSegment)
        {
            var page = await store.ReadVerdictsAfterAsync(after, Math.Min(500, MaxSegment - segment.Count), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            segment.AddRange(page.Where(r => r.Sequence <= head));
            after = page[^1].Sequence;
        }

        return segment;
    }

    /// <summary>The instruments the verdict's tests used, with their calibration certificates and due dates.</summary>
    private static string Calibration(V1.Verdict verdict)
    {
        var instruments = verdict.Tests.SelectMany(t => t.Instruments).GroupBy(i => i.InstrumentId, StringComparer.Ordinal).Select(g => g.First());
        return new JsonObject
        {
            ["run_id"] = verdict.RunId,
            ["verdict_id"] = verdict.VerdictId,
            ["instruments"] = new JsonArray([.. instruments.Select(i => JsonNode.Parse(Formatter.Format(i)))]),
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
