using CableTest.Domain.Samples;
using CableTest.Domain.Standards;
using Google.Protobuf.WellKnownTypes;
using DomainTestKind = CableTest.Domain.Verdicts.TestKind;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>The registered sample at the edge: cabletest.v1.Sample ⇄ <see cref="CableSample"/>.</summary>
internal static class SampleMapping
{
    public static CableSample ToDomain(this V1.Sample sample)
    {
        var conductor = sample.Conductor ?? new V1.ConductorSpec();
        return new CableSample(
            sample.SampleId,
            sample.LimsOrder,
            sample.SpecId,
            sample.ProductSpec,
            new ConductorSpec(conductor.ConductorClass, Material(conductor.Material), conductor.Coated, (decimal)conductor.CrossSectionMm2),
            sample.Cores,
            sample.LengthM,
            sample.HasConductorDiameterMm ? sample.ConductorDiameterMm : null,
            sample.HasInsulationOuterDiameterMm ? sample.InsulationOuterDiameterMm : null,
            sample.RatedVoltage,
            sample.Description,
            sample.RegisteredAt?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch);
    }

    public static V1.Sample ToProto(this CableSample sample)
    {
        var proto = new V1.Sample
        {
            SampleId = sample.SampleId,
            LimsOrder = sample.LimsOrder,
            SpecId = sample.SpecId,
            ProductSpec = sample.ProductSpec,
            Conductor = new V1.ConductorSpec
            {
                ConductorClass = sample.Conductor.ConductorClass,
                Material = sample.Conductor.Material.ToString().ToLowerInvariant(),
                Coated = sample.Conductor.Coated,
                CrossSectionMm2 = (double)sample.Conductor.CrossSectionMm2,
            },
            Cores = sample.Cores,
            LengthM = sample.LengthM,
            RatedVoltage = sample.RatedVoltage,
            Description = sample.Description,
            RegisteredAt = Timestamp.FromDateTimeOffset(sample.RegisteredAt),
        };
        if (sample.ConductorDiameterMm is { } d)
        {
            proto.ConductorDiameterMm = d;
        }

        if (sample.InsulationOuterDiameterMm is { } outer)
        {
            proto.InsulationOuterDiameterMm = outer;
        }

        return proto;
    }

    public static DomainTestKind? ToDomain(this V1.TestKind kind) => kind switch
    {
        V1.TestKind.ConductorResistance => DomainTestKind.ConductorResistance,
        V1.TestKind.InsulationResistance => DomainTestKind.InsulationResistance,
        V1.TestKind.VoltageWithstand => DomainTestKind.VoltageWithstand,
        _ => null,
    };

    private static ConductorMaterial Material(string name) =>
        name.ToUpperInvariant() is "AL" or "ALUMINIUM" or "ALUMINUM" ? ConductorMaterial.Aluminium : ConductorMaterial.Copper;
}
