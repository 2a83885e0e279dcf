using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using Google.Protobuf;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// A verdict as <see cref="VerdictCache"/> keeps it: its protobuf encoding, and the SHA-256 of the stored record's
/// fields it was mapped and checked from (content, previous and chain hashes, and the index columns
/// <see cref="VerdictDocument.IndexMismatch"/> compares), so a record read again is served from it only while every
/// one of those fields is unchanged. The message itself is not kept: a binary gRPC response writes
/// <see cref="Encoded"/> as it is (<see cref="StandIn"/>), anything else parses it again (<see cref="Parse"/>, a few
/// µs against ~70 µs for the evidence JSON).
/// </summary>
internal sealed class CachedVerdict
{
    /// <summary>
    /// What an entry takes besides its encoding's bytes: the array's header, the stand-in message, the record digest,
    /// this object, the cache's entry and the weak-table slot (measured, see VerdictCacheTests).
    /// </summary>
    internal const int OverheadBytes = 640;

    private readonly byte[] record;

    private CachedVerdict(Verdict standIn, byte[] encoded, byte[] record)
    {
        StandIn = standIn;
        Encoded = encoded;
        this.record = record;
        VerdictWire.Remember(standIn, encoded);
    }

    /// <summary>
    /// The object to hand to the binary gRPC response marshaller (<see cref="VerdictWire"/>), which writes
    /// <see cref="Encoded"/> in its place. It carries the sequence and nothing else: never give it to JSON
    /// transcoding or anything else that reads the message's fields.
    /// </summary>
    public Verdict StandIn { get; }

    /// <summary>The whole verdict's protobuf encoding, exactly <c>ToByteArray</c>'s bytes. Never changed.</summary>
    public byte[] Encoded { get; }

    /// <summary>What this entry is counted at in the cache: its encoding plus <see cref="OverheadBytes"/>.</summary>
    public long Bytes => Encoded.Length + OverheadBytes;

    /// <summary>Keeps <paramref name="verdict"/>, mapped from <paramref name="stored"/> and checked against it; it must not change after this.</summary>
    public static CachedVerdict Of(Verdict verdict, StoredVerdict stored)
    {
        var record = new byte[SHA256.HashSizeInBytes];
        Digest(stored, record);
        return new CachedVerdict(new Verdict { Sequence = verdict.Sequence }, verdict.ToByteArray(), record);
    }

    /// <summary>Whether <paramref name="stored"/> is the record this entry was mapped from: the same hashes and index columns.</summary>
    public bool IsFrom(StoredVerdict stored)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(stored, digest);
        return digest.SequenceEqual(record);
    }

    /// <summary>The whole verdict, parsed from its encoding: a new message each call, the caller's to keep.</summary>
    public Verdict Parse() => Verdict.Parser.ParseFrom(Encoded);

    /// <summary>SHA-256 over the compared fields, each length-prefixed (UTF-16), and the evaluation time in ms.</summary>
    private static void Digest(StoredVerdict stored, Span<byte> digest)
    {
        ReadOnlySpan<string> fields = [stored.ContentSha256, stored.PreviousSha256, stored.ChainSha256, stored.VerdictId, stored.RunId, stored.SampleId, stored.LimsOrder, stored.Outcome];
        var length = sizeof(long) * 2;
        foreach (var field in fields)
        {
            length += sizeof(int) + (2 * field.Length);
        }

        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        BinaryPrimitives.WriteInt64LittleEndian(buffer, stored.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[8..], stored.EvaluatedAt.ToUnixTimeMilliseconds());
        var at = sizeof(long) * 2;
        foreach (var field in fields)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], field.Length);
            at += sizeof(int);
            MemoryMarshal.AsBytes(field.AsSpan()).CopyTo(buffer[at..]);
            at += 2 * field.Length;
        }

        SHA256.HashData(buffer, digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
