using CableTest.Domain.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc;

/// <summary>Domain enums and wire names to and from their cabletest.v1 counterparts.</summary>
internal static class ProtoEnums
{
    private static readonly Dictionary<string, V1.Outcome> ByWireName =
        Enum.GetValues<Outcome>().ToDictionary(o => o.ToWireName(), o => o.ToProto(), StringComparer.Ordinal);

    public static V1.Outcome ToProto(this Outcome outcome) => outcome switch
    {
        Outcome.Pass => V1.Outcome.Pass,
        Outcome.ConditionalPass => V1.Outcome.ConditionalPass,
        Outcome.ConditionalFail => V1.Outcome.ConditionalFail,
        Outcome.Fail => V1.Outcome.Fail,
        Outcome.Invalid => V1.Outcome.Invalid,
        Outcome.Inconclusive => V1.Outcome.Inconclusive,
        Outcome.Error => V1.Outcome.Error,
        Outcome.Retest => V1.Outcome.Retest,
        Outcome.Incomplete => V1.Outcome.Incomplete,
        _ => V1.Outcome.Unspecified,
    };

    /// <summary>The stored wire name ("pass", "conditional_fail"...) of a proto outcome; null for unspecified or unknown values.</summary>
    public static string? ToWireName(this V1.Outcome outcome) => outcome switch
    {
        V1.Outcome.Pass => Outcome.Pass.ToWireName(),
        V1.Outcome.ConditionalPass => Outcome.ConditionalPass.ToWireName(),
        V1.Outcome.ConditionalFail => Outcome.ConditionalFail.ToWireName(),
        V1.Outcome.Fail => Outcome.Fail.ToWireName(),
        V1.Outcome.Invalid => Outcome.Invalid.ToWireName(),
        V1.Outcome.Inconclusive => Outcome.Inconclusive.ToWireName(),
        V1.Outcome.Error => Outcome.Error.ToWireName(),
        V1.Outcome.Retest => Outcome.Retest.ToWireName(),
        V1.Outcome.Incomplete => Outcome.Incomplete.ToWireName(),
        _ => null,
    };

    /// <summary>A stored wire name back to the proto enum (unspecified when unknown).</summary>
    public static V1.Outcome OutcomeFromWireName(string name) => ByWireName.GetValueOrDefault(name, V1.Outcome.Unspecified);

    public static V1.TestKind ToProto(this TestKind kind) => kind switch
    {
        TestKind.ConductorResistance => V1.TestKind.ConductorResistance,
        TestKind.InsulationResistance => V1.TestKind.InsulationResistance,
        TestKind.VoltageWithstand => V1.TestKind.VoltageWithstand,
        _ => V1.TestKind.Unspecified,
    };

    public static V1.DecisionRule.Types.Kind ToProto(this DecisionRuleKind kind) => kind switch
    {
        DecisionRuleKind.SimpleAcceptance => V1.DecisionRule.Types.Kind.SimpleAcceptance,
        DecisionRuleKind.BinaryGuardBand => V1.DecisionRule.Types.Kind.BinaryGuardBand,
        DecisionRuleKind.NonBinaryGuardBand => V1.DecisionRule.Types.Kind.NonBinaryGuardBand,
        _ => V1.DecisionRule.Types.Kind.Unspecified,
    };
}
