using CableTest.Contracts.V1;
using CableTest.Domain.Risk;
using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Risk;

/// <summary>cabletest.v1.RiskService: risk early warning per product spec and per manufacturer. Sealed roles only (lims, engineer, supervisor).</summary>
[Authorize(Policy = Policies.SealedRead)]
internal sealed class RisksService(IRunStore store, IOptions<RiskOptions> options, VerdictIntegrity integrity) : RiskService.RiskServiceBase
{
    private const int MaxFilterLength = 200;
    private const long MinSeconds = -62_135_596_800, MaxSeconds = 253_402_300_799;

    public override async Task<GetRiskSummaryResponse> GetRiskSummary(GetRiskSummaryRequest request, ServerCallContext context)
    {
        var rules = new RequestRules();
        if (request.Manufacturer.Length > MaxFilterLength)
        {
            rules.Add("manufacturer", $"is {request.Manufacturer.Length} characters long; a manufacturer name has at most {MaxFilterLength}");
        }

        if (request.SpecId.Length > MaxFilterLength)
        {
            rules.Add("spec_id", $"is {request.SpecId.Length} characters long; a spec id has at most {MaxFilterLength}");
        }

        if (request.EvaluatedFrom is { } from && (from.Seconds is < MinSeconds or > MaxSeconds || from.Nanos is < 0 or > 999_999_999))
        {
            rules.Add("evaluated_from", "is not a time between 0001-01-01 and 9999-12-31 (RFC 3339, e.g. 2026-11-01T00:00:00Z)");
        }

        rules.ThrowIfAny();
        ThrowIfStoreAltered();
        var query = new RiskQuery
        {
            Manufacturer = request.Manufacturer,
            SpecId = request.SpecId,
            EvaluatedFrom = request.EvaluatedFrom?.ToDateTimeOffset(),
        };
        var observations = await store.ListRiskObservationsAsync(query, context.CancellationToken).ConfigureAwait(false);
        var riskRules = options.Value.ToRules();
        return RiskMapping.ToContract(RiskAnalysis.Summarize(observations, riskRules), riskRules);
    }

    /// <summary>
    /// DATA_LOSS while the verdict store has failed its integrity check: a summary counts every verdict's margins, so
    /// one altered record (or margins row) would move a manufacturer's figures without saying so.
    /// </summary>
    private void ThrowIfStoreAltered()
    {
        if (integrity.FirstFailure is not { } broken)
        {
            return;
        }

        throw IntegrityRefusal.Of(FormattableString.Invariant(
            $"no risk summary while the verdict store fails its integrity check: the record at sequence {broken.Sequence} does not match its hashes ({broken.Detail}); check the store with `cabletest verify` and restore it from a backup"),
            "VERDICT_STORE_ALTERED", "cabletest.v1.RiskService", broken.Sequence);
    }
}
