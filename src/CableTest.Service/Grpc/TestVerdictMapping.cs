using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc;

/// <summary>
/// A domain <see cref="TestVerdict"/> as cabletest.v1.TestVerdict. The run orchestration adds what
/// only a run knows (test id, core, instruments, reading ids, measured at) to the result.
/// </summary>
public static partial class TestVerdictMapping
{
    public static V1.TestVerdict ToProto(this TestVerdict verdict)
    {
        var proto = new V1.TestVerdict
        {
            Kind = verdict.Kind.ToProto(),
            Outcome = verdict.Outcome.ToProto(),
            ReasonCode = verdict.ReasonCode ?? "",
            Reason = verdict.Reason ?? "",
            Warnings = { verdict.Warnings },
        };
        if (verdict.Reference is { } r)
        {
            proto.Reference = new V1.StandardReference
            {
                Standard = r.Standard,
                Edition = r.Edition,
                Clause = r.Clause,
                Method = r.Method,
                LimitVerified = r.LimitVerified,
                Source = r.Source,
            };
        }

        if (verdict.DecisionRule is { } rule)
        {
            proto.DecisionRule = new V1.DecisionRule
            {
                Kind = rule.Kind.ToProto(),
                GuardBand = (double)rule.GuardBand,
                ExpandedUncertainty = (double)(rule.ExpandedUncertainty ?? 0m),
                CoverageFactor = (double)(rule.CoverageFactor ?? (rule.ExpandedUncertainty is null ? 0m : 2m)),
                UncertaintySource = rule.UncertaintySource.ToWireName(),
            };
        }

        proto.Uncertainty.AddRange(verdict.Uncertainty.Select(Map));

        switch (verdict.Evidence)
        {
            case ConductorResistanceEvidence e:
                proto.ConductorResistance = Map(e);
                break;
            case InsulationResistanceEvidence e:
                proto.InsulationResistance = Map(e);
                break;
            case VoltageWithstandEvidence e:
                proto.VoltageWithstand = Map(e);
                break;
        }

        return proto;
    }

    public static V1.ConductorSpec ToProto(this ConductorSpec conductor) => new()
    {
        ConductorClass = conductor.ConductorClass,
        Material = ConductorMaterials.Name(conductor.Material),
        Coated = conductor.Coated,
        CrossSectionMm2 = (double)conductor.CrossSectionMm2,
    };

    private static V1.ConductorResistanceEvidence Map(ConductorResistanceEvidence e) => new()
    {
        Conductor = e.Conductor.ToProto(),
        MeasuredResistanceOhm = (double)e.MeasuredResistanceOhm,
        LengthM = (double)e.LengthM,
        ConductorTemperatureC = (double)e.ConductorTemperatureC,
        KtMethod = e.KtMethod.ToWireName(),
        Kt = (double)(e.Kt ?? 0m),
        RtOhmPerKm = (double)(e.RtOhmPerKm ?? 0m),
        R20OhmPerKm = (double)(e.R20OhmPerKm ?? 0m),
        LimitOhmPerKm = (double)(e.LimitOhmPerKm ?? 0m),
        AcceptanceLimitOhmPerKm = (double)(e.AcceptanceLimitOhmPerKm ?? 0m),
    };

    private static V1.InsulationResistanceEvidence Map(InsulationResistanceEvidence e)
    {
        var proto = new V1.InsulationResistanceEvidence
        {
            CableType = e.CableType,
            Criterion = e.Criterion.ToWireName(),
            MeasuredResistanceMohm = (double)e.MeasuredResistanceMohm,
            LengthM = (double)e.LengthM,
            TestTemperatureC = (double)e.TestTemperatureC,
            TestVoltageVDc = (double)e.TestVoltageVDc,
            ElectrificationS = (double)e.ElectrificationS,
            ConductorDiameterMm = (double)e.ConductorDiameterMm,
            InsulationOuterDiameterMm = (double)e.InsulationOuterDiameterMm,
            Minimum = (double)(e.Minimum ?? 0m),
            MinimumUnit = e.MinimumUnit,
            AcceptanceLimit = (double)(e.AcceptanceLimit ?? 0m),
        };
        if (e.RLMohmKm is { } rl)
        {
            proto.RLMohmKm = (double)rl;
        }

        if (e.KiMohmKm is { } ki)
        {
            proto.KiMohmKm = (double)ki;
        }

        if (e.RhoOhmCm is { } rho)
        {
            proto.RhoOhmCm = (double)rho;
        }

        return proto;
    }

    private static V1.VoltageWithstandEvidence Map(VoltageWithstandEvidence e)
    {
        var proto = new V1.VoltageWithstandEvidence
        {
            RatedVoltage = e.RatedVoltage,
            VoltageKind = e.VoltageKind.ToString(),
            RequiredKv = (double)(e.RequiredKv ?? 0m),
            RequiredS = (double)(e.RequiredS ?? 0m),
            AppliedKv = (double)e.AppliedKv,
            FrequencyHz = (double)(e.FrequencyHz ?? 0m),
            HeldS = (double)e.HeldS,
            VoltageTolerancePct = (double)(e.VoltageTolerancePct ?? 0m),
            Breakdown = e.Breakdown,
            BreakdownLocation = e.BreakdownLocation switch
            {
                BreakdownLocation.Insulation => "insulation",
                BreakdownLocation.Termination => "termination",
                _ => e.Breakdown ? "insulation" : "",
            },
            Interrupted = e.Interrupted,
        };
        Set(e.LowerKv, v => proto.LowerKv = v);
        Set(e.UpperKv, v => proto.UpperKv = v);
        Set(e.DcAlternativeKv, v => proto.DcAlternativeKv = v);
        Set(e.BreakdownKv, v => proto.FailureVoltageKv = v);
        Set(e.BreakdownTimeS, v => proto.FailureTimeS = v);
        return proto;
    }

    private static void Set(decimal? value, Action<double> set)
    {
        if (value is { } v)
        {
            set((double)v);
        }
    }
}
