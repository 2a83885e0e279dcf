using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using CableTest.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Verdicts as they go on the wire, serialised once: the verdict cache keeps each verdict's protobuf encoding
/// (<see cref="CachedVerdict"/>, remembered here against the object a response carries), and the response marshallers for <see cref="Verdict"/> and
/// <see cref="ListVerdictsResponse"/> copy those bytes instead of encoding the evidence again on every read (a page of
/// 50 is ~150 KB). The bytes are exactly what <c>ToByteArray</c> gives (tests compare them); a verdict not remembered
/// is encoded as usual. JSON transcoding serialises the message objects and never sees this: a cached verdict's stand-in
/// (its header only) goes only to responses these marshallers write (<see cref="VerdictReplies"/>).
/// </summary>
internal static class VerdictWire
{
    private const byte VerdictsTag = (1 << 3) | 2; // ListVerdictsResponse.verdicts, length-delimited
    private const byte NextPageTokenTag = (2 << 3) | 2; // ListVerdictsResponse.next_page_token
    private static readonly ConditionalWeakTable<Verdict, byte[]> Encoded = [];

    /// <summary>True while ListVerdictsResponse has exactly the two fields this writer knows; else it is encoded as usual.</summary>
    internal static readonly bool PageShapeKnown = ListVerdictsResponse.Descriptor.Fields.InFieldNumberOrder() is [{ FieldNumber: 1, Name: "verdicts" }, { FieldNumber: 2, Name: "next_page_token" }];

    /// <summary>Encodes <paramref name="verdict"/> once and keeps the bytes for as long as the verdict lives (it must not change after this); returns their length.</summary>
    public static int Remember(Verdict verdict)
    {
        var bytes = verdict.ToByteArray();
        Encoded.AddOrUpdate(verdict, bytes);
        return bytes.Length;
    }

    /// <summary>
    /// Writes <paramref name="encoded"/> wherever <paramref name="verdict"/> is a response, for as long as it lives: the
    /// verdict's own encoding, or the whole verdict's for a <see cref="CachedVerdict.StandIn"/>.
    /// </summary>
    public static void Remember(Verdict verdict, byte[] encoded) => Encoded.AddOrUpdate(verdict, encoded);

    /// <summary>The response marshaller to use for <typeparamref name="T"/>: ours for verdicts and pages, <paramref name="generated"/> otherwise.</summary>
    public static Marshaller<T> ResponseMarshaller<T>(Marshaller<T> generated) =>
        typeof(T) == typeof(Verdict) ? (Marshaller<T>)(object)new Marshaller<Verdict>(WriteVerdict, ((Marshaller<Verdict>)(object)generated).ContextualDeserializer)
        : typeof(T) == typeof(ListVerdictsResponse) && PageShapeKnown
            ? (Marshaller<T>)(object)new Marshaller<ListVerdictsResponse>(WritePage, ((Marshaller<ListVerdictsResponse>)(object)generated).ContextualDeserializer)
        : generated;

    /// <summary>The page's encoding (exposed for tests).</summary>
    internal static byte[] Encode(ListVerdictsResponse page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(page, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteVerdict(Verdict verdict, SerializationContext context)
    {
        if (Encoded.TryGetValue(verdict, out var bytes))
        {
            context.Complete(bytes);
            return;
        }

        context.SetPayloadLength(verdict.CalculateSize());
        verdict.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    private static void WritePage(ListVerdictsResponse page, SerializationContext context)
    {
        context.SetPayloadLength(Write(page, null));
        Write(page, context.GetBufferWriter());
        context.Complete();
    }

    /// <summary>Writes <paramref name="page"/> as protobuf does (fields in number order) to <paramref name="output"/>; returns its length. Null: only measures.</summary>
    private static int Write(ListVerdictsResponse page, IBufferWriter<byte>? output)
    {
        var length = 0;
        foreach (var verdict in page.Verdicts)
        {
            if (Encoded.TryGetValue(verdict, out var bytes))
            {
                length += Field(output, VerdictsTag, bytes);
            }
            else
            {
                length += Field(output, VerdictsTag, verdict.ToByteArray());
            }
        }

        if (page.NextPageToken.Length > 0)
        {
            length += Field(output, NextPageTokenTag, Encoding.UTF8.GetBytes(page.NextPageToken));
        }

        return length;
    }

    private static int Field(IBufferWriter<byte>? output, byte tag, ReadOnlySpan<byte> value)
    {
        Span<byte> head = stackalloc byte[6];
        head[0] = tag;
        var n = 1;
        var remaining = (uint)value.Length;
        while (remaining >= 0x80)
        {
            head[n++] = (byte)(remaining | 0x80);
            remaining >>= 7;
        }

        head[n++] = (byte)remaining;
        if (output is not null)
        {
            output.Write(head[..n]);
            output.Write(value);
        }

        return n + value.Length;
    }
}
