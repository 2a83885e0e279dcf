using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Opaque ListVerdicts page token: the last sequence of the page and a fingerprint of the filters
/// it was made for, so a token cannot be replayed with other filters (AIP-158).
/// </summary>
internal static class PageToken
{
    public static string Create(long afterSequence, string filterFingerprint) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"v1.{afterSequence}.{filterFingerprint}")));

    /// <summary>The sequence to continue after; null when the token is malformed or for other filters.</summary>
    public static long? TryRead(string token, string filterFingerprint)
    {
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('.');
        return parts is ["v1", var seq, var fingerprint]
            && fingerprint == filterFingerprint
            && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            ? after
            : null;
    }

    /// <summary>A short hash of the filter fields (not the page size, which may change between pages).</summary>
    public static string Fingerprint(params string[] filterFields)
    {
        var joined = string.Join('\u001f', filterFields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)), 0, 6);
    }
}
