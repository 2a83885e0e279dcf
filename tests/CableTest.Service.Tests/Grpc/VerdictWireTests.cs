using System.Buffers;
using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using Google.Protobuf;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>Verdicts and pages written from their cached encoding are byte for byte what protobuf writes.</summary>
public sealed class VerdictWireTests
{
    private static Verdict Remembered(int n)
    {
        var verdict = VerdictSeeds.Make(n);
        verdict.EvidenceJson = "{\"verdictId\":\"V-" + n + "\"}";
        VerdictWire.Remember(verdict);
        return verdict;
    }

    [Fact]
    public void Page_RememberedAndNotRemembered_SameBytesAsProtobuf()
    {
        var page = new ListVerdictsResponse { NextPageToken = "tok-é" };
        page.Verdicts.Add(Remembered(1));
        page.Verdicts.Add(VerdictSeeds.Make(2));
        page.Verdicts.Add(Remembered(3));
        Assert.Equal(page.ToByteArray(), VerdictWire.Encode(page));
        Assert.Equal(page, ListVerdictsResponse.Parser.ParseFrom(VerdictWire.Encode(page)));
    }

    [Fact]
    public void Page_EmptyOrLarge_SameBytesAsProtobuf()
    {
        Assert.Equal(new ListVerdictsResponse().ToByteArray(), VerdictWire.Encode(new ListVerdictsResponse()));
        var big = new ListVerdictsResponse();
        big.Verdicts.AddRange(Enumerable.Range(1, 60).Select(Remembered));
        Assert.True(big.CalculateSize() > 16_384);
        Assert.Equal(big.ToByteArray(), VerdictWire.Encode(big));
    }

    [Fact]
    public void Marshallers_VerdictAndPage_WriteProtobufBytes_OthersLeftAsGenerated()
    {
        var verdict = Remembered(7);
        var context = new CapturingContext();
        VerdictWire.ResponseMarshaller(Marshallers.Create(v => v.ToByteArray(), Verdict.Parser.ParseFrom)).ContextualSerializer(verdict, context);
        Assert.Equal(verdict.ToByteArray(), context.Payload);

        var page = new ListVerdictsResponse { Verdicts = { verdict, VerdictSeeds.Make(8) }, NextPageToken = "next" };
        context = new CapturingContext();
        VerdictWire.ResponseMarshaller(Marshallers.Create(p => p.ToByteArray(), ListVerdictsResponse.Parser.ParseFrom)).ContextualSerializer(page, context);
        Assert.Equal(page.ToByteArray(), context.Payload);

        var generated = Marshallers.Create<Run>(r => r.ToByteArray(), Run.Parser.ParseFrom);
        Assert.Same(generated, VerdictWire.ResponseMarshaller(generated));
    }

    private sealed class CapturingContext : SerializationContext
    {
        private readonly ArrayBufferWriter<byte> buffer = new();
        private int? declared;

        public byte[] Payload { get; private set; } = [];

        public override void Complete(byte[] payload) => Payload = payload;

        public override void SetPayloadLength(int payloadLength) => declared = payloadLength;

        public override IBufferWriter<byte> GetBufferWriter() => buffer;

        public override void Complete()
        {
            Payload = buffer.WrittenSpan.ToArray();
            Assert.Equal(declared, Payload.Length);
        }
    }
}
