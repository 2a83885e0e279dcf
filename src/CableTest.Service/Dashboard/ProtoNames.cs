using Google.Protobuf.Reflection;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Dashboard;

/// <summary>Enum values by their proto names ("OUTCOME_PASS"), as the JSON API spells them.</summary>
internal static class ProtoNames
{
    private static readonly EnumDescriptor Outcomes = V1.CommonReflection.Descriptor.FindTypeByName<EnumDescriptor>("Outcome");
    private static readonly EnumDescriptor TestKinds = V1.CommonReflection.Descriptor.FindTypeByName<EnumDescriptor>("TestKind");
    private static readonly EnumDescriptor RunStates = V1.BenchReflection.Descriptor.FindTypeByName<EnumDescriptor>("RunState");

    public static string Of(V1.Outcome outcome) => Outcomes.FindValueByNumber((int)outcome)?.Name ?? outcome.ToString();

    public static string Of(V1.TestKind kind) => TestKinds.FindValueByNumber((int)kind)?.Name ?? kind.ToString();

    public static string Of(V1.RunState state) => RunStates.FindValueByNumber((int)state)?.Name ?? state.ToString();
}
