using System.Text.Json;

namespace CableTest.Storage.Evidence;

/// <summary>A bundle's manifest as read: the run and each member's name, size and SHA-256.</summary>
internal sealed record EvidenceManifest(string RunId, IReadOnlyList<(string Name, long Bytes, string Sha256)> Members)
{
    /// <summary>The manifest in <paramref name="bytes"/>, or null when it is not one.</summary>
    public static EvidenceManifest? TryParse(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("members", out var list) || list.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("format", out var format) || format.GetString() != EvidenceMembers.Format)
            {
                return null;
            }

            var members = new List<(string, long, string)>();
            foreach (var m in list.EnumerateArray())
            {
                members.Add((m.GetProperty("name").GetString() ?? "", m.GetProperty("bytes").GetInt64(), m.GetProperty("sha256").GetString() ?? ""));
            }

            return new EvidenceManifest(root.TryGetProperty("run_id", out var run) ? run.GetString() ?? "" : "", members);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}
