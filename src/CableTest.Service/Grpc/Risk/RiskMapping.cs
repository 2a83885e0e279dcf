using CableTest.Contracts.V1;
using Model = CableTest.Domain.Risk;

namespace CableTest.Service.Grpc.Risk;

/// <summary>Domain risk summary → cabletest.v1 messages.</summary>
internal static class RiskMapping
{
    public static GetRiskSummaryResponse ToContract(Model.RiskSummary summary, Model.RiskRules rules)
    {
        var response = new GetRiskSummaryResponse { Rules = ToContract(rules) };
        response.BySpec.AddRange(summary.BySpec.Select(ToContract));
        response.ByManufacturer.AddRange(summary.ByManufacturer.Select(ToContract));
        response.Warnings.AddRange(summary.Warnings.Select(ToContract));
        return response;
    }

    private static RiskGroup ToContract(Model.RiskGroup group)
    {
        var message = new RiskGroup
        {
            Kind = KindName(group.Kind),
            Key = group.Key,
            SampleCount = group.SampleCount,
            DecidedCount = group.DecidedCount,
            FailureCount = group.FailureCount,
            FailureRateLower = group.FailureRateInterval.Lower,
            FailureRateUpper = group.FailureRateInterval.Upper,
            ConductorR20Ratio = ToContract(group.ConductorR20Ratio),
            InsulationRatio = ToContract(group.InsulationRatio),
        };
        if (group.FailureRate is { } rate)
        {
            message.FailureRate = rate;
        }

        message.Trend.AddRange(group.Trend.Select(ToContract));
        message.Warnings.AddRange(group.Warnings.Select(ToContract));
        return message;
    }

    private static MarginDistribution ToContract(Model.MarginDistribution distribution)
    {
        var message = new MarginDistribution { Count = distribution.Count };
        if (distribution.Count > 0)
        {
            message.Min = distribution.Min!.Value;
            message.P10 = distribution.P10!.Value;
            message.P25 = distribution.P25!.Value;
            message.Median = distribution.Median!.Value;
            message.P75 = distribution.P75!.Value;
            message.P90 = distribution.P90!.Value;
            message.Max = distribution.Max!.Value;
        }

        return message;
    }

    private static RiskTrendPoint ToContract(Model.RiskTrendPoint point)
    {
        var message = new RiskTrendPoint { Period = point.Period, SampleCount = point.SampleCount, FailureCount = point.FailureCount };
        if (point.ConductorR20RatioMedian is { } conductor)
        {
            message.ConductorR20RatioMedian = conductor;
        }

        if (point.InsulationRatioMedian is { } insulation)
        {
            message.InsulationRatioMedian = insulation;
        }

        return message;
    }

    private static RiskWarning ToContract(Model.RiskWarning warning) => new()
    {
        Rule = warning.Rule,
        GroupKind = KindName(warning.GroupKind),
        GroupKey = warning.GroupKey,
        Value = warning.Value,
        Threshold = warning.Threshold,
        Message = warning.Message,
    };

    private static RiskRules ToContract(Model.RiskRules rules)
    {
        var message = new RiskRules { MinimumSamples = rules.MinimumSamples, WindowSamples = rules.WindowSamples };
        if (rules.ConductorMedianRatioAbove is { } conductor)
        {
            message.ConductorMedianRatioAbove = conductor;
        }

        if (rules.InsulationMedianRatioBelow is { } insulation)
        {
            message.InsulationMedianRatioBelow = insulation;
        }

        if (rules.FailureRateLowerBoundAbove is { } rate)
        {
            message.FailureRateLowerBoundAbove = rate;
        }

        return message;
    }

    private static string KindName(Model.RiskGroupKind kind) => kind == Model.RiskGroupKind.Spec ? "spec" : "manufacturer";
}
