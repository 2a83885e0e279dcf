using CableTest.Domain.Uncertainty;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc;

/// <summary>Uncertainty budgets and the decision rule's source of U as cabletest.v1 messages.</summary>
public static partial class TestVerdictMapping
{
    /// <summary>"request", "budget" or "" (none), as DecisionRule.uncertainty_source says it.</summary>
    public static string ToWireName(this UncertaintySource source) => source switch
    {
        UncertaintySource.Request => "request",
        UncertaintySource.Budget => "budget",
        _ => "",
    };

    private static V1.UncertaintyBudget Map(UncertaintyBudget b)
    {
        var proto = new V1.UncertaintyBudget
        {
            Quantity = b.Quantity,
            Unit = b.Unit,
            Value = b.Value,
            CombinedStandardUncertainty = b.CombinedStandardUncertainty,
            CoverageFactor = b.CoverageFactor,
            ExpandedUncertainty = b.ExpandedUncertainty,
            ReportedExpandedUncertainty = (double)b.ReportedExpandedUncertainty,
            Compared = b.Compared,
            Verified = b.Verified,
            Method = UncertaintyBudget.Method,
        };
        proto.Components.AddRange(b.Components.Select(c => new V1.UncertaintyComponent
        {
            Name = c.Name,
            Symbol = c.Symbol,
            Source = c.Source,
            HalfWidth = c.HalfWidth,
            InputUnit = c.InputUnit,
            Distribution = c.Distribution,
            Divisor = c.Divisor,
            StandardUncertainty = c.StandardUncertainty,
            SensitivityCoefficient = c.SensitivityCoefficient,
            SensitivityUnit = c.SensitivityUnit,
            Contribution = c.Contribution,
            Tag = c.Tag,
        }));
        return proto;
    }
}
