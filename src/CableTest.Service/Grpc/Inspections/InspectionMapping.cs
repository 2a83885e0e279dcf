using CableTest.Domain.Comparison;
using CableTest.Domain.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>Re-inspection at the edge: a verdict record → <see cref="Inspection"/>, and <see cref="InspectionComparison"/> → the contract.</summary>
internal static class InspectionMapping
{
    /// <summary>
    /// The inspection a verdict record states: per test the quantity its decision rule compared, with the value and U
    /// (the reported U of the compared quantity's uncertainty budget); without a budget the evidence's value, no U.
    /// </summary>
    public static Inspection FromVerdict(V1.Verdict verdict) =>
        new(verdict.RunId, verdict.SampleId, Outcome(verdict.Outcome), [.. verdict.Tests.Select(Result).OfType<InspectedQuantity>()]);

    public static V1.CompareInspectionsResponse ToProto(InspectionComparison comparison, V1.InspectionSummary a, V1.InspectionSummary b)
    {
        var response = new V1.CompareInspectionsResponse
        {
            A = a,
            B = b,
            Compared = comparison.Compared,
            Consistent = comparison.Consistent,
        };
        if (comparison.OverallVerdictsAgree is { } agree)
        {
            response.VerdictsAgree = agree;
        }

        response.Quantities.AddRange(comparison.Quantities.Select(ToProto));
        response.Disagreeing.AddRange(comparison.Disagreeing);
        return response;
    }

    public static V1.InspectionSummary Summary(V1.Verdict verdict) => new()
    {
        Label = verdict.RunId,
        Source = "run",
        SampleId = verdict.SampleId,
        Outcome = verdict.Outcome,
        BenchId = verdict.BenchId,
    };

    public static V1.InspectionSummary Summary(Inspection external) => new()
    {
        Label = external.Label,
        Source = "external",
        SampleId = external.SampleId,
        Outcome = external.Outcome?.ToProto() ?? V1.Outcome.Unspecified,
    };

    /// <summary>"consistent", "inconsistent", "no_uncertainty", "verdict_only", "only_in_a", "only_in_b".</summary>
    public static string WireName(this QuantityAgreement agreement) => agreement switch
    {
        QuantityAgreement.Consistent => "consistent",
        QuantityAgreement.Inconsistent => "inconsistent",
        QuantityAgreement.NoUncertainty => "no_uncertainty",
        QuantityAgreement.VerdictOnly => "verdict_only",
        QuantityAgreement.OnlyInFirst => "only_in_a",
        QuantityAgreement.OnlyInSecond => "only_in_b",
        _ => throw new ArgumentOutOfRangeException(nameof(agreement)),
    };

    private static V1.QuantityComparison ToProto(QuantityComparison q)
    {
        var either = q.First ?? q.Second!;
        var proto = new V1.QuantityComparison
        {
            Key = q.Key,
            Test = either.Test.ToProto(),
            Core = either.Core,
            Quantity = either.Quantity,
            Unit = either.Unit,
            OutcomeA = q.First?.Outcome?.ToProto() ?? V1.Outcome.Unspecified,
            OutcomeB = q.Second?.Outcome?.ToProto() ?? V1.Outcome.Unspecified,
            Agreement = q.Agreement.WireName(),
        };
        if (q.First?.Value is { } va)
        {
            proto.ValueA = va;
        }

        if (q.First?.ExpandedUncertainty is { } ua)
        {
            proto.ExpandedUncertaintyA = ua;
        }

        if (q.Second?.Value is { } vb)
        {
            proto.ValueB = vb;
        }

        if (q.Second?.ExpandedUncertainty is { } ub)
        {
            proto.ExpandedUncertaintyB = ub;
        }

        if (q.NormalisedError is { } en)
        {
            proto.NormalisedError = en;
        }

        if (q.VerdictsAgree is { } agree)
        {
            proto.VerdictsAgree = agree;
        }

        return proto;
    }

    private static InspectedQuantity? Result(V1.TestVerdict test)
    {
        TestKind? kind = test.Kind switch
        {
            V1.TestKind.ConductorResistance => TestKind.ConductorResistance,
            V1.TestKind.InsulationResistance => TestKind.InsulationResistance,
            V1.TestKind.VoltageWithstand => TestKind.VoltageWithstand,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        var outcome = Outcome(test.Outcome);
        if (k == TestKind.VoltageWithstand)
        {
            return new InspectedQuantity(k, test.Core, "", "", null, null, null, outcome);
        }

        var budget = test.Uncertainty.FirstOrDefault(b => b.Compared);
        if (budget is not null && ComparedQuantities.TryUnit(k, budget.Quantity, out var unit))
        {
            var u = budget.ReportedExpandedUncertainty > 0 ? budget.ReportedExpandedUncertainty : budget.ExpandedUncertainty;
            return new InspectedQuantity(k, test.Core, budget.Quantity, unit, budget.Value, u > 0 ? u : null,
                budget.CoverageFactor > 0 ? budget.CoverageFactor : null, outcome);
        }

        var (quantity, value) = FromEvidence(test);
        if (quantity.Length == 0)
        {
            (quantity, value) = (ComparedQuantities.Of(k)[0], null); // nothing measured: its verdict is still compared
        }

        _ = ComparedQuantities.TryUnit(k, quantity, out var evidenceUnit);
        return new InspectedQuantity(k, test.Core, quantity, evidenceUnit, value, null, null, outcome);
    }

    /// <summary>The compared quantity and its value from the evidence (a record without an uncertainty budget).</summary>
    private static (string Quantity, double? Value) FromEvidence(V1.TestVerdict test) => test.EvidenceCase switch
    {
        V1.TestVerdict.EvidenceOneofCase.ConductorResistance => ("r20_ohm_per_km", test.ConductorResistance.R20OhmPerKm),
        V1.TestVerdict.EvidenceOneofCase.InsulationResistance => test.InsulationResistance.Criterion switch
        {
            "R_L" => ("r_l_mohm_km", test.InsulationResistance.HasRLMohmKm ? test.InsulationResistance.RLMohmKm : null),
            "Ki" => ("ki_mohm_km", test.InsulationResistance.HasKiMohmKm ? test.InsulationResistance.KiMohmKm : null),
            "rho" => ("rho_ohm_cm", test.InsulationResistance.HasRhoOhmCm ? test.InsulationResistance.RhoOhmCm : null),
            _ => ("", null),
        },
        _ => ("", null),
    };

    private static Outcome? Outcome(V1.Outcome outcome) =>
        outcome.ToWireName() is { } name ? Enum.GetValues<Outcome>().Where(o => o.ToWireName() == name).Select(o => (Outcome?)o).FirstOrDefault() : null;
}
