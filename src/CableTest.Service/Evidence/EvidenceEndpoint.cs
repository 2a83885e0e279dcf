namespace CableTest.Service.Evidence;

/// <summary><c>/evidence/{runId}.zip</c>: the run's signed evidence bundle; <c>/evidence/public-key.pem</c>: the key to check it with; <c>/evidence/anchors</c>: the signed chain anchors.</summary>
internal static class EvidenceEndpoint
{
    public static async Task<IResult> BundleAsync(string runId, EvidenceExport export, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        if (!await export.WriteAsync(runId, buffer, cancellationToken).ConfigureAwait(false))
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no verdict", detail: $"run {runId} has no verdict on record (unknown run, or not finished)");
        }

        buffer.Position = 0;
        return Results.File(buffer, "application/zip", runId + ".zip");
    }

    public static IResult PublicKey(BenchSigner signer) => Results.Text(signer.Key.PublicKeyPem, "application/x-pem-file");

    /// <summary>The bench's signed chain anchors, one JSON object per line, oldest first (empty before the first chain check has signed one).</summary>
    public static IResult Anchors(IConfiguration configuration)
    {
        var path = Path.Combine(CableTest.Storage.StoragePaths.DataDirectory(configuration), CableTest.Storage.Evidence.ChainAnchorLog.FileName);
        return File.Exists(path)
            ? Results.Stream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), "application/jsonl")
            : Results.Text("", "application/jsonl");
    }
}
